using System.Globalization;
using CityTwin.IO.Osm.Reading;
using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Energy;
using CityTwin.Model.Geometry;
using CityTwin.Model.Reporting;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Energy;

/// <summary>
/// Reads mapped grid assets: <c>power=substation</c> and <c>power=transformer</c> (the feeders' sources) and
/// <c>amenity=charging_station</c>, as nodes or as areas (a way's centre), with rated power and capacity when tagged.
/// </summary>
internal static class GridAssetBuilder
{
    /// <summary>Builds the set and counts what it found in the report.</summary>
    /// <param name="data">The OSM data.</param>
    /// <param name="projection">The model projection.</param>
    /// <param name="report">The import report.</param>
    /// <returns>The assets, nodes first, each in OSM order.</returns>
    public static GridAssetSet Build(OsmData data, LocalTransverseMercator projection, ReportBuilder report)
    {
        var assets = new List<GridAsset>();
        // In id order (the dictionary's order is not part of its contract); only the few asset nodes are sorted.
        foreach (var (id, tags, kind) in data.NodeTags.Select(n => (n.Key, n.Value, Kind: KindOf(n.Value))).Where(n => n.Kind is not null).OrderBy(n => n.Key))
        {
            if (data.Nodes.TryGetValue(id, out var c))
            {
                projection.Forward(c.Lon, c.Lat, out var x, out var y);
                assets.Add(Asset(id, new PointM(x, y), kind!.Value, tags, fromWay: false, report));
            }
        }

        foreach (var way in data.Ways)
        {
            if (KindOf(way.Tags) is not { } kind)
            {
                continue;
            }

            // The centre of the area's distinct nodes (the closing node counted once).
            double sx = 0, sy = 0;
            var n = 0;
            for (var i = 0; i < way.Nodes.Length; i++)
            {
                if ((i > 0 && i == way.Nodes.Length - 1 && way.Nodes[i] == way.Nodes[0]) || !data.Nodes.TryGetValue(way.Nodes[i], out var c))
                {
                    continue;
                }

                projection.Forward(c.Lon, c.Lat, out var x, out var y);
                (sx, sy, n) = (sx + x, sy + y, n + 1);
            }

            if (n == 0)
            {
                report.Add("grid", "grid assets without node positions skipped", ReportSeverity.Warning, $"way {way.Id}");
                continue;
            }

            assets.Add(Asset(way.Id, new PointM(sx / n, sy / n), kind, way.Tags!, fromWay: true, report));
        }

        return new GridAssetSet(assets.ToArray());
    }

    private static GridAssetKind? KindOf(TagsCollectionBase? tags) =>
        TagValues.Get(tags, "power") switch
        {
            "substation" => GridAssetKind.Substation,
            "transformer" => GridAssetKind.Transformer,
            _ => TagValues.Get(tags, "amenity") == "charging_station" ? GridAssetKind.ChargingStation : null,
        };

    private static GridAsset Asset(long id, PointM position, GridAssetKind kind, TagsCollectionBase tags, bool fromWay, ReportBuilder report)
    {
        var what = fromWay ? $"way {id}" : $"node {id}";
        var asset = new GridAsset { OsmId = id, Position = position, Kind = kind, FromWay = fromWay, PowerKW = double.NaN };
        if (kind == GridAssetKind.ChargingStation)
        {
            report.Add("grid", "charging stations mapped", ReportSeverity.Info, what);
            var sockets = 0;
            foreach (var tag in tags)
            {
                if (tag.Key == "charging_station:output" || (tag.Key.StartsWith("socket:", StringComparison.Ordinal) && tag.Key.EndsWith(":output", StringComparison.Ordinal)))
                {
                    if (TryParsePowerKW(tag.Value, out var kw))
                    {
                        asset.PowerKW = double.IsNaN(asset.PowerKW) ? kw : Math.Max(asset.PowerKW, kw);
                    }
                    else
                    {
                        report.Add("grid", $"unreadable {tag.Key} (expected e.g. '22 kW'); default charger power used", ReportSeverity.Warning, what);
                    }
                }
                else if (tag.Key.StartsWith("socket:", StringComparison.Ordinal) && tag.Key.IndexOf(':', 7) < 0 &&
                         TagValues.TryParseCount(tag.Value, out var count))
                {
                    sockets += count;
                }
            }

            asset.Capacity = TagValues.TryParseCount(TagValues.Get(tags, "capacity"), out var capacity) && capacity > 0 ? capacity : sockets;
        }
        else
        {
            report.Add("grid", kind == GridAssetKind.Substation ? "substations mapped" : "transformers mapped", ReportSeverity.Info, what);
            if (TagValues.Get(tags, "rating") is { } rating && TryParsePowerKW(rating, out var kva))
            {
                asset.PowerKW = kva;
            }
        }

        return asset;
    }

    /// <summary>Reads a power value such as "22 kW", "3.7kW", "11000 W", "0.63 MVA" or "630 kVA" (the largest of a
    /// ';'-separated list); a bare number is taken as kW.</summary>
    /// <param name="value">The tag value.</param>
    /// <param name="kw">The power, kW (kVA for apparent power).</param>
    /// <returns>Whether a positive value was read.</returns>
    internal static bool TryParsePowerKW(string? value, out double kw)
    {
        kw = double.NaN;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        foreach (var part in value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var digits = 0;
            while (digits < part.Length && (char.IsAsciiDigit(part[digits]) || part[digits] is '.' or ','))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(part[..digits].Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unit = part[digits..].Trim().ToLowerInvariant();
            double? scale = unit switch
            {
                "" or "kw" or "kva" => 1.0,
                "w" or "va" => 0.001,
                "mw" or "mva" => 1000.0,
                _ => null,
            };
            if (scale is not { } s || number <= 0)
            {
                return false;
            }

            kw = double.IsNaN(kw) ? number * s : Math.Max(kw, number * s);
        }

        return !double.IsNaN(kw);
    }
}
