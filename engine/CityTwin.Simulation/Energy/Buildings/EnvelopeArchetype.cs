namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>Thermal envelope of a construction archetype (U-values in W/m²K).</summary>
public readonly struct EnvelopeArchetype
{
    /// <summary>Creates an envelope.</summary>
    /// <param name="name">Archetype name (e.g. "TABULA DE MFH E 1958–1968").</param>
    /// <param name="wallU">Exterior wall U-value.</param>
    /// <param name="roofU">Roof (top ceiling) U-value.</param>
    /// <param name="windowU">Window U-value.</param>
    /// <param name="windowG">Window total solar energy transmittance g (normal incidence).</param>
    /// <param name="baseU">Ground floor / basement ceiling U-value.</param>
    /// <param name="windowToWallRatio">Window share of the gross façade area.</param>
    /// <param name="airtightnessN50">Air changes per hour at 50 Pa.</param>
    /// <param name="heatCapacityJm2K">Internal heat capacity per m² of conditioned floor, J/m²K.</param>
    /// <param name="massAreaFactor">Effective mass area per m² of floor, A_m / A_f.</param>
    public EnvelopeArchetype(
        string name, double wallU, double roofU, double windowU, double windowG, double baseU, double windowToWallRatio,
        double airtightnessN50, double heatCapacityJm2K, double massAreaFactor)
    {
        Name = name;
        WallU = wallU;
        RoofU = roofU;
        WindowU = windowU;
        WindowG = windowG;
        BaseU = baseU;
        WindowToWallRatio = windowToWallRatio;
        AirtightnessN50 = airtightnessN50;
        HeatCapacityJm2K = heatCapacityJm2K;
        MassAreaFactor = massAreaFactor;
    }

    /// <summary>
    /// This envelope retrofitted: wall, roof, window and ground U-values multiplied by <paramref name="factor"/>
    /// (0.6 = a 40% better envelope); everything else unchanged.
    /// </summary>
    /// <param name="factor">Factor on the U-values, &gt; 0.</param>
    /// <returns>The retrofitted envelope (this one for a factor of 1).</returns>
    public EnvelopeArchetype WithUFactor(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return factor == 1.0 ? this : new EnvelopeArchetype($"{Name} (U x{factor:0.###})", WallU * factor, RoofU * factor, WindowU * factor,
            WindowG, BaseU * factor, WindowToWallRatio, AirtightnessN50, HeatCapacityJm2K, MassAreaFactor);
    }

    /// <summary>Archetype name.</summary>
    public string Name { get; }

    /// <summary>Exterior wall U-value, W/m²K.</summary>
    public double WallU { get; }

    /// <summary>Roof U-value, W/m²K.</summary>
    public double RoofU { get; }

    /// <summary>Window U-value, W/m²K.</summary>
    public double WindowU { get; }

    /// <summary>Window g-value at normal incidence.</summary>
    public double WindowG { get; }

    /// <summary>Ground floor U-value, W/m²K.</summary>
    public double BaseU { get; }

    /// <summary>Window share of the gross façade area.</summary>
    public double WindowToWallRatio { get; }

    /// <summary>Air changes per hour at 50 Pa.</summary>
    public double AirtightnessN50 { get; }

    /// <summary>Internal heat capacity per m² of floor, J/m²K.</summary>
    public double HeatCapacityJm2K { get; }

    /// <summary>Effective mass area per m² of floor.</summary>
    public double MassAreaFactor { get; }
}
