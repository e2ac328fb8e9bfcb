using System.Text;
using CityTwin.Scenarios.Running;

namespace CityTwin.Scenarios.Reporting;

/// <summary>
/// <c>report.html</c> of one run: KPIs, time series (vehicles, speed, street-lighting power, feeder load) and a map of
/// the network coloured by a chosen per-edge measure. Built from the run folder's files only.
/// </summary>
public static class RunReport
{
    /// <summary>Writes <c>report.html</c> into a run folder.</summary>
    /// <param name="runDirectory">The run folder.</param>
    /// <returns>The report's path.</returns>
    /// <exception cref="InvalidDataException">Not a finished run, or a table is malformed.</exception>
    public static string Write(string runDirectory) => HtmlPage.Write(Render(RunData.Load(runDirectory)), runDirectory);

    /// <summary>The report's HTML.</summary>
    /// <param name="run">The run's data.</param>
    /// <returns>The page.</returns>
    public static string Render(RunData run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = run.Kpis.Text("scenario") ?? Path.GetFileName(run.Directory);
        var sb = new StringBuilder();
        sb.Append($"<h1>{SvgLineChart.Esc(name)}</h1><p class=\"sub\">CityTwin {SvgLineChart.Esc(run.Kpis.Text("engineVersion") ?? "")} · seed {KpiSet.Format(run.Kpis.TryGet("seed", out var seed) ? seed : 0)} · ");
        sb.Append($"{KpiSet.Format(run.Kpis.TryGet("replications", out var reps) ? reps : 1)} replication(s) · weather: {SvgLineChart.Esc(run.Kpis.Text("weather") ?? "n/a")}</p>");
        sb.Append("<h2>Key figures</h2><div class=\"kpis\"><table><tr><th>KPI</th><th>value</th></tr>");
        foreach (var (kpi, value) in run.Kpis.Numbers)
        {
            sb.Append($"<tr><td>{SvgLineChart.Esc(kpi)}</td><td>{KpiSet.Format(Math.Round(value, Math.Abs(value) >= 100 ? 1 : 3))}</td></tr>");
        }

        sb.Append("</table></div>");
        sb.Append("<h2>Over time</h2><div class=\"charts\">");
        sb.Append(Charts(run, null));
        sb.Append("</div><h2>Map</h2>");
        sb.Append(SvgNetworkMap.Render(run.Roads, Layers(run), "map"));
        sb.Append(HtmlPage.List("Edits to the baseline", run.Edits));
        sb.Append(HtmlPage.List("Notes", run.Notes));
        sb.Append(HtmlPage.List("Not in this run folder (not shown)", run.Missing));
        return HtmlPage.Wrap($"{name} — CityTwin report", sb.ToString());
    }

    /// <summary>The time-series charts, with run B overlaid when given.</summary>
    internal static string Charts(RunData a, RunData? b)
    {
        var sb = new StringBuilder();
        void Chart(string title, string x, string y, params (string Key, string Label, string Colour)[] lines)
        {
            var series = new List<(string, string, double[], double[])>();
            foreach (var (key, label, colour) in lines)
            {
                if (a.Series.TryGetValue(key, out var sa))
                {
                    series.Add((b is null ? label : $"{label} A", colour, sa.X, sa.Y));
                }

                if (b is not null && b.Series.TryGetValue(key, out var sb2))
                {
                    series.Add(($"{label} B", Darker(colour), sb2.X, sb2.Y));
                }
            }

            if (series.Count > 0)
            {
                sb.Append(SvgLineChart.Render(title, x, y, series));
            }
        }

        Chart("Vehicles", "simulated time (s)", "vehicles", ("running", "running", "#1f77b4"), ("arrived", "arrived", "#2ca02c"));
        Chart("Mean speed of running vehicles", "simulated time (s)", "km/h", ("speed", "speed", "#9467bd"));
        Chart("Street-lighting power", "simulated time (s)", "kW", ("lighting", "lighting", "#e6a700"));
        Chart("City feeder load, daily peak", "day of year", "kW", ("feederPeak", "peak net load", "#d62728"));
        return sb.ToString();
    }

    /// <summary>Map layers present in a run.</summary>
    internal static List<SvgNetworkMap.Layer> Layers(RunData run) =>
        RunData.Measures.Where(m => run.EdgeMeasures.ContainsKey(m.Key))
            .Select(m => new SvgNetworkMap.Layer($"{m.Value.Label} ({m.Value.Unit})", run.EdgeMeasures[m.Key])).ToList();

    private static string Darker(string colour) => colour switch
    {
        "#1f77b4" => "#0b3c61",
        "#2ca02c" => "#145214",
        "#9467bd" => "#4b2a6b",
        "#e6a700" => "#8a5a00",
        "#d62728" => "#6e1010",
        _ => "#333333",
    };
}
