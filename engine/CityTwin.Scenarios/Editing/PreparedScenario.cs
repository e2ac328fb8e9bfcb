using CityTwin.Model;
using CityTwin.Scenarios.Definition;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.Signals;

namespace CityTwin.Scenarios.Editing;

/// <summary>
/// A scenario with every edit resolved against its city: the edited city model and the run-time settings the edits
/// produced. Built by <see cref="ScenarioEditor"/>; the runner only reads it.
/// </summary>
public sealed class PreparedScenario
{
    /// <summary>The scenario as written.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The city after road edits.</summary>
    public required CityModel City { get; init; }

    /// <summary>Replacement signal plans by program index.</summary>
    public required IReadOnlyDictionary<int, SignalPlan> SignalPlans { get; init; }

    /// <summary>One luminaire per street lamp of the city (after retrofits).</summary>
    public required Luminaire[] Luminaires { get; init; }

    /// <summary>Lighting settings after control edits.</summary>
    public required LightingSettings Lighting { get; init; }

    /// <summary>Electric share of passenger cars.</summary>
    public required double EvShare { get; init; }

    /// <summary>PV adoption share.</summary>
    public required double PvShare { get; init; }

    /// <summary>Factor on envelope U-values per building (1: unchanged).</summary>
    public required double[] UFactorByBuilding { get; init; }

    /// <summary>Factor on the number of trips.</summary>
    public required double DemandScale { get; init; }

    /// <summary>One line per edit saying what it changed (for the log and the report).</summary>
    public required IReadOnlyList<string> EditSummary { get; init; }
}
