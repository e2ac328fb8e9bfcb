using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Routing;

/// <summary>
/// The edge-to-edge graph a router searches, built once from a <see cref="RoadNetwork"/> for one vehicle class:
/// vertices are the network's edges (same indices), and edge B is a successor of edge A when at least one lane
/// connection leads from a lane of A to a lane of B and B allows the class. Each edge carries a travel time in
/// seconds, free-flow by default, which can be overwritten for rerouting on current travel times.
/// </summary>
/// <remarks>
/// <para>
/// Implementation note: the graph is edge-based rather than junction-based because a road network's turn
/// restrictions live in its lane connections; a junction-based graph would allow every turn. Successors are stored
/// as compressed sparse rows (<c>first[e]..first[e+1]</c> into one <c>int</c> array), ascending and without
/// duplicates, so a search touches two flat arrays and never allocates.
/// </para>
/// <para>
/// A* uses landmarks (ALT, see <see cref="UpdateLandmarks"/>) as its lower bound while they are valid, otherwise
/// the straight-line bound: straight-line distance from an edge's end junction to the target's end junction divided by
/// <see cref="HeuristicSpeedMps"/>. That speed is the largest of the network's speed limits and of every allowed
/// edge's junction-to-junction distance over its current travel time. Junction positions are cluster centroids, so
/// an edge's geometry can be shorter than the distance between its junctions; taking the maximum keeps the
/// heuristic consistent (h(a) ≤ travelTime(b) + h(b) for every successor b), hence A* exact, whatever travel times
/// are set. Lowering a travel time can only raise that speed; raising one never lowers it (the bulk setter and
/// <see cref="ResetTravelTimes"/> recompute it from scratch).
/// </para>
/// <para>
/// Thread safety: the topology is immutable and can be shared by any number of routers on any threads. The travel
/// time setters and <see cref="UpdateLandmarks"/> are not synchronised: call them only while no router is searching
/// this graph (e.g. between simulation steps).
/// </para>
/// </remarks>
public sealed class RoutingGraph
{
    private readonly int[] _first;
    private readonly int[] _successors;
    private readonly bool[] _allowed;
    private readonly double[] _freeFlowS;
    private readonly double[] _travelTimeS;
    private readonly double[] _endXM;
    private readonly double[] _endYM;
    private readonly double[] _straightM;
    private readonly double _maxSpeedLimitMps;
    private readonly int[] _predecessorFirst;
    private readonly int[] _predecessors;
    private readonly int _landmarkCount;
    private LandmarkTable? _landmarks;

    private RoutingGraph(
        RoadNetwork network, VehicleClasses vehicleClass, int[] first, int[] successors, bool[] allowed,
        double[] freeFlowS, double[] endXM, double[] endYM, double[] straightM, double maxSpeedLimitMps, int landmarkCount)
    {
        Network = network;
        VehicleClass = vehicleClass;
        _first = first;
        _successors = successors;
        _allowed = allowed;
        _freeFlowS = freeFlowS;
        _travelTimeS = (double[])freeFlowS.Clone();
        _endXM = endXM;
        _endYM = endYM;
        _straightM = straightM;
        _maxSpeedLimitMps = maxSpeedLimitMps;
        (_predecessorFirst, _predecessors) = Reverse(first, successors);
        _landmarkCount = landmarkCount;
        ResetTravelTimes();
    }

    /// <summary>The network the graph was built from.</summary>
    public RoadNetwork Network { get; }

    /// <summary>The vehicle class the graph was built for.</summary>
    public VehicleClasses VehicleClass { get; }

    /// <summary>Number of vertices (= number of edges in the network).</summary>
    public int EdgeCount => _allowed.Length;

    /// <summary>Number of successor links (edge pairs) in the graph.</summary>
    public int LinkCount => _successors.Length;

    /// <summary>Current travel time per edge, seconds (+∞ for a closed edge).</summary>
    public ReadOnlySpan<double> TravelTimesS => _travelTimeS;

    /// <summary>
    /// Speed, metres per second, that turns straight-line distance into a lower bound on travel time for the A*
    /// heuristic (see the remarks on <see cref="RoutingGraph"/>). +∞ when some edge has a zero travel time, which
    /// reduces A* to Dijkstra.
    /// </summary>
    public double HeuristicSpeedMps { get; private set; }

    /// <summary>
    /// Whether the landmark (ALT) lower bound can be used: landmarks exist and no travel time has dropped below the
    /// one they were computed with since. When false, <see cref="AStarRouter"/> falls back to the straight-line
    /// bound (<see cref="LowerBoundS"/>) until <see cref="UpdateLandmarks"/> is called.
    /// </summary>
    public bool LandmarksValid { get; private set; }

    /// <summary>Number of landmarks in use (0 when disabled).</summary>
    public int LandmarkCount => _landmarks?.Count ?? 0;

    /// <summary>Builds the graph for one vehicle class.</summary>
    /// <param name="network">The road network.</param>
    /// <param name="vehicleClass">The class (one or more flags; an edge is allowed when it allows any of them).</param>
    /// <param name="landmarkCount">
    /// Landmarks for the A* bound (see <see cref="UpdateLandmarks"/>); 0 disables them and A* uses straight-line
    /// distance only. Each costs two full searches at build time and 16 bytes per edge.
    /// </param>
    /// <returns>The graph, with free-flow travel times (<c>LengthM / SpeedLimitMps</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="vehicleClass"/> is <see cref="VehicleClasses.None"/>.</exception>
    public static RoutingGraph Build(RoadNetwork network, VehicleClasses vehicleClass, int landmarkCount = 8)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(landmarkCount);
        if (vehicleClass == VehicleClasses.None)
        {
            throw new ArgumentException("A routing graph needs at least one vehicle class.", nameof(vehicleClass));
        }

        var edges = network.Edges;
        var junctions = network.Junctions;
        var n = edges.Length;
        var allowed = new bool[n];
        var freeFlowS = new double[n];
        var endXM = new double[n];
        var endYM = new double[n];
        var straightM = new double[n];
        var maxSpeedLimitMps = 0.0;
        for (var e = 0; e < n; e++)
        {
            ref readonly var edge = ref edges[e];
            allowed[e] = (edge.Allowed & vehicleClass) != 0;
            // A missing speed limit would give an infinite time; the importer always sets one, but be explicit.
            freeFlowS[e] = edge.SpeedLimitMps > 0 ? edge.LengthM / edge.SpeedLimitMps : double.PositiveInfinity;
            var from = junctions[edge.FromJunction].Position;
            var to = junctions[edge.ToJunction].Position;
            endXM[e] = to.XM;
            endYM[e] = to.YM;
            straightM[e] = from.DistanceTo(to);
            if (allowed[e] && edge.SpeedLimitMps > maxSpeedLimitMps)
            {
                maxSpeedLimitMps = edge.SpeedLimitMps;
            }
        }

        var (first, successors) = BuildSuccessors(network, allowed);
        return new RoutingGraph(network, vehicleClass, first, successors, allowed, freeFlowS, endXM, endYM, straightM,
            maxSpeedLimitMps, landmarkCount);
    }

    /// <summary>Successors of an edge (edges reachable through one lane connection), ascending.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The successor edges; empty for a disallowed edge.</returns>
    public ReadOnlySpan<int> Successors(int edge) => _successors.AsSpan(_first[edge], _first[edge + 1] - _first[edge]);

    /// <summary>Predecessors of an edge (edges from which one lane connection leads to it), ascending.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The predecessor edges; empty for a disallowed edge.</returns>
    public ReadOnlySpan<int> Predecessors(int edge) =>
        _predecessors.AsSpan(_predecessorFirst[edge], _predecessorFirst[edge + 1] - _predecessorFirst[edge]);

    /// <summary>Whether the graph's vehicle class may use an edge.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>True when allowed.</returns>
    public bool IsAllowed(int edge) => _allowed[edge];

    /// <summary>Current travel time of one edge, seconds.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The travel time (+∞ when closed).</returns>
    public double TravelTimeS(int edge) => _travelTimeS[edge];

    /// <summary>Free-flow travel time of one edge (<c>LengthM / SpeedLimitMps</c>), seconds.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The free-flow travel time.</returns>
    public double FreeFlowTravelTimeS(int edge) => _freeFlowS[edge];

    /// <summary>Position of an edge's end junction, projected metres.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The end point used by the heuristic.</returns>
    public PointM EndPoint(int edge) => new(_endXM[edge], _endYM[edge]);

    /// <summary>Sets the travel time of one edge, e.g. from measured current travel times.</summary>
    /// <param name="edge">Edge index.</param>
    /// <param name="travelTimeS">Seconds, ≥ 0; <see cref="double.PositiveInfinity"/> closes the edge.</param>
    /// <exception cref="ArgumentOutOfRangeException">Negative or NaN travel time, or edge out of range.</exception>
    public void SetTravelTimeS(int edge, double travelTimeS)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)edge, (uint)_travelTimeS.Length, nameof(edge));
        CheckTravelTime(travelTimeS, nameof(travelTimeS));
        _travelTimeS[edge] = travelTimeS;
        RaiseHeuristicSpeed(edge);
        if (_landmarks is not null && travelTimeS < _landmarks.WeightsS[edge])
        {
            // The landmark distances could now overestimate: stop using them until they are recomputed.
            LandmarksValid = false;
        }
    }

    /// <summary>Sets the travel times of all edges at once (index = edge).</summary>
    /// <param name="travelTimesS">One value per edge, seconds, each ≥ 0 or +∞.</param>
    /// <exception cref="ArgumentException">Wrong length, or a negative or NaN value.</exception>
    public void SetTravelTimesS(ReadOnlySpan<double> travelTimesS)
    {
        if (travelTimesS.Length != _travelTimeS.Length)
        {
            throw new ArgumentException(
                $"Expected {_travelTimeS.Length} travel times (one per edge), got {travelTimesS.Length}.", nameof(travelTimesS));
        }

        foreach (var t in travelTimesS)
        {
            CheckTravelTime(t, nameof(travelTimesS));
        }

        travelTimesS.CopyTo(_travelTimeS);
        RecomputeHeuristicSpeed();
        UpdateLandmarks();
    }

    /// <summary>
    /// Restores free-flow travel times on every edge and recomputes <see cref="HeuristicSpeedMps"/> and the
    /// landmarks.
    /// </summary>
    public void ResetTravelTimes()
    {
        _freeFlowS.CopyTo(_travelTimeS, 0);
        RecomputeHeuristicSpeed();
        UpdateLandmarks();
    }

    /// <summary>
    /// Recomputes the landmark distances on the current travel times (two full searches per landmark), making them
    /// valid and as tight as possible. <see cref="SetTravelTimesS"/> and <see cref="ResetTravelTimes"/> call it;
    /// after a series of <see cref="SetTravelTimeS"/> calls, call it once. Travel times may rise afterwards without
    /// invalidating the landmarks; a fall below the computed value switches A* to the straight-line bound.
    /// </summary>
    public void UpdateLandmarks()
    {
        if (_landmarkCount == 0)
        {
            return;
        }

        _landmarks = LandmarkTable.Compute(this, _landmarkCount, _travelTimeS);
        LandmarksValid = _landmarks.Count > 0;
    }

    /// <summary>A lower bound, seconds, on the travel time from the end of one edge to the end of another.</summary>
    /// <param name="edge">Edge index.</param>
    /// <param name="target">Target edge index.</param>
    /// <returns>Straight-line distance between the end junctions over <see cref="HeuristicSpeedMps"/>.</returns>
    public double LowerBoundS(int edge, int target)
    {
        var dx = _endXM[edge] - _endXM[target];
        var dy = _endYM[edge] - _endYM[target];
        return Math.Sqrt((dx * dx) + (dy * dy)) / HeuristicSpeedMps;
    }

    internal LandmarkTable? Landmarks => LandmarksValid ? _landmarks : null;

    internal int[] PredecessorFirstArray => _predecessorFirst;

    internal int[] PredecessorArray => _predecessors;

    internal int[] FirstArray => _first;

    internal int[] SuccessorArray => _successors;

    internal double[] TravelTimeArray => _travelTimeS;

    internal double[] EndXArray => _endXM;

    internal double[] EndYArray => _endYM;

    private static void CheckTravelTime(double travelTimeS, string paramName)
    {
        if (double.IsNaN(travelTimeS) || travelTimeS < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, travelTimeS, "A travel time must be ≥ 0 seconds or +∞ (closed).");
        }
    }

    private void RecomputeHeuristicSpeed()
    {
        HeuristicSpeedMps = _maxSpeedLimitMps > 0 ? _maxSpeedLimitMps : 1;
        for (var e = 0; e < _travelTimeS.Length; e++)
        {
            RaiseHeuristicSpeed(e);
        }
    }

    private void RaiseHeuristicSpeed(int edge)
    {
        if (!_allowed[edge] || _straightM[edge] == 0)
        {
            return;
        }

        // Division by a zero travel time gives +∞, which makes every lower bound 0: still admissible.
        var speedMps = _straightM[edge] / _travelTimeS[edge];
        if (speedMps > HeuristicSpeedMps)
        {
            HeuristicSpeedMps = speedMps;
        }
    }

    private static (int[] First, int[] Items) Reverse(int[] first, int[] successors)
    {
        var n = first.Length - 1;
        var reverseFirst = new int[n + 1];
        foreach (var s in successors)
        {
            reverseFirst[s + 1]++;
        }

        for (var e = 0; e < n; e++)
        {
            reverseFirst[e + 1] += reverseFirst[e];
        }

        var fill = (int[])reverseFirst.Clone();
        var items = new int[successors.Length];
        for (var e = 0; e < n; e++)
        {
            for (var k = first[e]; k < first[e + 1]; k++)
            {
                items[fill[successors[k]]++] = e;
            }
        }

        return (reverseFirst, items);
    }

    private static (int[] First, int[] Successors) BuildSuccessors(RoadNetwork network, bool[] allowed)
    {
        var n = allowed.Length;
        var first = new int[n + 1];
        var items = new List<int>(network.Connections.Length);
        // Several lanes of an edge usually connect to the same next edge: a per-source stamp drops the duplicates.
        var seenStamp = new int[n];
        Array.Fill(seenStamp, -1);
        for (var e = 0; e < n; e++)
        {
            first[e] = items.Count;
            if (!allowed[e])
            {
                continue;
            }

            var start = items.Count;
            foreach (ref readonly var lane in network.GetLanes(e))
            {
                foreach (ref readonly var c in network.Connections.Slice(lane.FirstConnection, lane.ConnectionCount))
                {
                    var to = c.ToEdge;
                    if (allowed[to] && seenStamp[to] != e)
                    {
                        seenStamp[to] = e;
                        items.Add(to);
                    }
                }
            }

            items.Sort(start, items.Count - start, Comparer<int>.Default);
        }

        first[n] = items.Count;
        return (first, items.ToArray());
    }
}
