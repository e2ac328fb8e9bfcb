namespace CityTwin.Traffic.Routing;

/// <summary>
/// The shared search behind <see cref="AStarRouter"/> and <see cref="DijkstraRouter"/>: a label-setting search over
/// a <see cref="RoutingGraph"/>'s flat arrays with a binary heap, an optional straight-line heuristic and an early
/// exit when the destination is settled.
/// </summary>
/// <remarks>
/// <para>
/// Implementation note: per-vertex scratch (cost, parent, heuristic, closed flag) lives in arrays sized to the graph
/// and allocated once. A vertex's scratch is valid only when its stamp equals the current query's stamp, so starting
/// a query costs O(1) instead of clearing O(n) arrays, and a query costs O(touched vertices). Nothing is allocated per
/// query once the heap and the caller's route list have reached their working size.
/// </para>
/// <para>
/// With a consistent heuristic (landmarks, or <see cref="RoutingGraph.LowerBoundS"/>) a vertex's cost is final when it is popped,
/// so popped vertices are closed and never reopened. Ties are broken by the heap's deterministic order, so the same
/// query on the same graph always returns the same route.
/// </para>
/// <para>Not thread-safe: use one instance per thread (the graph itself may be shared).</para>
/// </remarks>
public abstract class CsrRouter : IRouter
{
    private readonly RoutingGraph _graph;
    private readonly bool _useHeuristic;
    private readonly int[] _stamp;
    private readonly int[] _closedStamp;
    private readonly double[] _costS;
    private readonly double[] _boundS;
    private readonly int[] _parent;
    private readonly MinHeap _heap;
    private double[] _targetFromS = [];
    private double[] _targetToS = [];
    private int _query;

    /// <summary>Creates a router with its scratch buffers.</summary>
    /// <param name="graph">The graph to search (shared, not copied).</param>
    /// <param name="useHeuristic">True for A*, false for Dijkstra.</param>
    private protected CsrRouter(RoutingGraph graph, bool useHeuristic)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
        _useHeuristic = useHeuristic;
        var n = graph.EdgeCount;
        _stamp = new int[n];
        _closedStamp = new int[n];
        _costS = new double[n];
        _boundS = new double[n];
        _parent = new int[n];
        // Lazy deletion can push a vertex once per improving link; a quarter of the graph covers typical queries
        // and the heap grows (once) if a query needs more.
        _heap = new MinHeap(Math.Max(64, n / 4));
    }

    /// <summary>The graph searched.</summary>
    public RoutingGraph Graph => _graph;

    /// <inheritdoc/>
    public double LastCostS { get; private set; } = double.PositiveInfinity;

    /// <summary>How many vertices (edges) the last query settled: a measure of its work.</summary>
    public int LastSettledCount { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">An edge index is outside the graph.</exception>
    public bool TryRoute(int fromEdge, int toEdge, List<int> route)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)fromEdge, (uint)_graph.EdgeCount, nameof(fromEdge));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)toEdge, (uint)_graph.EdgeCount, nameof(toEdge));
        route.Clear();
        LastCostS = double.PositiveInfinity;
        LastSettledCount = 0;
        var travelTimeS = _graph.TravelTimeArray;
        var startCostS = travelTimeS[fromEdge];
        if (!_graph.IsAllowed(fromEdge) || !_graph.IsAllowed(toEdge) || double.IsPositiveInfinity(startCostS))
        {
            return false;
        }

        if (fromEdge == toEdge)
        {
            route.Add(fromEdge);
            LastCostS = startCostS;
            LastSettledCount = 1;
            return true;
        }

        var landmarks = _useHeuristic ? _graph.Landmarks : null;
        if (landmarks is not null)
        {
            PrepareTarget(landmarks, toEdge);
        }

        if (!Search(fromEdge, toEdge, startCostS, travelTimeS, landmarks))
        {
            return false;
        }

        for (var e = toEdge; e >= 0; e = _parent[e])
        {
            route.Add(e);
        }

        route.Reverse();
        LastCostS = _costS[toEdge];
        return true;
    }

    private bool Search(int fromEdge, int toEdge, double startCostS, double[] travelTimeS, LandmarkTable? landmarks)
    {
        var query = NextQuery();
        var first = _graph.FirstArray;
        var successors = _graph.SuccessorArray;
        var endX = _graph.EndXArray;
        var endY = _graph.EndYArray;
        var targetX = endX[toEdge];
        var targetY = endY[toEdge];
        // 0 turns the bound off (Dijkstra, or A* with landmarks); an infinite speed also gives 0 bounds, still exact.
        var inverseSpeed = _useHeuristic && landmarks is null ? 1.0 / _graph.HeuristicSpeedMps : 0.0;
        var stamp = _stamp;
        var closed = _closedStamp;
        var cost = _costS;
        var bound = _boundS;
        var parent = _parent;
        var heap = _heap;
        heap.Clear();

        stamp[fromEdge] = query;
        cost[fromEdge] = startCostS;
        bound[fromEdge] = landmarks is null ? Bound(fromEdge, endX, endY, targetX, targetY, inverseSpeed) : LandmarkBound(landmarks, fromEdge);
        parent[fromEdge] = -1;
        if (double.IsPositiveInfinity(bound[fromEdge]))
        {
            LastSettledCount = 0;
            return false; // the landmarks prove the target unreachable
        }

        heap.Push(startCostS + bound[fromEdge], fromEdge);
        var settled = 0;
        while (heap.TryPop(out _, out var e))
        {
            if (closed[e] == query)
            {
                continue; // a stale entry left by lazy deletion
            }

            closed[e] = query;
            settled++;
            if (e == toEdge)
            {
                LastSettledCount = settled;
                return true;
            }

            var costE = cost[e];
            for (int k = first[e], end = first[e + 1]; k < end; k++)
            {
                var s = successors[k];
                var costS = costE + travelTimeS[s];
                if (stamp[s] != query)
                {
                    if (double.IsPositiveInfinity(costS))
                    {
                        continue; // closed edge: never enters the search
                    }

                    stamp[s] = query;
                    bound[s] = landmarks is null ? Bound(s, endX, endY, targetX, targetY, inverseSpeed) : LandmarkBound(landmarks, s);
                }
                else if (costS >= cost[s] || closed[s] == query)
                {
                    continue;
                }

                cost[s] = costS;
                parent[s] = e;
                if (!double.IsPositiveInfinity(bound[s]))
                {
                    heap.Push(costS + bound[s], s); // an infinite bound means the target cannot be reached from s
                }
            }
        }

        LastSettledCount = settled;
        return false;
    }

    private static double Bound(int edge, double[] endX, double[] endY, double targetX, double targetY, double inverseSpeed)
    {
        if (inverseSpeed == 0)
        {
            return 0;
        }

        var dx = endX[edge] - targetX;
        var dy = endY[edge] - targetY;
        return Math.Sqrt((dx * dx) + (dy * dy)) * inverseSpeed;
    }

    private void PrepareTarget(LandmarkTable landmarks, int toEdge)
    {
        var k = landmarks.Count;
        if (_targetFromS.Length != k)
        {
            // Only when the landmark count changes, never per query.
            _targetFromS = new double[k];
            _targetToS = new double[k];
        }

        Array.Copy(landmarks.FromS, toEdge * k, _targetFromS, 0, k);
        Array.Copy(landmarks.ToS, toEdge * k, _targetToS, 0, k);
    }

    private double LandmarkBound(LandmarkTable landmarks, int edge)
    {
        var k = landmarks.Count;
        return LandmarkTable.Bound(landmarks.FromS.AsSpan(edge * k, k), landmarks.ToS.AsSpan(edge * k, k), _targetFromS, _targetToS);
    }

    private int NextQuery()
    {
        if (_query == int.MaxValue)
        {
            // After 2^31 queries the stamps would repeat: clear them once and start again.
            Array.Clear(_stamp);
            Array.Clear(_closedStamp);
            _query = 0;
        }

        return ++_query;
    }
}
