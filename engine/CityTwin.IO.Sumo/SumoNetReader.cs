using System.Globalization;
using CityTwin.Model;
using CityTwin.Model.Buildings;
using CityTwin.Model.Geometry;
using CityTwin.Model.Lighting;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Sumo;

/// <summary>Reads a SUMO network (<c>.net.xml</c> or <c>.net.xml.gz</c>) into a <see cref="SumoNetwork"/>.</summary>
public static class SumoNetReader
{
    /// <summary>Reads a network file.</summary>
    /// <param name="path">Path of the .net.xml (gzip is detected from the content).</param>
    /// <returns>The network with its id tables and signal plans.</returns>
    /// <exception cref="SumoFormatException">The XML is malformed or the network inconsistent (message names file and line).</exception>
    public static SumoNetwork Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var report = new SumoReport();
        var raw = SumoNetParser.Parse(path, report);
        var fileName = Path.GetFileName(path);
        var (projection, originX, originY) = Projection(raw, report);
        var b = new SumoNetBuilder(raw, report, path, originX, originY);
        var roads = b.Build();
        var importReport = new ImportReport(fileName, raw.Junctions.Count, raw.Edges.Count, 0, report.ToEntries());
        var model = new CityModel(projection, roads, BuildingSet.Empty, StreetLampSet.Empty, importReport);
        return new SumoNetwork(model, b.EdgeIds, b.LaneIds, b.JunctionIds, b.TrafficLightIds, b.Plans, report, originX, originY);
    }

    /// <summary>
    /// The model origin is the centre of SUMO's <c>convBoundary</c> (SUMO coordinates are already metres, so they are
    /// only shifted). For a UTM <c>projParameter</c> the centre is converted back to lon/lat through the UTM inverse
    /// (UTM = TM with k0 = 0.9996 on the zone meridian, false easting 500 km), and the model projection is a local TM
    /// there; for other geo-referenced nets the centre of the lon/lat <c>origBoundary</c> is used. The SUMO plane then
    /// differs from the local TM by UTM's scale (−0.04 %) and grid convergence, which the report notes. A net that is
    /// not geo-referenced (<c>projParameter="!"</c>) gets a projection at 0°, 0° and a warning: its lon/lat are meaningless.
    /// </summary>
    private static (LocalTransverseMercator Projection, double OriginX, double OriginY) Projection(SumoNetRaw raw, SumoReport report)
    {
        var conv = Numbers(raw.ConvBoundary);
        var (cx, cy) = conv.Length == 4 ? ((conv[0] + conv[2]) / 2, (conv[1] + conv[3]) / 2) : (0.0, 0.0);
        var proj = raw.ProjParameter ?? "!";
        var offset = Numbers(raw.NetOffset);
        if (proj.Contains("+proj=utm", StringComparison.Ordinal) && offset.Length == 2 && Zone(proj) is { } zone)
        {
            const double k0 = 0.9996;
            var easting = cx - offset[0];
            var northing = cy - offset[1] - (proj.Contains("+south", StringComparison.Ordinal) ? 10_000_000 : 0);
            var zoneTm = new LocalTransverseMercator(-183 + (6 * zone), 0);
            zoneTm.Inverse((easting - 500_000) / k0, northing / k0, out var lon, out var lat);
            report.Add("input", "projection: UTM plane kept as local metres (scale 0.9996 and grid convergence not removed)", ReportSeverity.Info);
            return (new LocalTransverseMercator(lon, lat), cx, cy);
        }

        var orig = Numbers(raw.OrigBoundary);
        if (proj != "!" && orig.Length == 4 && Math.Abs(orig[0]) <= 180 && Math.Abs(orig[2]) <= 180 && Math.Abs(orig[1]) <= 90 && Math.Abs(orig[3]) <= 90)
        {
            report.Add("input", "projection: centre of origBoundary used, SUMO plane kept as local metres", ReportSeverity.Info);
            return (new LocalTransverseMercator((orig[0] + orig[2]) / 2, (orig[1] + orig[3]) / 2), cx, cy);
        }

        report.Add("input", "network not geo-referenced: projection placeholder at 0°E 0°N", ReportSeverity.Warning);
        return (new LocalTransverseMercator(0, 0), cx, cy);
    }

    private static int? Zone(string proj)
    {
        var i = proj.IndexOf("+zone=", StringComparison.Ordinal);
        if (i < 0)
        {
            return null;
        }

        var digits = new string(proj.AsSpan(i + 6).ToArray().TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var z) ? z : null;
    }

    private static double[] Numbers(string? csv)
    {
        if (csv is null)
        {
            return [];
        }

        var parts = csv.Split(',');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return [];
            }
        }

        return values;
    }
}
