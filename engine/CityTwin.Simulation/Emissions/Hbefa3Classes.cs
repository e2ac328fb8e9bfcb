namespace CityTwin.Simulation.Emissions;

/// <summary>
/// A selection of SUMO's HBEFA3 classes (<c>HelpersHBEFA3.cpp</c>, rows CO2, CO, HC, fuel, NOx, PMx; each
/// {c0, c_av1, c_av2, c1, c2, c3}): passenger cars petrol/diesel Euro 4–6, light duty Euro 6, urban bus, coach and
/// heavy duty vehicle. Re-typed as data with citation (energy.md §4.1, §8).
/// </summary>
public static class Hbefa3Classes
{
    /// <summary>Passenger car, petrol, Euro 4.</summary>
    public static Hbefa3Class PcGEu4 { get; } = new("PC_G_EU4", false,
    [
        9449, 938.4, 0.0, -467.1, 28.26, 0.0, 593.2, 19.32, 0.0, -73.25, 2.086, 0.0, 2.923, 0.1113, 0.0, -0.3476, 0.01032, 0.0,
        3014, 299.3, 0.0, -149, 9.014, 0.0, 4.336, 0.4428, 0.0, -0.3204, 0.01371, 0.0, 0.2375, 0.0245, 0.0, -0.03251, 0.001325, 0.0,
    ]);

    /// <summary>Passenger car, petrol, Euro 5.</summary>
    public static Hbefa3Class PcGEu5 { get; } = new("PC_G_EU5", false,
    [
        8823, 886, 0.0, -432.9, 26.53, 0.0, 499.5, 16.93, 0.0, -61.37, 1.737, 0.0, 2.554, 0.1011, 0.0, -0.3009, 0.008911, 0.0,
        2814, 282.6, 0.0, -138.1, 8.462, 0.0, 4.02, 0.4289, 0.0, -0.286, 0.01257, 0.0, 0.2786, 0.0241, 0.0, -0.03718, 0.001396, 0.0,
    ]);

    /// <summary>Passenger car, petrol, Euro 6.</summary>
    public static Hbefa3Class PcGEu6 { get; } = new("PC_G_EU6", false,
    [
        8273, 845.1, 0.0, -401.1, 25.08, 0.0, 405.3, 13.7, 0.0, -49.38, 1.389, 0.0, 2.016, 0.08505, 0.0, -0.2338, 0.006998, 0.0,
        2639, 269.6, 0.0, -127.9, 8.001, 0.0, 3.444, 0.4035, 0.0, -0.2313, 0.01086, 0.0, 0.3107, 0.02274, 0.0, -0.04042, 0.001421, 0.0,
    ]);

    /// <summary>Passenger car, diesel, Euro 4.</summary>
    public static Hbefa3Class PcDEu4 { get; } = new("PC_D_EU4", true,
    [
        6824, 742.3, 0.0, -195.3, 16.46, 0.0, 2.105, 0.02898, 0.0, -0.03593, 0.0, 0.0, 0.1208, 0.01649, 0.0, 0.02261, 0.0, 0.0,
        2147, 233.5, 0.0, -61.45, 5.178, 0.0, 47.45, 4.011, 0.0, -4.061, 0.1619, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ]);

    /// <summary>Passenger car, diesel, Euro 5.</summary>
    public static Hbefa3Class PcDEu5 { get; } = new("PC_D_EU5", true,
    [
        4125, 686.1, 0.0, 153.1, 0.0, 0.2125, 1.319, 0.02428, 0.0, -0.01683, 0.0, 0.0, 0.1285, 0.0168, 0.0, 0.02269, 0.0, 0.0,
        1298, 215.8, 0.0, 48.15, 0.0, 0.06684, 46.01, 4.064, 0.0, -3.872, 0.1567, 0.0, 0.6729, 0.02248, 0.0, -0.0764, 0.002153, 0.0,
    ]);

    /// <summary>Passenger car, diesel, Euro 6.</summary>
    public static Hbefa3Class PcDEu6 { get; } = new("PC_D_EU6", true,
    [
        3946, 661.8, 0.0, 149.8, 0.0, 0.2041, 2.096, 0.02906, 0.0, -0.03578, 0.0, 0.0, 0.1368, 0.01692, 0.0, 0.02037, 0.0, 0.0,
        1241, 208.2, 0.0, 47.1, 0.0, 0.06419, 16.31, 1.39, 0.0, -1.391, 0.05512, 0.0, 0.553, 0.01902, 0.0, -0.06184, 0.001758, 0.0,
    ]);

    /// <summary>Light duty vehicle, diesel, Euro 6.</summary>
    public static Hbefa3Class LdvDEu6 { get; } = new("LDV_D_EU6", true,
    [
        3374, 880.2, 0.0, 308.9, 0.0, 0.2798, 1.651, 0.03157, 0.0, -0.02797, 0.0, 0.0, 0.03311, 0.01971, 0.0, 0.02401, 0.0, 0.0,
        1061, 276.9, 0.0, 97.17, 0.0, 0.088, 13.57, 2.119, 0.0, -1.211, 0.07068, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    ]);

    /// <summary>Urban bus (diesel).</summary>
    public static Hbefa3Class Bus { get; } = new("Bus", true,
    [
        19030, 6475, 0.0, 2073, 0.0, 0.0, 72.61, 7.482, 0.0, 0.6348, 0.0, 0.0, 17.46, 0.8473, 0.0, 0.254, 0.0, 0.0,
        6016, 2049, 0.0, 656.6, 0.0, 0.0, 218.7, 46.17, 0.0, 11.27, 0.0, 0.0, 7.222, 0.8024, 0.0, 0.1201, 0.0, 0.0,
    ]);

    /// <summary>Coach (diesel).</summary>
    public static Hbefa3Class Coach { get; } = new("Coach", true,
    [
        16670, 7763, 0.0, 2610, 0.0, 0.0, 70.85, 7.73, 0.0, 1.306, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        5244, 2442, 0.0, 820.9, 0.0, 0.0, 226.7, 60.86, 0.0, 16.97, 0.0, 0.0, 8.297, 0.8085, 0.0, 0.1417, 0.0, 0.0,
    ]);

    /// <summary>Heavy duty vehicle (diesel truck).</summary>
    public static Hbefa3Class Hdv { get; } = new("HDV", true,
    [
        26570, 7076, 0.0, 1753, 0.0, 0.0, 54.72, 7.864, 0.0, 1.669, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
        8358, 2226, 0.0, 551.4, 0.0, 0.0, 305.6, 55.28, 0.0, 9.505, 0.0, 0.0, 7.952, 0.854, 0.0, 0.1195, 0.0, 0.0,
    ]);

    /// <summary>All classes here, by SUMO name.</summary>
    public static IReadOnlyDictionary<string, Hbefa3Class> ByName { get; } = new[]
    {
        PcGEu4, PcGEu5, PcGEu6, PcDEu4, PcDEu5, PcDEu6, LdvDEu6, Bus, Coach, Hdv,
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);
}
