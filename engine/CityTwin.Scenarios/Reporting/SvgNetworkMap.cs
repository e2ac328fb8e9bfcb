using System.Globalization;
using System.Text;

namespace CityTwin.Scenarios.Reporting;

/// <summary>
/// The road network as inline SVG, one path per edge, coloured by one of several per-edge measures. Each path carries
/// every layer's colour (<c>data-c</c>, separated by <c>|</c>) so a few lines of inline script switch layers without
/// repeating the geometry; without script the first layer shows. Edges with no data are grey.
/// </summary>
public static class SvgNetworkMap
{
    /// <summary>A colouring of the edges.</summary>
    /// <param name="Label">Name in the layer menu and legend, with unit.</param>
    /// <param name="Values">Value per edge index (NaN: no data).</param>
    /// <param name="Diverging">True for signed changes (blue = lower, red = higher, white = no change).</param>
    /// <param name="HigherIsBetter">For diverging layers: whether an increase is good (then green, not red).</param>
    public sealed record Layer(string Label, double[] Values, bool Diverging = false, bool HigherIsBetter = false);

    /// <summary>Renders the map with a layer menu, legends and the OpenStreetMap attribution.</summary>
    /// <param name="roads">Edges with lon/lat points.</param>
    /// <param name="layers">At least one layer.</param>
    /// <param name="id">Element id prefix (unique in the page).</param>
    /// <returns>HTML (menu, SVG, legends).</returns>
    public static string Render(IReadOnlyList<(int Edge, string Name, double[] Lon, double[] Lat, double LengthM)> roads, IReadOnlyList<Layer> layers, string id)
    {
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(layers);
        if (roads.Count == 0 || layers.Count == 0)
        {
            return "<p class=\"missing\">No map: the run folder has no roads.geojson or no per-edge results.</p>";
        }

        var lon0 = roads.SelectMany(r => r.Lon).Min();
        var lon1 = roads.SelectMany(r => r.Lon).Max();
        var lat0 = roads.SelectMany(r => r.Lat).Min();
        var lat1 = roads.SelectMany(r => r.Lat).Max();
        var kx = Math.Cos((lat0 + lat1) / 2 * Math.PI / 180);
        const double W = 920;
        var scale = W / Math.Max((lon1 - lon0) * kx, 1e-9);
        var h = Math.Max(200, Math.Min(900, (lat1 - lat0) * scale));
        scale = Math.Min(scale, h / Math.Max(lat1 - lat0, 1e-9));
        var scales = layers.Select(Scale).ToArray();
        var sb = new StringBuilder();
        sb.Append(Inv($"<div class=\"map\"><label>Colour by <select id=\"{id}-sel\" onchange=\"ctLayer('{id}', this.selectedIndex)\">"));
        for (var i = 0; i < layers.Count; i++)
        {
            sb.Append(Inv($"<option>{SvgLineChart.Esc(layers[i].Label)}</option>"));
        }

        sb.Append(Inv($"</select></label><svg id=\"{id}\" viewBox=\"0 0 {W} {h:0}\" width=\"100%\" role=\"img\"><title>Road network</title><rect width=\"{W}\" height=\"{h:0}\" class=\"sea\"/>"));
        foreach (var road in roads.OrderBy(r => r.LengthM))
        {
            var d = new StringBuilder();
            for (var p = 0; p < road.Lon.Length; p++)
            {
                d.Append(p == 0 ? 'M' : 'L').Append(Inv($"{(road.Lon[p] - lon0) * kx * scale:0.#} {(lat1 - road.Lat[p]) * scale:0.#}"));
            }

            var colours = string.Join('|', layers.Select((layer, i) => Colour(layer, scales[i], road.Edge < layer.Values.Length ? layer.Values[road.Edge] : double.NaN)));
            sb.Append(Inv($"<path d=\"{d}\" stroke=\"{colours.Split('|')[0]}\" data-c=\"{colours}\"><title>{SvgLineChart.Esc(road.Name)} (edge {road.Edge})</title></path>"));
        }

        sb.Append(Inv($"<text x=\"{W - 6}\" y=\"{h - 6:0}\" class=\"attr\">Map data © OpenStreetMap contributors (ODbL)</text></svg>"));
        for (var i = 0; i < layers.Count; i++)
        {
            sb.Append(Legend(layers[i], scales[i], id, i));
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    /// <summary>Colour range of a layer: 5th–95th percentile for sequential layers, ±95th percentile of |value| for diverging ones.</summary>
    private static (double Low, double High) Scale(Layer layer)
    {
        var v = layer.Values.Where(double.IsFinite).Order().ToArray();
        if (v.Length == 0)
        {
            return (0, 1);
        }

        if (layer.Diverging)
        {
            var a = v.Select(Math.Abs).Order().ToArray();
            var m = Math.Max(a[(int)(0.95 * (a.Length - 1))], 1e-9);
            return (-m, m);
        }

        var low = v[(int)(0.05 * (v.Length - 1))];
        var high = v[(int)(0.95 * (v.Length - 1))];
        return (low, high > low ? high : low + 1);
    }

    private static string Colour(Layer layer, (double Low, double High) s, double value)
    {
        if (!double.IsFinite(value))
        {
            return "#c8c8c8";
        }

        var t = Math.Clamp((value - s.Low) / (s.High - s.Low), 0, 1);
        if (!layer.Diverging)
        {
            // Viridis-like ramp (dark blue → green → yellow).
            return Ramp(t, [(0.27, 0.00, 0.33), (0.23, 0.32, 0.55), (0.13, 0.57, 0.55), (0.37, 0.79, 0.38), (0.99, 0.91, 0.14)]);
        }

        if (value == 0)
        {
            return "#f2f2f2";
        }

        var good = layer.HigherIsBetter ? t : 1 - t;
        return Ramp(good, [(0.79, 0.09, 0.11), (0.99, 0.68, 0.38), (0.95, 0.95, 0.95), (0.55, 0.80, 0.45), (0.10, 0.52, 0.25)]);
    }

    private static string Ramp(double t, (double R, double G, double B)[] stops)
    {
        var x = t * (stops.Length - 1);
        var i = Math.Min((int)x, stops.Length - 2);
        var f = x - i;
        var (r, g, b) = (stops[i].R + f * (stops[i + 1].R - stops[i].R), stops[i].G + f * (stops[i + 1].G - stops[i].G), stops[i].B + f * (stops[i + 1].B - stops[i].B));
        return string.Create(CultureInfo.InvariantCulture, $"#{(int)(r * 255):x2}{(int)(g * 255):x2}{(int)(b * 255):x2}");
    }

    private static string Legend(Layer layer, (double Low, double High) s, string id, int index)
    {
        var stops = string.Join(",", Enumerable.Range(0, 11).Select(k => Colour(layer, s, s.Low + (s.High - s.Low) * k / 10)));
        var low = layer.Diverging ? (layer.HigherIsBetter ? "worse" : "better") + $" ({Num(s.Low)})" : Num(s.Low);
        var high = layer.Diverging ? (layer.HigherIsBetter ? "better" : "worse") + $" (+{Num(s.High)})" : Num(s.High);
        return Inv($"<div class=\"legend\" id=\"{id}-lg{index}\"{(index == 0 ? "" : " hidden")}><span>{SvgLineChart.Esc(low)}</span><span class=\"bar\" style=\"background:linear-gradient(to right,{stops})\"></span><span>{SvgLineChart.Esc(high)}</span> <em>{SvgLineChart.Esc(layer.Label)}; grey: no data</em></div>");
    }

    private static string Num(double v) => v.ToString(Math.Abs(v) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
