using CityTwin.IO.Tables;
using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Editing;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;

namespace CityTwin.Scenarios.Sweeping;

/// <summary>What happened to one variant of a sweep.</summary>
/// <param name="Index">0-based variant index.</param>
/// <param name="Id">Variant id (its folder name under <c>runs/</c>).</param>
/// <param name="Skipped">True when an earlier sweep had already finished it.</param>
/// <param name="Kpis">Its KPIs.</param>
public sealed record SweepVariantResult(int Index, string Id, bool Skipped, KpiSet Kpis);

/// <summary>
/// Runs every variant of a sweep, several at once, into <c>OUT/runs/&lt;variant id&gt;/</c>, skipping variants whose
/// folder already holds a finished run (so an interrupted sweep resumes where it stopped), then writes one table of all
/// KPIs by parameter values (<c>OUT/sweep_results.csv</c> and <c>.parquet</c>).
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs a sweep.</summary>
    /// <param name="sweep">The sweep.</param>
    /// <param name="outputDirectory">Output folder.</param>
    /// <param name="parallel">Variants run at once (each single-threaded).</param>
    /// <param name="onVariantDone">Called as each variant finishes (from worker threads).</param>
    /// <returns>One result per variant, in variant order.</returns>
    /// <exception cref="ScenarioValidationException">Any variant is invalid (checked before anything runs).</exception>
    public static IReadOnlyList<SweepVariantResult> Run(SweepDefinition sweep, string outputDirectory, int parallel = 1,
        Action<SweepVariantResult>? onVariantDone = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);

        // Validate every variant before running any.
        var scenarios = new Scenario[sweep.Variants.Count];
        var errors = new List<ScenarioError>();
        for (var i = 0; i < scenarios.Length; i++)
        {
            try
            {
                var s = VariantBuilder.Build(sweep.BaseScenario, sweep.Variants[i], $"{sweep.Name}-{sweep.VariantId(i)}");
                scenarios[i] = sweep.Replications is { } r ? s with { Replications = r } : s;
            }
            catch (ScenarioValidationException e)
            {
                var at = i < sweep.VariantLocations.Count ? sweep.VariantLocations[i] : new ScenarioError(sweep.BaseScenario, 0, 0, "");
                errors.AddRange(e.Errors.Select(x => at with { Message = $"variant {i + 1} ({sweep.VariantId(i)}): {x}" }));
            }
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        // Load each distinct city once; prepare (edit) every variant before running, so an edit that selects nothing stops the sweep early.
        var cities = new Dictionary<string, ScenarioCity>();
        var prepared = new PreparedScenario[scenarios.Length];
        for (var i = 0; i < scenarios.Length; i++)
        {
            var file = scenarios[i].City.NetworkFile;
            if (!cities.TryGetValue(file, out var city))
            {
                cities[file] = city = ScenarioCity.Load(scenarios[i].City);
            }

            prepared[i] = ScenarioEditor.Prepare(scenarios[i] with { Threads = 1 }, city.Model);
        }

        var runs = Path.Combine(outputDirectory, "runs");
        Directory.CreateDirectory(runs);
        var results = new SweepVariantResult[scenarios.Length];
        Parallel.For(0, scenarios.Length, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            var dir = Path.Combine(runs, sweep.VariantId(i));
            var kpiFile = Path.Combine(dir, "kpis.json");
            SweepVariantResult result;
            if (File.Exists(kpiFile))
            {
                result = new SweepVariantResult(i, sweep.VariantId(i), true, KpiSet.Load(kpiFile));
            }
            else
            {
                var run = ScenarioRunner.Run(prepared[i], cities[scenarios[i].City.NetworkFile], new RunOptions { OutputDirectory = dir });
                result = new SweepVariantResult(i, sweep.VariantId(i), false, run.Kpis);
            }

            results[i] = result;
            onVariantDone?.Invoke(result);
        });

        var table = new ColumnTable();
        foreach (var r in results)
        {
            var settings = sweep.Variants[r.Index].ToDictionary(s => s.Key, s => s.Value);
            table.Add(
                [new("variant", r.Id), .. sweep.Keys.Select(k => new KeyValuePair<string, string>(k, settings.GetValueOrDefault(k, "")))],
                r.Kpis.Numbers);
        }

        table.WriteCsv(Path.Combine(outputDirectory, "sweep_results.csv"));
        table.WriteParquet(Path.Combine(outputDirectory, "sweep_results.parquet"));
        return results;
    }
}
