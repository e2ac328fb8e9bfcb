using System.Globalization;
using CityTwin.Model.Geometry;

namespace CityTwin.Traffic.Demand;

/// <summary>Parses a WKT <c>POLYGON</c> in lon/lat into projected rings, and tests points against a ring.</summary>
internal static class WktPolygon
{
    public static List<PointM[]> Parse(CsvTable table, string column, LocalTransverseMercator projection)
    {
        var text = table.Text(column).Trim();
        const string Prefix = "POLYGON";
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            throw table.Error(column, $"expected 'POLYGON((lon lat, ...))', found '{Shorten(text)}'.");
        }

        var body = text[Prefix.Length..].Trim();
        if (body.Length < 4 || body[0] != '(' || body[^1] != ')')
        {
            throw table.Error(column, "expected the rings in parentheses: POLYGON((lon lat, ...)).");
        }

        body = body[1..^1];
        var rings = new List<PointM[]>();
        var i = 0;
        while (i < body.Length)
        {
            var open = body.IndexOf('(', i);
            if (open < 0)
            {
                break;
            }

            var close = body.IndexOf(')', open);
            if (close < 0)
            {
                throw table.Error(column, $"ring {rings.Count + 1} is not closed with ')'.");
            }

            rings.Add(ParseRing(table, column, body[(open + 1)..close], rings.Count + 1, projection));
            i = close + 1;
        }

        if (rings.Count == 0)
        {
            throw table.Error(column, "expected at least one ring: POLYGON((lon lat, ...)).");
        }

        return rings;
    }

    /// <summary>Ray casting (crossing number) test.</summary>
    public static bool Contains(PointM[] ring, PointM p)
    {
        var inside = false;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            var a = ring[i];
            var b = ring[j];
            if ((a.YM > p.YM) != (b.YM > p.YM) && p.XM < ((b.XM - a.XM) * (p.YM - a.YM) / (b.YM - a.YM)) + a.XM)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private static PointM[] ParseRing(CsvTable table, string column, string ring, int ringNumber, LocalTransverseMercator projection)
    {
        var parts = ring.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length < 3)
        {
            throw table.Error(column, $"ring {ringNumber} needs at least 3 points, found {parts.Length}.");
        }

        var points = new PointM[parts.Length];
        for (var k = 0; k < parts.Length; k++)
        {
            var xy = parts[k].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (xy.Length != 2
                || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                throw table.Error(column, $"ring {ringNumber}, point {k + 1}: expected 'lon lat' in degrees, found '{parts[k]}'.");
            }

            projection.Forward(lon, lat, out var x, out var y);
            points[k] = new PointM(x, y);
        }

        return points;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
