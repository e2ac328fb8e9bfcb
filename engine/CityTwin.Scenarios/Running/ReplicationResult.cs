using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Energy.Results;
using CityTwin.Traffic.Outputs;

namespace CityTwin.Scenarios.Running;

/// <summary>One replication's KPIs and tables, as objects (the library API's answer to "run it and give me the tables").</summary>
public sealed class ReplicationResult
{
    /// <summary>Seed of this replication.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The KPIs.</summary>
    public required KpiSet Kpis { get; init; }

    /// <summary>Per trip (SUMO tripinfo-like).</summary>
    public required IReadOnlyList<TripInfo> Trips { get; init; }

    /// <summary>Per edge and interval.</summary>
    public required IReadOnlyList<EdgeDataRow> EdgeData { get; init; }

    /// <summary>Network summary per interval.</summary>
    public required IReadOnlyList<SummaryRow> Summary { get; init; }

    /// <summary>Induction-loop detector rows (SUMO additional files' e1 detectors).</summary>
    public IReadOnlyList<DetectorRow> Detectors { get; init; } = [];

    /// <summary>Level crossings' barriers: closures and time down (empty when the network has none).</summary>
    public IReadOnlyList<LevelCrossingRow> LevelCrossings { get; init; } = [];

    /// <summary>EV charging sessions at destinations.</summary>
    public IReadOnlyList<ChargingSession> ChargingSessions { get; init; } = [];

    /// <summary>EV charging load per feeder and hour of the year, kW (row-major by feeder), or null without energy.</summary>
    public double[]? FeederEvKW { get; init; }

    /// <summary>Street-lighting load per feeder and hour of the year, kW (row-major by feeder), or null without energy or lamps.</summary>
    public double[]? FeederLightingKW { get; init; }

    /// <summary>Emissions per trip.</summary>
    public required IReadOnlyList<TripEmissionRow> TripEmissions { get; init; }

    /// <summary>Emissions per edge and interval.</summary>
    public required IReadOnlyList<EdgeEmissionRow> EdgeEmissions { get; init; }

    /// <summary>Street lighting per lamp (empty without lamps or with lighting off).</summary>
    public required IReadOnlyList<LampRow> Lamps { get; init; }

    /// <summary>Street lighting per road.</summary>
    public required IReadOnlyList<RoadLightingRow> LightingRoads { get; init; }

    /// <summary>Street-lighting power per simulated minute (mean kW over the minute ending at <c>TimeS</c>).</summary>
    public IReadOnlyList<LightingPowerRow> LightingPower { get; init; } = [];

    /// <summary>What the run had to assume or adapt (e.g. emission classes modelled by a stand-in), for the log.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Wall seconds per stage of this replication (demand, routing, traffic, energy…); information only.</summary>
    public StageTimes StageTimes { get; init; } = new();

    /// <summary>Building energy over the year (null with energy off or no buildings).</summary>
    public EnergyYearResult? Energy { get; init; }
}

/// <summary>Mean street-lighting power over the interval ending at <paramref name="TimeS"/>.</summary>
/// <param name="TimeS">End of the interval, simulated seconds.</param>
/// <param name="PowerKW">Mean power of all lamps, kW.</param>
public readonly record struct LightingPowerRow(double TimeS, double PowerKW);
