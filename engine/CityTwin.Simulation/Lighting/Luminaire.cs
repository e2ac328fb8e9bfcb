namespace CityTwin.Simulation.Lighting;

/// <summary>
/// Electrical properties of one luminaire. Power is the system (wall-plug) power: lamp plus ballast for HPS, driver
/// included for LED.
/// </summary>
public readonly struct Luminaire
{
    /// <summary>Magnetic-ballast loss of HPS systems as a share of lamp power (energy.md §3.2: system ≈ lamp + 10–20 %; we take 15 %).</summary>
    public const double HpsBallastLoss = 0.15;

    /// <summary>Creates a luminaire.</summary>
    /// <param name="technology">Technology.</param>
    /// <param name="systemPowerW">Full-output system power, W.</param>
    /// <param name="dimmable">Whether it follows dimming commands.</param>
    /// <param name="minimumLevel">Lowest level the driver reaches (e.g. 0.1); commands below it are raised to it.</param>
    public Luminaire(LuminaireTechnology technology, double systemPowerW, bool dimmable, double minimumLevel = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(systemPowerW);
        Technology = technology;
        SystemPowerW = systemPowerW;
        Dimmable = dimmable;
        MinimumLevel = minimumLevel;
    }

    /// <summary>Technology.</summary>
    public LuminaireTechnology Technology { get; }

    /// <summary>Full-output system power, W.</summary>
    public double SystemPowerW { get; }

    /// <summary>Whether it dims.</summary>
    public bool Dimmable { get; }

    /// <summary>Lowest dim level.</summary>
    public double MinimumLevel { get; }

    /// <summary>
    /// Power at a commanded level: 0 when off; a non-dimmable luminaire burns at full power whenever on; an LED's power
    /// is taken as linear in level (Schréder: "almost linear"), floored at the driver's minimum.
    /// </summary>
    /// <param name="level">Commanded level, 0 (off) to 1.</param>
    /// <returns>Power, W.</returns>
    public double PowerW(double level)
    {
        if (level <= 0.0)
        {
            return 0.0;
        }

        return Dimmable ? SystemPowerW * Math.Clamp(level, MinimumLevel, 1.0) : SystemPowerW;
    }

    /// <summary>
    /// Typical luminaire for a lighting class when the lamp is not mapped: HPS lamp 250 / 150 / 100 / 70 / 50 W for
    /// M1–M2 / M3 / M4 / M5–M6 and C / P classes, plus ballast losses; LED replacements from the US DOE Gateway /
    /// MSSLC Kansas City trial ratios (≈ 63 W for a 100 W HPS, i.e. 0.63 of lamp watts; energy.md §3.2).
    /// </summary>
    /// <param name="lightingClass">The class.</param>
    /// <param name="technology">The technology.</param>
    /// <returns>The luminaire (LED dimmable, HPS not).</returns>
    public static Luminaire Typical(LightingClass lightingClass, LuminaireTechnology technology)
    {
        double hpsLampW = lightingClass switch
        {
            LightingClass.M1 or LightingClass.M2 or LightingClass.C0 => 250.0,
            LightingClass.M3 or LightingClass.C1 => 150.0,
            LightingClass.M4 or LightingClass.C2 => 100.0,
            LightingClass.M5 or LightingClass.M6 or LightingClass.C3 or LightingClass.C4 or LightingClass.P1 or LightingClass.P2 => 70.0,
            _ => 50.0,
        };
        return technology == LuminaireTechnology.Led
            ? new Luminaire(LuminaireTechnology.Led, Math.Round(hpsLampW * 0.63), dimmable: true)
            : new Luminaire(LuminaireTechnology.HighPressureSodium, hpsLampW * (1.0 + HpsBallastLoss), dimmable: false);
    }
}
