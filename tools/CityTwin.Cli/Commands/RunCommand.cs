using System.CommandLine;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;
using Spectre.Console;

namespace CityTwin.Cli.Commands;

/// <summary><c>citytwin run &lt;scenario.yaml&gt;</c>: validate a scenario, run it with a live progress bar, write its outputs.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "Scenario file (YAML; see docs/scenarios.md)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Output folder (default: out/<scenario name>)" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed instead of the scenario's" };
        var threads = new Option<int?>("--threads") { Description = "Traffic threads instead of the scenario's (-1: all cores)" };
        var replications = new Option<int?>("--replications") { Description = "Replications instead of the scenario's" };
        var command = new Command("run", "Run a scenario file: traffic, emissions, street lighting and building energy; writes kpis.json, tables, GeoJSON and report.html.")
        {
            file, output, seed, threads, replications,
        };
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(output), new RunOptions
        {
            Seed = r.GetValue(seed), Threads = r.GetValue(threads), Replications = r.GetValue(replications),
        }));
        return command;
    }

    /// <summary>Runs a scenario file with progress and prints the KPIs; shared by compare.</summary>
    /// <param name="file">Scenario file.</param>
    /// <param name="output">Output folder or null.</param>
    /// <param name="options">Overrides.</param>
    /// <returns>Exit code.</returns>
    internal static int Run(FileInfo file, DirectoryInfo? output, RunOptions options)
    {
        var result = RunWithProgress(file, output, options);
        if (result is null)
        {
            return 1;
        }

        var table = new Table().AddColumn("KPI").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in result.Kpis.Numbers)
        {
            table.AddRow(name, KpiSet.Format(Math.Round(value, 3)));
        }

        AnsiConsole.Write(table);
        foreach (var note in result.Replications[0].Notes)
        {
            AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }

        AnsiConsole.MarkupLine($"[grey]wall time: {Markup.Escape(result.StageTimes.ToString())}[/]");
        AnsiConsole.MarkupLine($"Outputs, report and kpis.json in [bold]{Markup.Escape(result.OutputDirectory ?? "")}[/]");
        AnsiConsole.MarkupLine($"Report: [link]{Markup.Escape(Path.Combine(result.OutputDirectory ?? "", "report.html"))}[/]");
        AnsiConsole.WriteLine("Map data © OpenStreetMap contributors (ODbL).");
        return 0;
    }

    /// <summary>Loads and runs a scenario with a progress bar; prints errors and returns null on bad input.</summary>
    /// <param name="file">Scenario file.</param>
    /// <param name="output">Output folder or null (then out/&lt;name&gt;).</param>
    /// <param name="options">Overrides.</param>
    /// <returns>The result, or null.</returns>
    internal static RunResult? RunWithProgress(FileInfo file, DirectoryInfo? output, RunOptions options)
    {
        try
        {
            var scenario = ScenarioLoader.Load(file.FullName);
            var dir = output?.FullName ?? Path.GetFullPath(Path.Combine("out", scenario.Name));
            AnsiConsole.MarkupLine($"Scenario [bold]{Markup.Escape(scenario.Name)}[/] ({Markup.Escape(file.Name)}): {scenario.Time.DurationS} s from {scenario.Time.StartLocal:yyyy-MM-dd HH:mm}, seed {options.Seed ?? scenario.Seed}, {options.Replications ?? scenario.Replications} replication(s)");
            RunResult? result = null;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("loading city", maxValue: 1);
                    result = ScenarioRunner.Run(scenario, options with
                    {
                        OutputDirectory = dir,
                        Progress = p =>
                        {
                            var total = p.Replications * p.EndS;
                            task.MaxValue = Math.Max(total, 1);
                            task.Value = Math.Max(0, (p.Replication - 1) * p.EndS + p.SimulatedS);
                            task.Description = p.Stage == "traffic"
                                ? $"rep {p.Replication}/{p.Replications}  t={p.SimulatedS:0}s  running {p.Running:N0}  arrived {p.Arrived:N0}  {p.RealTimeFactor:N0}x real time"
                                : p.Stage;
                        },
                    });
                    task.Value = task.MaxValue;
                    task.Description = "done";
                });
            return result;
        }
        catch (Exception e) when (ScenarioCity.IsInputError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return null;
        }
    }
}
