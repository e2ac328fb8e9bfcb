using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using QuikGraph;
using QuikGraph.Algorithms;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Builds directed edge candidates from the segments, the movements that can be driven through each junction, and
/// keeps the largest strongly connected component of the edge-to-edge movement graph.
/// </summary>
/// <remarks>
/// Implementation note: connectivity is computed on edges (vertices) and movements (arcs), not on junctions, so that
/// movements that do not exist (U-turns, moves against one-way links inside a cluster) cannot make a part of the
/// network look reachable. A U-turn is only created where an edge has no other way on (a dead end), as SUMO's
/// turnarounds at dead ends.
/// </remarks>
internal static class MovementBuilder
{
    /// <summary>Report reason.</summary>
    public const string NotConnected = "directed edges dropped: not in the largest strongly connected car network";

    /// <summary>Report reason.</summary>
    public const string DroppedMetres = "metres of directed road in those dropped edges";

    /// <summary>Creates the edge candidates.</summary>
    /// <param name="graph">Graph.</param>
    /// <param name="cluster">Junction cluster per graph node.</param>
    /// <param name="internalLinks">Output: directed links (graph node to graph node) inside clusters.</param>
    /// <returns>Candidates.</returns>
    public static List<EdgeCandidate> CreateEdges(RoadGraph graph, int[] cluster, out List<(int From, int To)> internalLinks)
    {
        var edges = new List<EdgeCandidate>();
        internalLinks = new List<(int, int)>();
        for (var s = 0; s < graph.Segments.Count; s++)
        {
            var seg = graph.Segments[s];
            var piece = graph.Pieces[seg.Piece];
            var a = piece.Attributes;
            if (seg.Internal)
            {
                if (a.Forward)
                {
                    internalLinks.Add((seg.FromNode, seg.ToNode));
                }

                if (a.Backward)
                {
                    internalLinks.Add((seg.ToNode, seg.FromNode));
                }

                continue;
            }

            var points = piece.Points.AsSpan(seg.Start, seg.End - seg.Start + 1);
            for (var dir = 0; dir < 2; dir++)
            {
                var reverse = dir == 1;
                if (reverse ? !a.Backward : !a.Forward)
                {
                    continue;
                }

                var pts = points.ToArray();
                if (reverse)
                {
                    Array.Reverse(pts);
                }

                var flags = a.Flags | (reverse ? EdgeFlags.ReversedToWay : EdgeFlags.None);
                if (reverse ? seg.StopBackward : seg.StopForward)
                {
                    flags |= EdgeFlags.StopAtEnd;
                }

                if (reverse ? seg.GiveWayBackward : seg.GiveWayForward)
                {
                    flags |= EdgeFlags.GiveWayAtEnd;
                }

                edges.Add(new EdgeCandidate
                {
                    Segment = s,
                    Reverse = reverse,
                    FromNode = reverse ? seg.ToNode : seg.FromNode,
                    ToNode = reverse ? seg.FromNode : seg.ToNode,
                    FromJunction = cluster[reverse ? seg.ToNode : seg.FromNode],
                    ToJunction = cluster[reverse ? seg.FromNode : seg.ToNode],
                    Points = pts,
                    LengthM = seg.LengthM,
                    LaneCount = reverse ? a.LanesBackward : a.LanesForward,
                    SpeedMps = reverse ? a.SpeedBackwardMps : a.SpeedForwardMps,
                    Turns = reverse ? a.TurnsBackward : a.TurnsForward,
                    Flags = flags,
                    Attributes = a,
                    WayId = piece.WayId,
                });
            }
        }

        return edges;
    }

    /// <summary>Finds the movements through every junction.</summary>
    /// <param name="edges">Edge candidates.</param>
    /// <param name="internalLinks">Directed links inside clusters.</param>
    /// <param name="nodeCount">Number of graph nodes.</param>
    /// <param name="junctionCount">Number of clusters.</param>
    /// <returns>Movements, grouped by incoming edge in edge order.</returns>
    public static List<Movement> CreateMovements(List<EdgeCandidate> edges, List<(int From, int To)> internalLinks, int nodeCount, int junctionCount)
    {
        var linkFirst = new int[nodeCount + 1];
        foreach (var (from, _) in internalLinks)
        {
            linkFirst[from + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            linkFirst[i + 1] += linkFirst[i];
        }

        var linkTo = new int[internalLinks.Count];
        var fill = (int[])linkFirst.Clone();
        foreach (var (from, to) in internalLinks)
        {
            linkTo[fill[from]++] = to;
        }

        var outgoing = new List<int>[junctionCount];
        for (var e = 0; e < edges.Count; e++)
        {
            (outgoing[edges[e].FromJunction] ??= new List<int>()).Add(e);
        }

        var movements = new List<Movement>();
        var reach = new HashSet<int>();
        var stack = new Stack<int>();
        for (var e = 0; e < edges.Count; e++)
        {
            var inEdge = edges[e];
            var outs = outgoing[inEdge.ToJunction];
            if (outs == null)
            {
                continue;
            }

            // Graph nodes reachable inside the cluster from where this edge ends.
            reach.Clear();
            reach.Add(inEdge.ToNode);
            stack.Push(inEdge.ToNode);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                for (var k = linkFirst[v]; k < linkFirst[v + 1]; k++)
                {
                    if (reach.Add(linkTo[k]))
                    {
                        stack.Push(linkTo[k]);
                    }
                }
            }

            foreach (var o in outs)
            {
                var outEdge = edges[o];
                if (!reach.Contains(outEdge.FromNode))
                {
                    continue;
                }

                var twin = outEdge.Segment == inEdge.Segment && outEdge.Reverse != inEdge.Reverse;
                var angle = NormalizeDeg((outEdge.StartHeadingRad - inEdge.EndHeadingRad) * 180 / Math.PI);
                // Turning through 165° or more is a U-turn, whether on the same way or across a divided road.
                var direction = twin || Math.Abs(angle) >= 165 ? TurnDirections.UTurn : Classify(angle);
                movements.Add(new Movement(e, o, direction, angle));
            }
        }

        return movements;
    }

    /// <summary>
    /// Chooses the movements to keep and the edges of the largest strongly connected component. U-turns are only
    /// kept for edges with no other way on into the kept network (dead ends); since dropping edges can create new
    /// dead ends, this alternates with the component search until nothing changes.
    /// </summary>
    /// <param name="edges">Edge candidates.</param>
    /// <param name="all">All movements including every possible U-turn.</param>
    /// <param name="keepLargest">Whether to drop everything outside the largest component.</param>
    /// <param name="report">Report.</param>
    /// <param name="active">Output: the movements kept.</param>
    /// <returns>Kept flag per edge.</returns>
    public static bool[] SelectConnected(List<EdgeCandidate> edges, List<Movement> all, bool keepLargest, ReportBuilder report, out List<Movement> active)
    {
        var kept = new bool[edges.Count];
        Array.Fill(kept, true);
        active = new List<Movement>();
        for (var iteration = 0; iteration < 10; iteration++)
        {
            // U-turns are allowed exactly for the edges with no other way on into the current kept network.
            var hasWayOn = new bool[edges.Count];
            foreach (var m in all)
            {
                if (m.Direction != TurnDirections.UTurn && kept[m.Out])
                {
                    hasWayOn[m.In] = true;
                }
            }

            active.Clear();
            foreach (var m in all)
            {
                if (m.Direction != TurnDirections.UTurn || !hasWayOn[m.In])
                {
                    active.Add(m);
                }
            }

            if (!keepLargest)
            {
                break;
            }

            var next = LargestComponent(edges, active, report: null);
            var same = next.AsSpan().SequenceEqual(kept);
            kept = next;
            if (same)
            {
                break;
            }
        }

        if (keepLargest)
        {
            // If the alternation did not settle, drop the U-turns that now have an alternative; the final component
            // search then only removes edges, so no U-turn is left beside another way on.
            var hasWayOn = new bool[edges.Count];
            foreach (var m in active)
            {
                if (m.Direction != TurnDirections.UTurn && kept[m.Out])
                {
                    hasWayOn[m.In] = true;
                }
            }

            active.RemoveAll(m => m.Direction == TurnDirections.UTurn && hasWayOn[m.In]);
            kept = LargestComponent(edges, active, report);
        }

        return kept;
    }

    /// <summary>Marks the edges of the largest strongly connected component; reports the others.</summary>
    /// <param name="edges">Edge candidates.</param>
    /// <param name="movements">Movements.</param>
    /// <param name="report">Report, or null for a trial run.</param>
    /// <returns>Kept flag per edge.</returns>
    public static bool[] LargestComponent(List<EdgeCandidate> edges, List<Movement> movements, ReportBuilder? report)
    {
        var graph = new AdjacencyGraph<int, SEdge<int>>(allowParallelEdges: true, edges.Count, 4);
        for (var e = 0; e < edges.Count; e++)
        {
            graph.AddVertex(e);
        }

        foreach (var m in movements)
        {
            graph.AddEdge(new SEdge<int>(m.In, m.Out));
        }

        var components = new Dictionary<int, int>(edges.Count);
        var count = graph.StronglyConnectedComponents(components);
        var lengthPer = new double[count];
        foreach (var (e, c) in components)
        {
            lengthPer[c] += edges[e].LengthM;
        }

        var best = 0;
        for (var c = 1; c < count; c++)
        {
            if (lengthPer[c] > lengthPer[best])
            {
                best = c;
            }
        }

        var kept = new bool[edges.Count];
        double droppedKm = 0;
        for (var e = 0; e < edges.Count; e++)
        {
            kept[e] = components[e] == best;
            if (!kept[e])
            {
                droppedKm += edges[e].LengthM / 1000;
                report?.Add("roads", NotConnected, ReportSeverity.Info, $"way {edges[e].WayId}");
            }
        }

        if (droppedKm > 0)
        {
            report?.Add("roads", DroppedMetres, ReportSeverity.Info, null, (long)Math.Round(droppedKm * 1000));
        }

        return kept;
    }

    private static TurnDirections Classify(double angleDeg)
    {
        var a = Math.Abs(angleDeg);
        var left = angleDeg > 0;
        return a switch
        {
            <= 25 => TurnDirections.Through,
            <= 60 => left ? TurnDirections.SlightLeft : TurnDirections.SlightRight,
            <= 140 => left ? TurnDirections.Left : TurnDirections.Right,
            _ => left ? TurnDirections.SharpLeft : TurnDirections.SharpRight,
        };
    }

    private static double NormalizeDeg(double a)
    {
        while (a > 180)
        {
            a -= 360;
        }

        while (a <= -180)
        {
            a += 360;
        }

        return a;
    }
}
