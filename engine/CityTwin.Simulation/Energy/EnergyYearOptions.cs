using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Grid;
using CityTwin.Simulation.Energy.Pv;

namespace CityTwin.Simulation.Energy;

/// <summary>Options of <see cref="EnergyYearRunner"/>.</summary>
public sealed class EnergyYearOptions
{
    /// <summary>Feeder assignment to use (e.g. from mapped substations); null = generate by k-means.</summary>
    public FeederAssignment? Feeders { get; init; }

    /// <summary>Buildings per generated feeder (k = ⌈n / this⌉); a European LV transformer serves roughly 50–300.</summary>
    public int BuildingsPerFeeder { get; init; } = 150;

    /// <summary>Seed for feeder clustering and PV adoption.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>City-wide share of buildings with rooftop PV (0–1).</summary>
    public double PvAdoptionShare { get; init; }

    /// <summary>Envelope retrofit: a factor on the U-values of each building (by index; null: none).</summary>
    public IReadOnlyList<double>? UFactorByBuilding { get; init; }

    /// <summary>Fraction of the footprint usable for PV modules.</summary>
    public double UsableRoofFraction { get; init; } = RoofPv.DefaultUsableRoofFraction;

    /// <summary>PV system assumptions.</summary>
    public PvSystemOptions Pv { get; init; } = new();

    /// <summary>Keep every building's hourly heating/cooling power (large: 70 KB per building).</summary>
    public bool HourlyBuildingOutput { get; init; }

    /// <summary>Kernel options (electric shares of heating/cooling, warm-up, parallelism).</summary>
    public KernelOptions Kernel { get; init; } = new();
}
