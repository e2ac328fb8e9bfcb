using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Joins the graph nodes of one real intersection (divided roads, short links inside a crossing) into one junction.
/// </summary>
/// <remarks>
/// Implementation note: union-find over graph nodes, processing segments from the shortest up. Two nodes are joined
/// when a segment between them is at most <see cref="OsmImportOptions.JoinDistanceM"/> long (or
/// <see cref="OsmImportOptions.SignalJoinDistanceM"/> when both ends are signalised, which catches dual-carriageway
/// crossings, netconvert issues #3894/#7593), unless the merged cluster's bounding box would exceed
/// <see cref="OsmImportOptions.MaxClusterSizeM"/>. Roundabout segments are never joined, so a roundabout stays a
/// ring of priority junctions. Joined segments become internal to the junction; they are kept as directed internal
/// links so that only movements that can actually be driven through the cluster are connected.
/// </remarks>
internal static class JunctionClusterer
{
    /// <summary>Clusters the graph nodes; marks joined segments internal.</summary>
    /// <param name="graph">Road graph.</param>
    /// <param name="signalNodes">Signalised graph nodes.</param>
    /// <param name="options">Options.</param>
    /// <returns>Cluster number per graph node, numbered 0.. in order of first graph node.</returns>
    public static int[] Cluster(RoadGraph graph, bool[] signalNodes, OsmImportOptions options)
    {
        var n = graph.NodeOsmIds.Count;
        var parent = new int[n];
        var minX = new double[n];
        var minY = new double[n];
        var maxX = new double[n];
        var maxY = new double[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
            var p = graph.NodePositions[i];
            minX[i] = maxX[i] = p.XM;
            minY[i] = maxY[i] = p.YM;
        }

        var order = new int[graph.Segments.Count];
        var lengths = new double[order.Length];
        for (var s = 0; s < order.Length; s++)
        {
            order[s] = s;
            lengths[s] = graph.Segments[s].LengthM;
        }

        Array.Sort(lengths, order);
        var longest = Math.Max(options.JoinDistanceM, options.SignalJoinDistanceM);
        foreach (var s in order)
        {
            var seg = graph.Segments[s];
            if (seg.LengthM > longest)
            {
                break;
            }

            var limit = signalNodes[seg.FromNode] && signalNodes[seg.ToNode] ? options.SignalJoinDistanceM : options.JoinDistanceM;
            if (seg.LengthM > limit)
            {
                continue;
            }

            if ((graph.Pieces[seg.Piece].Attributes.Flags & EdgeFlags.Roundabout) != 0 || seg.FromNode == seg.ToNode)
            {
                continue;
            }

            int a = Find(parent, seg.FromNode), b = Find(parent, seg.ToNode);
            if (a == b)
            {
                seg.Internal = true;
                continue;
            }

            var dx = Math.Max(maxX[a], maxX[b]) - Math.Min(minX[a], minX[b]);
            var dy = Math.Max(maxY[a], maxY[b]) - Math.Min(minY[a], minY[b]);
            if (Math.Sqrt((dx * dx) + (dy * dy)) > options.MaxClusterSizeM)
            {
                continue;
            }

            parent[b] = a;
            minX[a] = Math.Min(minX[a], minX[b]);
            minY[a] = Math.Min(minY[a], minY[b]);
            maxX[a] = Math.Max(maxX[a], maxX[b]);
            maxY[a] = Math.Max(maxY[a], maxY[b]);
            seg.Internal = true;
        }

        var cluster = new int[n];
        var number = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = Find(parent, i);
            if (!number.TryGetValue(root, out var c))
            {
                c = number.Count;
                number[root] = c;
            }

            cluster[i] = c;
        }

        return cluster;
    }

    /// <summary>Centroid of each cluster.</summary>
    /// <param name="graph">Graph.</param>
    /// <param name="cluster">Cluster per node.</param>
    /// <param name="count">Number of clusters.</param>
    /// <returns>Positions.</returns>
    public static PointM[] Centroids(RoadGraph graph, int[] cluster, int count)
    {
        var sx = new double[count];
        var sy = new double[count];
        var k = new int[count];
        for (var i = 0; i < cluster.Length; i++)
        {
            sx[cluster[i]] += graph.NodePositions[i].XM;
            sy[cluster[i]] += graph.NodePositions[i].YM;
            k[cluster[i]]++;
        }

        var result = new PointM[count];
        for (var c = 0; c < count; c++)
        {
            result[c] = new PointM(sx[c] / k[c], sy[c] / k[c]);
        }

        return result;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
