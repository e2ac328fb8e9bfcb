using System.Globalization;
using System.Net;
using System.Text;

namespace CityTwin.Scenarios.Reporting;

/// <summary>
/// A small line chart as inline SVG. Hand-written rather than a plotting library: the report must be one offline file,
/// and a few polylines with axes are a few hundred bytes of SVG, where the plotting libraries available here render
/// through a native graphics stack.
/// </summary>
public static class SvgLineChart
{
    /// <summary>Renders a chart.</summary>
    /// <param name="title">Title above the chart.</param>
    /// <param name="xLabel">Label of the x axis.</param>
    /// <param name="yLabel">Label of the y axis.</param>
    /// <param name="series">Series: name, colour (CSS), x and y values (NaN points are skipped).</param>
    /// <returns>The SVG element.</returns>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, string Colour, double[] X, double[] Y)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const double W = 460, H = 240, L = 58, R = 12, T = 28, B = 40;
        var xs = series.SelectMany(s => s.X).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var ys = series.SelectMany(s => s.Y).Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var (x0, x1) = NiceRange(xs.Min(), xs.Max(), includeZero: false);
        var (y0, y1) = NiceRange(Math.Min(0, ys.Min()), ys.Max(), includeZero: true);
        double Px(double x) => L + (x - x0) / (x1 - x0) * (W - L - R);
        double Py(double y) => H - B - (y - y0) / (y1 - y0) * (H - T - B);
        var sb = new StringBuilder();
        sb.Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\"><title>{Esc(title)}</title>"));
        sb.Append(Inv($"<text x=\"{L}\" y=\"16\" class=\"ct\">{Esc(title)}</text>"));
        foreach (var t in Ticks(y0, y1))
        {
            sb.Append(Inv($"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Py(t):0.#}\" y2=\"{Py(t):0.#}\" class=\"grid\"/><text x=\"{L - 4}\" y=\"{Py(t) + 4:0.#}\" class=\"yt\">{Label(t)}</text>"));
        }

        foreach (var t in Ticks(x0, x1))
        {
            sb.Append(Inv($"<text x=\"{Px(t):0.#}\" y=\"{H - B + 14}\" class=\"xt\">{Label(t)}</text>"));
        }

        sb.Append(Inv($"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{H - B}\" y2=\"{H - B}\" class=\"axis\"/><line x1=\"{L}\" x2=\"{L}\" y1=\"{T}\" y2=\"{H - B}\" class=\"axis\"/>"));
        sb.Append(Inv($"<text x=\"{(L + W - R) / 2}\" y=\"{H - 6}\" class=\"xl\">{Esc(xLabel)}</text>"));
        sb.Append(Inv($"<text transform=\"translate(12 {(T + H - B) / 2}) rotate(-90)\" class=\"xl\">{Esc(yLabel)}</text>"));
        var legendX = L + 8.0;
        foreach (var s in series)
        {
            var points = new StringBuilder();
            for (var i = 0; i < Math.Min(s.X.Length, s.Y.Length); i++)
            {
                if (double.IsFinite(s.X[i]) && double.IsFinite(s.Y[i]))
                {
                    points.Append(Inv($"{Px(s.X[i]):0.#},{Py(s.Y[i]):0.#} "));
                }
            }

            sb.Append(Inv($"<polyline fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"1.6\" points=\"{points.ToString().TrimEnd()}\"/>"));
            if (series.Count > 1)
            {
                sb.Append(Inv($"<rect x=\"{legendX}\" y=\"{T + 2}\" width=\"10\" height=\"3\" fill=\"{s.Colour}\"/><text x=\"{legendX + 14}\" y=\"{T + 7}\" class=\"lg\">{Esc(s.Name)}</text>"));
                legendX += 22 + 6.5 * s.Name.Length;
            }
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A range rounded out to a 1/2/5 × 10ⁿ step.</summary>
    internal static (double Low, double High) NiceRange(double low, double high, bool includeZero)
    {
        if (includeZero)
        {
            low = Math.Min(low, 0);
        }

        if (!(high > low))
        {
            high = low + 1;
        }

        var step = Step(high - low);
        return (Math.Floor(low / step) * step, Math.Ceiling(high / step) * step);
    }

    private static double Step(double span)
    {
        var raw = span / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    private static IEnumerable<double> Ticks(double low, double high)
    {
        var step = Step(high - low);
        for (var t = low; t <= high + step / 1000; t += step)
        {
            yield return Math.Round(t, 10);
        }
    }

    private static string Label(double v) => Math.Abs(v) >= 10_000 ? (v / 1000).ToString("0.#k", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Esc(string s) => WebUtility.HtmlEncode(s);

    internal static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
