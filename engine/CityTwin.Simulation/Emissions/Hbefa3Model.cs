namespace CityTwin.Simulation.Emissions;

/// <summary>
/// SUMO's HBEFA3 per-second emission model (<c>HelpersHBEFA3</c>, docs "Models/Emissions/HBEFA3-based"):
/// E [mg/s] = max(0, (c0 + c_av1·a·v + c_av2·a²·v + c1·v + c2·v² + c3·v³) / 3.6), v in m/s, a in m/s² (energy.md §4.1).
/// </summary>
/// <remarks>
/// The fit over-estimates idling (e.g. PC_G_EU4 CO2 2,624.7 mg/s at rest) — a known property, kept for comparability
/// with SUMO. Newer SUMO versions zero emissions while coasting below a class-specific deceleration; that threshold
/// is a parameter of <see cref="EmissionMgPerS"/> here, off by default.
/// </remarks>
public static class Hbefa3Model
{
    /// <summary>Emission rate of one pollutant.</summary>
    /// <param name="vehicleClass">The class.</param>
    /// <param name="pollutant">The pollutant.</param>
    /// <param name="speedMps">Speed, m/s.</param>
    /// <param name="accelerationMps2">Acceleration, m/s².</param>
    /// <param name="coastingDecelMps2">Below this (negative) acceleration the engine is taken as fuel-cut: zero.</param>
    /// <returns>Emission rate, mg/s (fuel: mg/s of fuel mass).</returns>
    public static double EmissionMgPerS(
        Hbefa3Class vehicleClass, Pollutant pollutant, double speedMps, double accelerationMps2,
        double coastingDecelMps2 = double.NegativeInfinity)
    {
        ArgumentNullException.ThrowIfNull(vehicleClass);
        if (accelerationMps2 < coastingDecelMps2)
        {
            return 0.0;
        }

        ReadOnlySpan<double> c = vehicleClass.Coefficients(pollutant);
        double v = speedMps, a = accelerationMps2;
        double e = c[0] + (c[1] * a * v) + (c[2] * a * a * v) + (c[3] * v) + (c[4] * v * v) + (c[5] * v * v * v);
        return Math.Max(0.0, e / 3.6);
    }

    /// <summary>Volumetric fuel rate (SUMO: mass rate / fuel density).</summary>
    /// <param name="vehicleClass">The class.</param>
    /// <param name="speedMps">Speed, m/s.</param>
    /// <param name="accelerationMps2">Acceleration, m/s².</param>
    /// <returns>Fuel, ml/s.</returns>
    public static double FuelMlPerS(Hbefa3Class vehicleClass, double speedMps, double accelerationMps2)
    {
        ArgumentNullException.ThrowIfNull(vehicleClass);
        return EmissionMgPerS(vehicleClass, Pollutant.Fuel, speedMps, accelerationMps2) / vehicleClass.FuelDensityGPerL;
    }
}
