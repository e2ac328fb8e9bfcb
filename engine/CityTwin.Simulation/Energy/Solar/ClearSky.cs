namespace CityTwin.Simulation.Energy.Solar;

/// <summary>Clear-sky global horizontal irradiance models.</summary>
public static class ClearSky
{
    /// <summary>
    /// Haurwitz (1945) clear-sky model as in pvlib <c>clearsky.haurwitz</c>: GHI = 1098·cos z·exp(−0.059 / cos z),
    /// zero when the sun is at or below the horizon. Needs nothing but the zenith angle, which is why the synthetic
    /// weather year uses it (energy.md §2.2).
    /// </summary>
    /// <param name="zenithDeg">Apparent solar zenith angle, degrees.</param>
    /// <returns>Global horizontal irradiance, W/m².</returns>
    public static double HaurwitzGhiWm2(double zenithDeg)
    {
        double cosZ = Math.Cos(zenithDeg * (Math.PI / 180.0));
        return cosZ <= 0.0 ? 0.0 : 1098.0 * cosZ * Math.Exp(-0.059 / cosZ);
    }
}
