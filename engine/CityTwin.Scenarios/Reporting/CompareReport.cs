using System.Text;
using CityTwin.Scenarios.Comparing;
using CityTwin.Scenarios.Running;

namespace CityTwin.Scenarios.Reporting;

/// <summary>
/// <c>report.html</c> comparing two runs: the KPI differences with 95% confidence intervals, the time series of both,
/// and a map of where speeds, travel times, CO₂ and street-lighting energy changed (B − A per edge).
/// </summary>
public static class CompareReport
{
    /// <summary>Measures compared on the map, and whether an increase is an improvement.</summary>
    private static readonly (string Key, bool HigherIsBetter)[] MapMeasures = [("speed", true), ("travelTime", false), ("co2", false), ("lighting", false), ("flow", true)];

    /// <summary>Writes the comparison report.</summary>
    /// <param name="runDirectoryA">Run A (baseline).</param>
    /// <param name="runDirectoryB">Run B (variant).</param>
    /// <param name="differences">KPI differences (from <see cref="RunComparer"/>).</param>
    /// <param name="outputDirectory">Where <c>report.html</c> goes.</param>
    /// <returns>The report's path.</returns>
    public static string Write(string runDirectoryA, string runDirectoryB, IReadOnlyList<KpiDifference> differences, string outputDirectory) =>
        HtmlPage.Write(Render(RunData.Load(runDirectoryA), RunData.Load(runDirectoryB), differences), outputDirectory);

    /// <summary>The report's HTML.</summary>
    /// <param name="a">Run A.</param>
    /// <param name="b">Run B.</param>
    /// <param name="differences">KPI differences.</param>
    /// <returns>The page.</returns>
    public static string Render(RunData a, RunData b, IReadOnlyList<KpiDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(differences);
        var nameA = a.Kpis.Text("scenario") ?? "A";
        var nameB = b.Kpis.Text("scenario") ?? "B";
        var sb = new StringBuilder();
        sb.Append($"<h1>{SvgLineChart.Esc(nameB)} vs {SvgLineChart.Esc(nameA)}</h1><p class=\"sub\">A = {SvgLineChart.Esc(nameA)} ({SvgLineChart.Esc(a.Directory)}), B = {SvgLineChart.Esc(nameB)} ({SvgLineChart.Esc(b.Directory)})</p>");
        sb.Append("<h2>Key figures</h2><table><tr><th>KPI</th><th>A</th><th>B</th><th>B − A</th><th>95% interval</th><th>change</th></tr>");
        foreach (var d in differences)
        {
            var ci = d.ReplicationsA >= 2 && d.ReplicationsB >= 2 ? $"[{F(d.Ci95Low)}, {F(d.Ci95High)}]" : "n/a (1 replication)";
            var rel = double.IsNaN(d.RelativeDifference) ? "" : d.RelativeDifference.ToString("+0.0%;-0.0%;0.0%", System.Globalization.CultureInfo.InvariantCulture);
            var cls = d.Difference > 0 ? "up" : d.Difference < 0 ? "down" : "";
            sb.Append($"<tr><td>{SvgLineChart.Esc(d.Name)}</td><td>{F(d.MeanA)}</td><td>{F(d.MeanB)}</td><td class=\"{cls}{(d.Significant ? " sig" : "")}\">{F(d.Difference)}</td><td>{ci}</td><td class=\"{cls}\">{rel}</td></tr>");
        }

        sb.Append("</table><p class=\"sub\">Bold: the 95% interval excludes zero. Intervals are paired (per-replication differences) when both runs used the same seeds, as runs of one seed do by default; Welch's otherwise.</p>");
        sb.Append("<h2>Over time</h2><div class=\"charts\">").Append(RunReport.Charts(a, b)).Append("</div>");
        var layers = new List<SvgNetworkMap.Layer>();
        foreach (var (key, higherIsBetter) in MapMeasures)
        {
            if (a.EdgeMeasures.TryGetValue(key, out var va) && b.EdgeMeasures.TryGetValue(key, out var vb))
            {
                var n = Math.Max(va.Length, vb.Length);
                var diff = new double[n];
                for (var e = 0; e < n; e++)
                {
                    var x = e < va.Length ? va[e] : double.NaN;
                    var y = e < vb.Length ? vb[e] : double.NaN;

                    // An edge used in only one run (e.g. closed in B) shows the change against zero where zero is meaningful.
                    diff[e] = key is "flow" or "co2" or "lighting" ? Zero(y) - Zero(x) : y - x;
                }

                var (label, unit) = RunData.Measures[key];
                layers.Add(new SvgNetworkMap.Layer($"Change in {label.ToLowerInvariant()} (B − A, {unit})", diff, Diverging: true, HigherIsBetter: higherIsBetter));
            }
        }

        sb.Append("<h2>Where it changed</h2>").Append(SvgNetworkMap.Render(b.Roads.Count > 0 ? b.Roads : a.Roads, layers, "diff"));
        sb.Append(HtmlPage.List($"Edits in B ({nameB})", b.Edits));
        sb.Append(HtmlPage.List("Not in the run folders (not shown)", a.Missing.Select(m => $"A: {m}").Concat(b.Missing.Select(m => $"B: {m}"))));
        return HtmlPage.Wrap($"{nameB} vs {nameA} — CityTwin comparison", sb.ToString());
    }

    private static double Zero(double v) => double.IsNaN(v) ? 0 : v;

    private static string F(double v) => KpiSet.Format(Math.Round(v, Math.Abs(v) >= 100 ? 1 : 3));
}
