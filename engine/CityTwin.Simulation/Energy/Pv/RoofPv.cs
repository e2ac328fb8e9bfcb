namespace CityTwin.Simulation.Energy.Pv;

/// <summary>
/// Rooftop PV sizing from a building footprint and a city-wide or per-building adoption share.
/// </summary>
/// <remarks>
/// Implementation note: without roof geometry (OSM rarely has <c>roof:shape</c> and never obstructions) the usable
/// area is the footprint times a coverage factor. CEA's solar guide caps coverage at 0.9 of suitable roof surfaces
/// (<c>cea/technologies/solar/SOLAR_GUIDE.md</c>); we default to 0.5 of the footprint to allow for setbacks, roof
/// equipment, north-facing pitches and unsuitable (≤ 800 kWh/m²a) parts — an assumption to calibrate, documented in
/// docs/energy.md. Module power density 185 W/m² is CEA 2024's c-Si module (325.7 Wp / 1.76 m²).
/// </remarks>
public static class RoofPv
{
    /// <summary>Default fraction of the footprint usable for modules.</summary>
    public const double DefaultUsableRoofFraction = 0.5;

    /// <summary>Default module power density, kWp per m² of module (CEA c-Si module, 325.7 Wp / 1.76 m²).</summary>
    public const double DefaultPowerDensityKWpPerM2 = 0.185;

    /// <summary>Smallest roof worth an installation, m² of usable area (below it the capacity is zero).</summary>
    public const double MinimumUsableAreaM2 = 5.0;

    /// <summary>Usable module area on a roof.</summary>
    /// <param name="footprintAreaM2">Footprint (roof) area, m².</param>
    /// <param name="usableFraction">Fraction of the footprint usable for modules, 0–1.</param>
    /// <returns>Module area, m² (0 when below <see cref="MinimumUsableAreaM2"/>).</returns>
    public static double UsableRoofAreaM2(double footprintAreaM2, double usableFraction = DefaultUsableRoofFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(footprintAreaM2);
        ArgumentOutOfRangeException.ThrowIfNegative(usableFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(usableFraction, 1.0);
        double area = footprintAreaM2 * usableFraction;
        return area < MinimumUsableAreaM2 ? 0.0 : area;
    }

    /// <summary>DC nameplate of a roof array.</summary>
    /// <param name="usableAreaM2">Module area, m².</param>
    /// <param name="powerDensityKWpPerM2">kWp per m² of module.</param>
    /// <returns>Capacity, kWp.</returns>
    public static double CapacityKWp(double usableAreaM2, double powerDensityKWpPerM2 = DefaultPowerDensityKWpPerM2)
        => usableAreaM2 * powerDensityKWpPerM2;

    /// <summary>
    /// Whether a building adopts PV under a city-wide share: a deterministic hash of (building id, seed) mapped to
    /// [0, 1) compared with the share, so the same buildings adopt in every run and a larger share keeps the earlier
    /// adopters (monotone), which makes scenario comparisons fair.
    /// </summary>
    /// <param name="buildingId">Stable building identifier (e.g. index or OSM id).</param>
    /// <param name="share">Adoption share, 0–1.</param>
    /// <param name="seed">Scenario seed.</param>
    /// <returns>True when the building has PV.</returns>
    public static bool Adopts(long buildingId, double share, ulong seed)
    {
        if (share <= 0.0)
        {
            return false;
        }

        if (share >= 1.0)
        {
            return true;
        }

        // SplitMix64 finaliser: a well-mixed 64-bit hash; the top 53 bits become a uniform double in [0, 1).
        ulong z = unchecked((ulong)buildingId + seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        double u = (z >> 11) * (1.0 / (1UL << 53));
        return u < share;
    }
}
