using System.CommandLine;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Sweeping;
using Spectre.Console;

namespace CityTwin.Cli.Commands;

/// <summary><c>citytwin sweep &lt;sweep.yaml&gt;</c>: run every variant of a base scenario, several at once, resumably.</summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("sweep") { Description = "Sweep file (YAML: scenario:, parameters: or variants:; see docs/scenarios.md)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Output folder (default: out/<sweep name>)" };
        var parallel = new Option<int>("--parallel") { Description = "Variants run at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("sweep", "Run a grid or list of variations of a base scenario in parallel (resumable) into one results table.")
        {
            file, output, parallel,
        };
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(output), r.GetValue(parallel)));
        return command;
    }

    private static int Run(FileInfo file, DirectoryInfo? output, int parallel)
    {
        if (parallel < 1)
        {
            Console.Error.WriteLine("error: --parallel must be at least 1");
            return 2;
        }

        try
        {
            var sweep = SweepDefinition.Load(file.FullName);
            var dir = output?.FullName ?? Path.Combine("out", sweep.Name);
            AnsiConsole.MarkupLine($"Sweep [bold]{Markup.Escape(sweep.Name)}[/]: {sweep.Variants.Count} variants of {Markup.Escape(Path.GetFileName(sweep.BaseScenario))}, {parallel} at once");
            var done = 0;
            var results = SweepRunner.Run(sweep, dir, parallel, r =>
            {
                var n = Interlocked.Increment(ref done);
                AnsiConsole.MarkupLine($"  [[{n}/{sweep.Variants.Count}]] {Markup.Escape(r.Id)} {(r.Skipped ? "(already finished, kept)" : "done")}");
            });
            var table = new Table().AddColumn("variant");
            foreach (var key in new[] { "vehiclesArrived", "meanTripDurationS", "meanTimeLossS", "co2Kg", "streetLightingKWh" })
            {
                table.AddColumn(new TableColumn(key).RightAligned());
            }

            foreach (var r in results)
            {
                table.AddRow([Markup.Escape(r.Id), .. new[] { "vehiclesArrived", "meanTripDurationS", "meanTimeLossS", "co2Kg", "streetLightingKWh" }
                    .Select(k => r.Kpis.TryGet(k, out var v) ? KpiSet.Format(Math.Round(v, 2)) : "")]);
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"All KPIs by parameter values: [bold]{Markup.Escape(Path.Combine(dir, "sweep_results.csv"))}[/] (and .parquet)");
            return 0;
        }
        catch (Exception e) when (ScenarioCity.IsInputError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
