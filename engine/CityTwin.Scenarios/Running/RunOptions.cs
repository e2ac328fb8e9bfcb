namespace CityTwin.Scenarios.Running;

/// <summary>How to run a scenario (overrides of the file's settings, and where outputs go).</summary>
public sealed record RunOptions
{
    /// <summary>Output folder; null: nothing is written (results are returned as objects).</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Seed instead of the scenario's.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Threads instead of the scenario's.</summary>
    public int? Threads { get; init; }

    /// <summary>Replications instead of the scenario's.</summary>
    public int? Replications { get; init; }

    /// <summary>Called about every simulated minute and at each stage.</summary>
    public Action<RunProgress>? Progress { get; init; }
}
