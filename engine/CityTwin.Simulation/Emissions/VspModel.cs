namespace CityTwin.Simulation.Emissions;

/// <summary>
/// Vehicle specific power (Jiménez-Palacios 1999, as used by US EPA MOVES) and the 14-mode light-duty petrol emission
/// rates of Frey, Zhang &amp; Rouphail (2008) (energy.md §4.3) — an alternative to HBEFA3 calibrated on US measurements.
/// </summary>
public static class VspModel
{
    // Upper VSP bound of modes 1…13 (kW/t); mode 14 is everything ≥ 39.
    private static readonly double[] ModeUpperBound = [-2, 0, 1, 4, 7, 10, 13, 16, 19, 23, 28, 33, 39];

    // Per mode: CO2 g/s, fuel g/s, NO mg/s, CO mg/s, HC mg/s (Frey et al. 2008 via SwashSim documentation).
    private static readonly double[,] Rates =
    {
        { 1.30, 0.41, 0.12, 1.83, 0.076 }, { 1.43, 0.45, 0.092, 1.86, 0.083 }, { 0.97, 0.31, 0.026, 0.90, 0.056 },
        { 2.03, 0.64, 0.14, 2.59, 0.12 }, { 2.74, 0.87, 0.21, 3.68, 0.16 }, { 3.42, 1.08, 0.23, 4.74, 0.20 },
        { 4.02, 1.27, 0.29, 5.73, 0.24 }, { 4.56, 1.44, 0.32, 6.18, 0.28 }, { 5.08, 1.61, 0.37, 7.09, 0.31 },
        { 5.61, 1.77, 0.47, 7.81, 0.35 }, { 6.05, 1.91, 0.59, 8.36, 0.38 }, { 6.41, 2.03, 0.68, 9.01, 0.42 },
        { 6.86, 2.17, 0.79, 10.5, 0.46 }, { 7.41, 2.34, 0.97, 10.9, 0.48 },
    };

    /// <summary>VSP = v(1.1a + 9.81·grade + 0.132) + 0.000302·v³, kW per tonne.</summary>
    /// <param name="speedMps">Speed, m/s.</param>
    /// <param name="accelerationMps2">Acceleration, m/s².</param>
    /// <param name="grade">Road grade as a fraction (rise/run).</param>
    /// <returns>VSP, kW/t.</returns>
    public static double VspKWPerTonne(double speedMps, double accelerationMps2, double grade = 0.0)
        => (speedMps * ((1.1 * accelerationMps2) + (9.81 * grade) + 0.132)) + (0.000302 * speedMps * speedMps * speedMps);

    /// <summary>Frey's operating mode (1…14) of a VSP value.</summary>
    /// <param name="vspKWPerTonne">VSP, kW/t.</param>
    /// <returns>Mode number 1–14.</returns>
    public static int Mode(double vspKWPerTonne)
    {
        for (int i = 0; i < ModeUpperBound.Length; i++)
        {
            if (vspKWPerTonne < ModeUpperBound[i])
            {
                return i + 1;
            }
        }

        return 14;
    }

    /// <summary>CO2 rate of a mode, g/s.</summary>
    /// <param name="mode">Mode 1–14.</param>
    /// <returns>g/s.</returns>
    public static double Co2GPerS(int mode) => Rates[CheckMode(mode), 0];

    /// <summary>Fuel rate of a mode, g/s.</summary>
    /// <param name="mode">Mode 1–14.</param>
    /// <returns>g/s.</returns>
    public static double FuelGPerS(int mode) => Rates[CheckMode(mode), 1];

    /// <summary>NO rate of a mode, mg/s.</summary>
    /// <param name="mode">Mode 1–14.</param>
    /// <returns>mg/s.</returns>
    public static double NoMgPerS(int mode) => Rates[CheckMode(mode), 2];

    /// <summary>CO rate of a mode, mg/s.</summary>
    /// <param name="mode">Mode 1–14.</param>
    /// <returns>mg/s.</returns>
    public static double CoMgPerS(int mode) => Rates[CheckMode(mode), 3];

    /// <summary>HC rate of a mode, mg/s.</summary>
    /// <param name="mode">Mode 1–14.</param>
    /// <returns>mg/s.</returns>
    public static double HcMgPerS(int mode) => Rates[CheckMode(mode), 4];

    private static int CheckMode(int mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(mode, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mode, 14);
        return mode - 1;
    }
}
