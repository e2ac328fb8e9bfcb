using CityTwin.Scenarios.Editing;

namespace CityTwin.Scenarios.Running;

/// <summary>A finished scenario run: KPIs (means over replications) and each replication's results.</summary>
public sealed class RunResult
{
    /// <summary>The prepared scenario (edited city, edit summary).</summary>
    public required PreparedScenario Prepared { get; init; }

    /// <summary>KPIs: means over replications for numbers, plus scenario, engine version and weather source.</summary>
    public required KpiSet Kpis { get; init; }

    /// <summary>Each replication (the first uses the scenario's seed, the next seed + 1, …).</summary>
    public required IReadOnlyList<ReplicationResult> Replications { get; init; }

    /// <summary>SUMO edge ids by edge index when the city is a SUMO network (for SUMO-schema outputs), else null.</summary>
    public IReadOnlyList<string>? SumoEdgeIds { get; init; }

    /// <summary>Wall seconds per stage (loading, edits, each replication's stages summed, outputs); information only.</summary>
    public StageTimes StageTimes { get; init; } = new();

    /// <summary>Output folder, when outputs were written.</summary>
    public string? OutputDirectory { get; init; }
}
