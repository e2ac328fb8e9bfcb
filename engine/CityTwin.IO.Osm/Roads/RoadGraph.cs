using CityTwin.IO.Osm.Reading;
using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Geometry;
using CityTwin.Model.Reporting;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// The node-level road graph: drivable road pieces split into segments at graph nodes (nodes shared by two or more
/// road ways, or where a way ends).
/// </summary>
internal sealed class RoadGraph
{
    /// <summary>Report reason for ways cut at missing nodes.</summary>
    public const string MissingNodes = "road ways reference nodes missing from the extract (kept the parts present)";

    /// <summary>Road pieces.</summary>
    public List<RoadPiece> Pieces { get; } = new();

    /// <summary>Segments in piece order.</summary>
    public List<Segment> Segments { get; } = new();

    /// <summary>OSM id of each graph node.</summary>
    public List<long> NodeOsmIds { get; } = new();

    /// <summary>Position of each graph node.</summary>
    public List<PointM> NodePositions { get; } = new();

    /// <summary>Graph node index by OSM node id.</summary>
    public Dictionary<long, int> NodeIndex { get; } = new();

    /// <summary>For nodes inside a segment: (segment, index within the piece).</summary>
    public Dictionary<long, (int Segment, int Index)> InteriorNodes { get; } = new();

    /// <summary>Builds the graph from the ways of an extract.</summary>
    /// <param name="data">The OSM data.</param>
    /// <param name="projection">Projection to metres.</param>
    /// <param name="report">Report.</param>
    /// <returns>The graph.</returns>
    public static RoadGraph Build(OsmData data, LocalTransverseMercator projection, ReportBuilder report)
    {
        var g = new RoadGraph();
        foreach (var way in data.Ways)
        {
            var attributes = RoadTags.Interpret(way.Tags, out var skip);
            if (attributes == null)
            {
                if (skip != null)
                {
                    report.Add("roads", skip, ReportSeverity.Info, $"way {way.Id}");
                }

                continue;
            }

            g.AddPieces(way, attributes, data, projection, report);
        }

        var uses = new Dictionary<long, int>();
        foreach (var piece in g.Pieces)
        {
            for (var i = 0; i < piece.NodeIds.Length; i++)
            {
                var isEnd = i == 0 || i == piece.NodeIds.Length - 1;
                uses[piece.NodeIds[i]] = uses.GetValueOrDefault(piece.NodeIds[i]) + (isEnd ? 2 : 1);
            }
        }

        for (var p = 0; p < g.Pieces.Count; p++)
        {
            g.Split(p, uses);
        }

        return g;
    }

    private void AddPieces(OsmWay way, RoadAttributes attributes, OsmData data, LocalTransverseMercator projection, ReportBuilder report)
    {
        var ids = new List<long>();
        var points = new List<PointM>();
        var missing = false;
        for (var i = 0; i <= way.Nodes.Length; i++)
        {
            if (i < way.Nodes.Length && data.Nodes.TryGetValue(way.Nodes[i], out var c))
            {
                if (ids.Count > 0 && ids[^1] == way.Nodes[i])
                {
                    continue; // repeated node: no length, would create a zero-length segment
                }

                projection.Forward(c.Lon, c.Lat, out var x, out var y);
                ids.Add(way.Nodes[i]);
                points.Add(new PointM(x, y));
                continue;
            }

            missing |= i < way.Nodes.Length;
            if (ids.Count >= 2)
            {
                Pieces.Add(new RoadPiece { WayId = way.Id, Attributes = attributes, NodeIds = ids.ToArray(), Points = points.ToArray() });
            }

            ids.Clear();
            points.Clear();
        }

        if (missing)
        {
            report.Add("roads", MissingNodes, ReportSeverity.Warning, $"way {way.Id}");
        }
    }

    private void Split(int p, Dictionary<long, int> uses)
    {
        var piece = Pieces[p];
        var start = 0;
        for (var i = 1; i < piece.NodeIds.Length; i++)
        {
            var last = i == piece.NodeIds.Length - 1;
            if (!last && uses[piece.NodeIds[i]] < 2)
            {
                continue;
            }

            var length = 0.0;
            for (var k = start + 1; k <= i; k++)
            {
                length += piece.Points[k - 1].DistanceTo(piece.Points[k]);
            }

            var segment = new Segment
            {
                Piece = p,
                Start = start,
                End = i,
                FromNode = NodeOf(piece, start),
                ToNode = NodeOf(piece, i),
                LengthM = length,
            };
            for (var k = start + 1; k < i; k++)
            {
                InteriorNodes.TryAdd(piece.NodeIds[k], (Segments.Count, k));
            }

            Segments.Add(segment);
            start = i;
        }
    }

    private int NodeOf(RoadPiece piece, int index)
    {
        var id = piece.NodeIds[index];
        if (!NodeIndex.TryGetValue(id, out var n))
        {
            n = NodeOsmIds.Count;
            NodeIndex[id] = n;
            NodeOsmIds.Add(id);
            NodePositions.Add(piece.Points[index]);
        }

        return n;
    }
}
