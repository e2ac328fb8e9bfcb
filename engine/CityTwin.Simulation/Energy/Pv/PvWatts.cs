namespace CityTwin.Simulation.Energy.Pv;

/// <summary>
/// PVWatts version 5 (Dobos 2014, NREL/TP-6A20-62641): DC power, system losses and inverter, as implemented in pvlib
/// <c>pvsystem.pvwatts_dc</c>, <c>pvwatts_losses</c> and <c>inverter.pvwatts</c> (energy.md §2.3).
/// </summary>
public static class PvWatts
{
    /// <summary>Reference inverter efficiency of the PVWatts v5 efficiency curve, η_ref = 0.9637.</summary>
    public const double ReferenceInverterEfficiency = 0.9637;

    /// <summary>PVWatts default nominal inverter efficiency, 0.96.</summary>
    public const double DefaultInverterEfficiency = 0.96;

    /// <summary>
    /// DC power: P_dc = (G_poa / 1000)·P_dc0·(1 + γ(T_cell − 25)) (PVWatts v5 manual eq. 1, no low-light term).
    /// </summary>
    /// <param name="effectivePoaWm2">Plane-of-array irradiance reaching the cells, W/m².</param>
    /// <param name="cellTemperatureC">Cell temperature, °C.</param>
    /// <param name="ratedDcW">DC nameplate at STC (1000 W/m², 25 °C), W.</param>
    /// <param name="temperatureCoefficientPerC">Power temperature coefficient γ, 1/°C (e.g. −0.0047 standard c-Si module).</param>
    /// <returns>DC power, W.</returns>
    public static double DcPowerW(double effectivePoaWm2, double cellTemperatureC, double ratedDcW, double temperatureCoefficientPerC)
        => effectivePoaWm2 / 1000.0 * ratedDcW * (1.0 + (temperatureCoefficientPerC * (cellTemperatureC - 25.0)));

    /// <summary>
    /// Combines individual loss percentages multiplicatively: L = 100·[1 − Π(1 − L_i/100)] (PVWatts v5 manual §3.5).
    /// </summary>
    /// <param name="lossesPercent">Individual losses, percent.</param>
    /// <returns>Total loss, percent.</returns>
    public static double TotalLossPercent(ReadOnlySpan<double> lossesPercent)
    {
        double remaining = 1.0;
        foreach (double l in lossesPercent)
        {
            remaining *= 1.0 - (l / 100.0);
        }

        return 100.0 * (1.0 - remaining);
    }

    /// <summary>
    /// PVWatts default losses, percent: soiling 2, shading 3, snow 0, mismatch 2, wiring 2, connections 0.5,
    /// light-induced degradation 1.5, nameplate 1, age 0, availability 3 (PVWatts v5 manual Table 3) → 14.075661 %.
    /// </summary>
    /// <returns>A new array of the ten default losses.</returns>
    public static double[] DefaultLossesPercent() => [2.0, 3.0, 0.0, 2.0, 2.0, 0.5, 1.5, 1.0, 0.0, 3.0];

    /// <summary>The PVWatts default total system loss, percent (≈ 14.075661).</summary>
    public static double DefaultSystemLossPercent => TotalLossPercent(DefaultLossesPercent());

    /// <summary>
    /// Inverter AC output: ζ = P_dc / P_dc0, η = (η_nom / 0.9637)(−0.0162ζ − 0.0059/ζ + 0.9858),
    /// P_ac = min(η·P_dc, η_nom·P_dc0), and 0 when P_dc ≤ 0 (PVWatts v5 manual eq. 9–11).
    /// </summary>
    /// <param name="dcPowerW">DC input, W.</param>
    /// <param name="inverterDcRatingW">Inverter DC rating P_dc0 (= AC rating / η_nom), W.</param>
    /// <param name="nominalEfficiency">Nominal efficiency η_nom.</param>
    /// <returns>AC output, W.</returns>
    public static double InverterAcW(double dcPowerW, double inverterDcRatingW, double nominalEfficiency = DefaultInverterEfficiency)
    {
        if (dcPowerW <= 0.0)
        {
            return 0.0;
        }

        double zeta = dcPowerW / inverterDcRatingW;
        double efficiency = nominalEfficiency / ReferenceInverterEfficiency * ((-0.0162 * zeta) - (0.0059 / zeta) + 0.9858);
        return Math.Max(0.0, Math.Min(efficiency * dcPowerW, nominalEfficiency * inverterDcRatingW));
    }

    /// <summary>
    /// Faiman (2008) module temperature model as in pvlib <c>temperature.faiman</c>:
    /// T = T_a + E / (u0 + u1·WS), defaults u0 = 25 W/m²K, u1 = 6.84 W·s/m³K.
    /// </summary>
    /// <param name="poaWm2">Plane-of-array irradiance, W/m².</param>
    /// <param name="airTemperatureC">Ambient air temperature, °C.</param>
    /// <param name="windSpeedMps">Wind speed, m/s.</param>
    /// <param name="u0">Constant heat transfer coefficient, W/m²K.</param>
    /// <param name="u1">Wind-dependent heat transfer coefficient, W·s/m³K.</param>
    /// <returns>Cell (module) temperature, °C.</returns>
    public static double FaimanCellTemperatureC(double poaWm2, double airTemperatureC, double windSpeedMps, double u0 = 25.0, double u1 = 6.84)
        => airTemperatureC + (poaWm2 / (u0 + (u1 * windSpeedMps)));
}
