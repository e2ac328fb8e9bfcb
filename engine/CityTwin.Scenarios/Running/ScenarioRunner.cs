using System.Globalization;
using System.Reflection;
using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Editing;

namespace CityTwin.Scenarios.Running;

/// <summary>
/// Runs scenarios: loads the city, applies the edits, runs every replication (traffic with emissions and street lighting,
/// then a year of building energy), averages the KPIs, and writes the outputs. The library face of
/// <c>citytwin run</c>.
/// </summary>
/// <example>
/// <code>
/// var scenario = ScenarioLoader.Load("scenarios/monaco/baseline.yaml") with { Replications = 3 };
/// var result = ScenarioRunner.Run(scenario);
/// Console.WriteLine(result.Kpis["meanTripDurationS"]);
/// </code>
/// </example>
public static class ScenarioRunner
{
    /// <summary>The engine version written into every <c>kpis.json</c>.</summary>
    public static string EngineVersion { get; } =
        typeof(ScenarioRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="options">Overrides and output folder.</param>
    /// <returns>The result.</returns>
    /// <exception cref="Loading.ScenarioValidationException">An edit selects nothing or does not fit the city.</exception>
    public static RunResult Run(Scenario scenario, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new RunOptions();
        scenario = scenario with
        {
            Seed = options.Seed ?? scenario.Seed,
            Threads = options.Threads ?? scenario.Threads,
            Replications = options.Replications ?? scenario.Replications,
        };
        options.Progress?.Invoke(new RunProgress(0, scenario.Replications, 0, scenario.Time.DurationS, 0, 0, 0, "loading city"));
        var times = new StageTimes();
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        var city = ScenarioCity.Load(scenario.City);
        t = times.Lap("load city", t);
        var prepared = ScenarioEditor.Prepare(scenario, city.Model);
        times.Lap("edits", t);
        return Run(prepared, city, options, times);
    }

    /// <summary>Runs a prepared scenario on an already loaded city (sweeps load the city once).</summary>
    /// <param name="prepared">The prepared scenario.</param>
    /// <param name="city">Its unedited city as loaded.</param>
    /// <param name="options">Output folder and progress (seed, threads and replications come from the scenario).</param>
    /// <returns>The result.</returns>
    public static RunResult Run(PreparedScenario prepared, ScenarioCity city, RunOptions options) => Run(prepared, city, options, new StageTimes());

    private static RunResult Run(PreparedScenario prepared, ScenarioCity city, RunOptions options, StageTimes times)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(options);
        var scenario = prepared.Scenario;
        var replications = new List<ReplicationResult>();
        for (var r = 0; r < scenario.Replications; r++)
        {
            replications.Add(ReplicationRunner.Run(prepared, city, scenario.Seed + (ulong)r, scenario.Threads, r + 1, options.Progress));
            times.AddAll(replications[^1].StageTimes);
        }

        var kpis = new KpiSet();
        kpis.SetText("scenario", scenario.Name);
        kpis.SetText("engineVersion", EngineVersion);
        kpis.SetText("weather", !scenario.Energy.Enabled ? "none" : scenario.Energy.EpwFile is { } epw ? Path.GetFileName(epw) : "synthetic (clear-sky model, see docs/energy.md)");
        kpis.Set("seed", scenario.Seed);
        kpis.Set("replications", scenario.Replications);
        foreach (var (name, _) in replications[0].Kpis.Numbers)
        {
            kpis.Set(name, replications.Average(r => r.Kpis[name]));
        }

        var result = new RunResult
        {
            Prepared = prepared, Kpis = kpis, Replications = replications, OutputDirectory = options.OutputDirectory, SumoEdgeIds = city.Sumo?.EdgeIds,
            StageTimes = times,
        };
        if (options.OutputDirectory is { } dir)
        {
            options.Progress?.Invoke(new RunProgress(scenario.Replications, scenario.Replications, scenario.Time.DurationS, scenario.Time.DurationS, 0, 0, 0, "writing outputs"));
            var t = System.Diagnostics.Stopwatch.GetTimestamp();
            RunOutputWriter.Write(result, dir);
            times.Lap("outputs", t);
        }

        return result;
    }

    /// <summary>Formats a KPI line for consoles.</summary>
    /// <param name="name">Name.</param>
    /// <param name="value">Value.</param>
    /// <returns>The line.</returns>
    public static string Line(string name, double value) => string.Create(CultureInfo.InvariantCulture, $"{name,-24} {value:0.###}");
}
