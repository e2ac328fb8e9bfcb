using CityTwin.IO.Osm.Reading;
using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Geometry;
using CityTwin.Model.Lighting;
using CityTwin.Model.Roads;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CityTwin.IO.Osm.Lighting;

/// <summary>
/// Street lamps: every <c>highway=street_lamp</c> node with its tags, plus generated lamps along <c>lit=yes</c>
/// highways that have no mapped lamp within <see cref="MappedLampSearchM"/>, spaced by road class.
/// </summary>
/// <remarks>
/// Implementation note: spacings are typical values from lighting practice (EN 13201 layouts give spacing ≈ 3.5–5×
/// mounting height: about 40 m on trunk roads with 10–12 m poles, 25 m on residential streets with 5–6 m poles,
/// 20 m on paths). Generated lamps stand at the right-hand kerb of the way's direction, at half a spacing from the
/// start, then every spacing; they carry no tags and are flagged <see cref="StreetLamp.Generated"/>.
/// </remarks>
internal static class StreetLampBuilder
{
    /// <summary>A way counts as having mapped lamps if one lies this close to it, metres.</summary>
    public const double MappedLampSearchM = 20;

    private const double EdgeSearchM = 30;

    /// <summary>Builds the lamp set.</summary>
    /// <param name="data">OSM data.</param>
    /// <param name="projection">Projection.</param>
    /// <param name="roads">The road network (for the nearest edge).</param>
    /// <param name="options">Options.</param>
    /// <returns>The lamps.</returns>
    public static StreetLampSet Build(OsmData data, LocalTransverseMercator projection, RoadNetwork roads, OsmImportOptions options)
    {
        var lamps = new List<StreetLamp>();
        var tags = new List<LampTag>();
        var strings = new List<string>();
        var stringIndex = new Dictionary<string, int>();
        var edgeTree = new STRtree<int>();
        for (var e = 0; e < roads.Edges.Length; e++)
        {
            var env = new Envelope();
            foreach (var p in roads.GetGeometry(e))
            {
                env.ExpandToInclude(p.XM, p.YM);
            }

            edgeTree.Insert(env, e);
        }

        edgeTree.Build();
        var lampTree = new STRtree<PointM>();
        var ids = new List<long>(data.NodeTags.Keys);
        ids.Sort();
        foreach (var id in ids)
        {
            var nodeTags = data.NodeTags[id];
            if (TagValues.Get(nodeTags, "highway") != "street_lamp")
            {
                continue;
            }

            var c = data.Nodes[id];
            projection.Forward(c.Lon, c.Lat, out var x, out var y);
            var position = new PointM(x, y);
            var lamp = new StreetLamp { Position = position, OsmId = id, Edge = NearestEdge(roads, edgeTree, position, -1), FirstTag = tags.Count };
            foreach (var t in nodeTags)
            {
                tags.Add(new LampTag { Key = Intern(t.Key), Value = Intern(t.Value) });
            }

            lamp.TagCount = tags.Count - lamp.FirstTag;
            lamps.Add(lamp);
            lampTree.Insert(new Envelope(x, x, y, y), position);
        }

        lampTree.Build();
        if (options.GenerateLamps)
        {
            foreach (var way in data.Ways)
            {
                if (!IsLit(TagValues.Get(way.Tags, "lit"), options.AssumeLitWhenUntagged) || TagValues.Get(way.Tags, "highway") is not { } highway || Spacing(highway) is not double spacing)
                {
                    continue;
                }

                var pts = Project(way, data, projection);
                if (pts == null || HasMappedLamp(pts, lampTree))
                {
                    continue;
                }

                var lanes = TagValues.TryParseCount(TagValues.Get(way.Tags, "lanes"), out var n) && n > 0 ? n : 2;
                var offset = RoadTags.TryClass(highway, out _) ? (lanes * 1.6) + 0.5 : 0;
                Place(pts, spacing, offset, way.Id, roads, edgeTree, lamps);
            }
        }

        return new StreetLampSet(lamps.ToArray(), tags.ToArray(), strings.ToArray());

        int Intern(string s)
        {
            if (!stringIndex.TryGetValue(s, out var i))
            {
                i = strings.Count;
                stringIndex[s] = i;
                strings.Add(s);
            }

            return i;
        }
    }

    /// <summary>Whether a way's <c>lit</c> value (null when untagged) makes it a lit street.</summary>
    private static bool IsLit(string? lit, bool assumeLitWhenUntagged) =>
        lit == "yes" || (lit is null && assumeLitWhenUntagged);

    /// <summary>Spacing of generated lamps by highway class, metres; null for ways that are not lit streets or paths.</summary>
    /// <param name="highway">The <c>highway=*</c> value.</param>
    /// <returns>Spacing or null.</returns>
    public static double? Spacing(string highway) => highway switch
    {
        "motorway" or "trunk" or "motorway_link" or "trunk_link" => 40,
        "primary" or "secondary" or "primary_link" or "secondary_link" => 35,
        "tertiary" or "tertiary_link" or "unclassified" => 30,
        "residential" or "living_street" or "service" or "road" => 25,
        "pedestrian" or "footway" or "cycleway" or "path" or "bridleway" => 20,
        _ => null,
    };

    private static void Place(PointM[] pts, double spacing, double offset, long wayId, RoadNetwork roads, STRtree<int> tree, List<StreetLamp> lamps)
    {
        var next = spacing / 2;
        var walked = 0.0;
        for (var k = 1; k < pts.Length; k++)
        {
            var a = pts[k - 1];
            var b = pts[k];
            var len = a.DistanceTo(b);
            if (len <= 0)
            {
                continue;
            }

            while (next <= walked + len)
            {
                var t = (next - walked) / len;
                var dx = (b.XM - a.XM) / len;
                var dy = (b.YM - a.YM) / len;
                // Right-hand normal of the way's direction: (dy, -dx).
                var p = new PointM(a.XM + (t * (b.XM - a.XM)) + (dy * offset), a.YM + (t * (b.YM - a.YM)) - (dx * offset));
                lamps.Add(new StreetLamp { Position = p, OsmId = wayId, Edge = NearestEdge(roads, tree, p, wayId), Generated = true });
                next += spacing;
            }

            walked += len;
        }
    }

    private static bool HasMappedLamp(PointM[] pts, STRtree<PointM> lamps)
    {
        var env = new Envelope();
        foreach (var p in pts)
        {
            env.ExpandToInclude(p.XM, p.YM);
        }

        env.ExpandBy(MappedLampSearchM);
        foreach (var lamp in lamps.Query(env))
        {
            if (DistanceToPolyline(lamp, pts) <= MappedLampSearchM)
            {
                return true;
            }
        }

        return false;
    }

    private static int NearestEdge(RoadNetwork roads, STRtree<int> tree, PointM p, long preferWay)
    {
        var env = new Envelope(p.XM - EdgeSearchM, p.XM + EdgeSearchM, p.YM - EdgeSearchM, p.YM + EdgeSearchM);
        var best = -1;
        var bestD = EdgeSearchM;
        foreach (var e in tree.Query(env))
        {
            var d = DistanceToPolyline(p, roads.GetGeometry(e));
            if (roads.Edges[e].OsmWayId == preferWay)
            {
                d -= EdgeSearchM; // an edge of the lamp's own road wins
            }

            if (d < bestD || (d == bestD && e < best))
            {
                best = e;
                bestD = d;
            }
        }

        return best;
    }

    private static double DistanceToPolyline(PointM p, ReadOnlySpan<PointM> line)
    {
        var best = double.MaxValue;
        for (var k = 1; k < line.Length; k++)
        {
            var a = line[k - 1];
            var b = line[k];
            double vx = b.XM - a.XM, vy = b.YM - a.YM;
            var len2 = (vx * vx) + (vy * vy);
            var t = len2 > 0 ? Math.Clamp((((p.XM - a.XM) * vx) + ((p.YM - a.YM) * vy)) / len2, 0, 1) : 0;
            double dx = a.XM + (t * vx) - p.XM, dy = a.YM + (t * vy) - p.YM;
            best = Math.Min(best, Math.Sqrt((dx * dx) + (dy * dy)));
        }

        return best;
    }

    private static PointM[]? Project(OsmWay way, OsmData data, LocalTransverseMercator projection)
    {
        if (way.Nodes.Length < 2)
        {
            return null;
        }

        var pts = new PointM[way.Nodes.Length];
        for (var i = 0; i < pts.Length; i++)
        {
            if (!data.Nodes.TryGetValue(way.Nodes[i], out var c))
            {
                return null;
            }

            projection.Forward(c.Lon, c.Lat, out var x, out var y);
            pts[i] = new PointM(x, y);
        }

        return pts;
    }
}
