using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.Routing;

/// <summary>
/// Precomputed travel times from and to a few landmark edges, for the ALT lower bound of <see cref="AStarRouter"/>
/// (Goldberg &amp; Harrelson, "Computing the shortest path: A* search meets graph theory", SODA 2005).
/// </summary>
/// <remarks>
/// <para>
/// With d(a, b) the route cost from the end of edge a to the end of edge b (the travel times of the edges after a,
/// through b), the triangle inequality gives, for any landmark L, d(e, t) ≥ d(L, t) − d(L, e) and
/// d(e, t) ≥ d(e, L) − d(t, L). The largest of these over the landmarks is a consistent lower bound as long as every
/// travel time is at least the one the table was computed with (<see cref="WeightsS"/>); the graph tracks that.
/// Unlike the straight-line bound it does not suffer from junction positions that disagree with edge lengths.
/// </para>
/// <para>
/// Landmarks are chosen geometrically and deterministically: the plane around the centroid of the allowed edges'
/// end points is cut into as many angular sectors as landmarks, and each sector's edge farthest from the centroid
/// is taken (landmarks "behind" the targets give the tightest bounds). Distances are stored per edge with the
/// landmarks adjacent (<c>[edge * count + i]</c>), so one bound reads two short contiguous runs.
/// </para>
/// </remarks>
internal sealed class LandmarkTable
{
    private LandmarkTable(int[] edges, double[] fromS, double[] toS, double[] weightsS)
    {
        Edges = edges;
        FromS = fromS;
        ToS = toS;
        WeightsS = weightsS;
    }

    /// <summary>Landmark edges.</summary>
    public int[] Edges { get; }

    public int Count => Edges.Length;

    /// <summary>d(L_i, e) at <c>[e * Count + i]</c>, +∞ when unreachable.</summary>
    public double[] FromS { get; }

    /// <summary>d(e, L_i) at <c>[e * Count + i]</c>, +∞ when unreachable.</summary>
    public double[] ToS { get; }

    /// <summary>The travel times the table was computed with.</summary>
    public double[] WeightsS { get; }

    /// <summary>The bound for one edge and target from the table alone (tests; the router caches the target's rows).</summary>
    public double LowerBoundS(int edge, int target)
    {
        var k = Count;
        return Bound(FromS.AsSpan(edge * k, k), ToS.AsSpan(edge * k, k), FromS.AsSpan(target * k, k), ToS.AsSpan(target * k, k));
    }

    /// <summary>
    /// ALT bound on the cost from the end of edge e to the end of target t, given their rows: the largest of
    /// d(L, t) − d(L, e) and d(e, L) − d(t, L) over the landmarks (at least 0); +∞ when a landmark proves t
    /// unreachable from e (L reaches e but not t, or t reaches L but e does not); terms with unknown distances skipped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Bound(ReadOnlySpan<double> edgeFromS, ReadOnlySpan<double> edgeToS, ReadOnlySpan<double> targetFromS, ReadOnlySpan<double> targetToS)
    {
        var best = 0.0;
        for (var i = 0; i < edgeFromS.Length; i++)
        {
            var lToE = edgeFromS[i];
            var lToT = targetFromS[i];
            if (!double.IsPositiveInfinity(lToE))
            {
                if (double.IsPositiveInfinity(lToT))
                {
                    return double.PositiveInfinity;
                }

                best = Math.Max(best, lToT - lToE);
            }

            var eToL = edgeToS[i];
            var tToL = targetToS[i];
            if (!double.IsPositiveInfinity(tToL))
            {
                if (double.IsPositiveInfinity(eToL))
                {
                    return double.PositiveInfinity;
                }

                best = Math.Max(best, eToL - tToL);
            }
        }

        return best;
    }

    public static LandmarkTable Compute(RoutingGraph graph, int count, double[] travelTimeS)
    {
        var edges = ChooseLandmarks(graph, count);
        var n = graph.EdgeCount;
        var k = edges.Length;
        var fromS = new double[n * k];
        var toS = new double[n * k];
        var distS = new double[n];
        var heap = new MinHeap(n);
        for (var i = 0; i < k; i++)
        {
            Search(graph.FirstArray, graph.SuccessorArray, travelTimeS, edges[i], distS, heap, forward: true);
            for (var e = 0; e < n; e++)
            {
                fromS[(e * k) + i] = distS[e];
            }

            Search(graph.PredecessorFirstArray, graph.PredecessorArray, travelTimeS, edges[i], distS, heap, forward: false);
            for (var e = 0; e < n; e++)
            {
                toS[(e * k) + i] = distS[e];
            }
        }

        return new LandmarkTable(edges, fromS, toS, (double[])travelTimeS.Clone());
    }

    /// <summary>
    /// Full Dijkstra from (forward) or to (backward, over predecessors) one edge. Forward, entering edge s costs its
    /// own travel time; backward, stepping from edge x to a predecessor p costs x's travel time, since the route
    /// p → x → … → L pays for x, not for p.
    /// </summary>
    private static void Search(int[] first, int[] adjacent, double[] travelTimeS, int root, double[] distS, MinHeap heap, bool forward)
    {
        Array.Fill(distS, double.PositiveInfinity);
        distS[root] = 0;
        heap.Clear();
        heap.Push(0, root);
        while (heap.TryPop(out var key, out var v))
        {
            if (key > distS[v])
            {
                continue;
            }

            var leaveS = forward ? 0 : travelTimeS[v];
            for (int j = first[v], end = first[v + 1]; j < end; j++)
            {
                var w = adjacent[j];
                var d = key + leaveS + (forward ? travelTimeS[w] : 0);
                if (d < distS[w])
                {
                    distS[w] = d;
                    heap.Push(d, w);
                }
            }
        }
    }

    private static int[] ChooseLandmarks(RoutingGraph graph, int count)
    {
        double cx = 0, cy = 0;
        var allowed = 0;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (graph.IsAllowed(e))
            {
                var p = graph.EndPoint(e);
                cx += p.XM;
                cy += p.YM;
                allowed++;
            }
        }

        if (allowed == 0 || count <= 0)
        {
            return [];
        }

        cx /= allowed;
        cy /= allowed;
        var best = new int[count];
        var bestDistanceM = new double[count];
        Array.Fill(best, -1);
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (!graph.IsAllowed(e) || graph.Successors(e).IsEmpty)
            {
                continue;
            }

            var p = graph.EndPoint(e);
            var dx = p.XM - cx;
            var dy = p.YM - cy;
            var sector = (int)((Math.Atan2(dy, dx) + Math.PI) / (2 * Math.PI) * count) % count;
            var distanceM = (dx * dx) + (dy * dy);
            if (best[sector] < 0 || distanceM > bestDistanceM[sector])
            {
                best[sector] = e;
                bestDistanceM[sector] = distanceM;
            }
        }

        var chosen = new List<int>(count);
        foreach (var e in best)
        {
            if (e >= 0)
            {
                chosen.Add(e);
            }
        }

        return chosen.ToArray();
    }
}
