using System.CommandLine;
using CityTwin.Scenarios.Comparing;
using CityTwin.Scenarios.Running;
using Spectre.Console;

namespace CityTwin.Cli.Commands;

/// <summary>
/// <c>citytwin compare &lt;A&gt; &lt;B&gt;</c>: KPI differences B − A with 95% confidence intervals over replications. A and B
/// are finished run folders, or scenario files (run first into <c>out/&lt;name&gt;</c>).
/// </summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "Baseline: a run folder (with kpis.json) or a scenario file" };
        var b = new Argument<string>("b") { Description = "Variant: a run folder or a scenario file" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for compare.csv and report.html (default: out/compare-<A>-vs-<B>)" };
        var replications = new Option<int?>("--replications") { Description = "Replications when running scenario files" };
        var command = new Command("compare", "Compare two runs (or two scenario files, running them): KPI differences with confidence intervals and a difference map.")
        {
            a, b, output, replications,
        };
        command.SetAction(r => Run(r.GetValue(a)!, r.GetValue(b)!, r.GetValue(output), r.GetValue(replications)));
        return command;
    }

    private static int Run(string a, string b, DirectoryInfo? output, int? replications)
    {
        var dirA = Resolve(a, replications);
        var dirB = Resolve(b, replications);
        if (dirA is null || dirB is null)
        {
            return 1;
        }

        List<KpiDifference> rows;
        try
        {
            rows = RunComparer.Compare(dirA, dirB);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        var table = new Table().AddColumn("KPI").AddColumn(new TableColumn("A").RightAligned()).AddColumn(new TableColumn("B").RightAligned())
            .AddColumn(new TableColumn("B − A").RightAligned()).AddColumn(new TableColumn("95% CI").RightAligned()).AddColumn(new TableColumn("change").RightAligned());
        foreach (var r in rows)
        {
            var ci = r.ReplicationsA >= 2 && r.ReplicationsB >= 2 ? $"[{Fmt(r.Ci95Low)}, {Fmt(r.Ci95High)}]" : "n/a";
            var rel = double.IsNaN(r.RelativeDifference) ? "" : $"{r.RelativeDifference:+0.0%;-0.0%;0.0%}";
            table.AddRow(Markup.Escape(r.Name), Fmt(r.MeanA), Fmt(r.MeanB), r.Significant ? $"[bold]{Fmt(r.Difference)}[/]" : Fmt(r.Difference), Markup.Escape(ci), rel);
        }

        AnsiConsole.Write(table);
        var dir = output?.FullName ?? Path.Combine("out", $"compare-{Path.GetFileName(dirA.TrimEnd('/'))}-vs-{Path.GetFileName(dirB.TrimEnd('/'))}");
        Directory.CreateDirectory(dir);
        RunComparer.WriteCsv(rows, Path.Combine(dir, "compare.csv"));
        Scenarios.Reporting.CompareReport.Write(dirA, dirB, rows, dir);
        AnsiConsole.MarkupLine($"compare.csv and report in [bold]{Markup.Escape(dir)}[/] (bold differences: 95% interval excludes zero)");
        return 0;
    }

    private static string Fmt(double v) => KpiSet.Format(Math.Round(v, Math.Abs(v) >= 100 ? 1 : 3));

    /// <summary>A run folder as is; a scenario file is run first into out/&lt;name&gt;.</summary>
    private static string? Resolve(string path, int? replications)
    {
        if (Directory.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"error: {path} is neither a run folder nor a scenario file");
            return null;
        }

        var result = RunCommand.RunWithProgress(new FileInfo(path), null, new RunOptions { Replications = replications });
        return result?.OutputDirectory;
    }
}
