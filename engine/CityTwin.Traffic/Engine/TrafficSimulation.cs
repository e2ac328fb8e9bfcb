using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Junctions;
using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Signals;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

/// <summary>
/// Microscopic traffic on a road network: every vehicle is an ECS entity (<see cref="Kinematics"/>,
/// <see cref="VehicleRoute"/>, <see cref="TripStats"/>) on a lane of the city model, advanced on a fixed integer step.
/// </summary>
/// <remarks>
/// <para>Each step runs five phases in a fixed order: (1) vehicles near a junction announce their approach to foes;
/// (2) <b>decide</b>: every vehicle picks its next speed from the state at the start of the step (car following,
/// signals, right of way) and writes only its own components, so lanes are processed in parallel without races;
/// (3) <b>move</b>: positions advance ballistically, vehicles cross junctions, arrive or are removed; (4) lane changes;
/// (5) insertion of departing vehicles. Random draws are counter-based (<see cref="StepRandom"/>), so results are
/// bit-identical for any thread count.</para>
/// <para>Junctions have no internal lanes (SUMO's <c>--no-internal-links</c>): a vehicle passes the stop line onto the
/// next lane, and right of way is decided at the line from the foes' announced arrival times.</para>
/// </remarks>
public sealed partial class TrafficSimulation : IDisposable
{
    private readonly CarFollowParameters[] _params;

    /// <summary>Length of the longest vehicle type, metres (how far a rail block's tail is looked for).</summary>
    private readonly double _longestVehicleM;

    /// <summary>Per vehicle type: whether its position advances by the Euler update (else ballistic).</summary>
    private readonly bool[] _euler;
    private readonly VehicleClasses[] _typeClass;
    private readonly double[] _laneLengthM;
    private readonly double[] _laneSpeedMps;
    private readonly int[] _laneEdge;
    /// <summary>Per lane, at <c>lane * <see cref="StopLineStride"/></c>, the end time of the last step in which a vehicle
    /// was in its stop-line zone or crossed its line, ms (<see cref="NeverMs"/> if never): the actuated signals' detector
    /// input.</summary>
    private readonly long[] _stopLineMs;

    /// <summary>Longs per lane in <see cref="_stopLineMs"/>: one cache line each. The move phase writes a lane's stamp in
    /// every step a vehicle waits at its line, and with eight lanes to a line, lanes of two partitions shared lines that
    /// both threads wrote in the same phase.</summary>
    private const int StopLineStride = 8;
    private readonly Approach[] _approach;
    private readonly List<int>?[] _incoming;

    /// <summary>Requests from vehicles that must change lanes: follower → position (its lane) to stay behind, for one step.</summary>
    private readonly Dictionary<Entity, double> _holdBack = [];
    private readonly long[] _clearUntilMs;
    private readonly LaneOccupancy _lanes;
    private readonly List<ScheduledTrip> _schedule = [];
    private readonly List<int>[] _edgeQueues;
    private readonly List<int> _busyEdges = [];
    private readonly List<int> _buffer = [];
    private bool _scheduleSorted = true;
    private int _nextScheduled;

    /// <summary>Creates an empty simulation.</summary>
    /// <param name="network">The road network.</param>
    /// <param name="types">Vehicle types; trips refer to them by index.</param>
    /// <param name="options">Run settings.</param>
    public TrafficSimulation(RoadNetwork network, IReadOnlyList<VehicleType> types, TrafficOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0)
        {
            throw new ArgumentException("At least one vehicle type is needed.", nameof(types));
        }

        Options = options ?? new TrafficOptions();
        Options.Validate();
        Network = network;
        Types = types.ToArray();
        _params = new CarFollowParameters[Types.Count];
        _longestVehicleM = Types.Max(t => t.LengthM);
        _typeClass = Types.Select(t => t.VehicleClass).ToArray();
        _euler = new bool[Types.Count];
        for (var t = 0; t < Types.Count; t++)
        {
            Types[t].Validate();
            _params[t] = new CarFollowParameters(Types[t]);
            _euler[t] = Options.PositionUpdate == PositionUpdate.Euler ||
                        (Options.PositionUpdate == PositionUpdate.Auto && _params[t].Model == CarFollowModel.Krauss);
        }

        var lanes = network.Lanes;
        _laneLengthM = new double[lanes.Length];
        _laneSpeedMps = new double[lanes.Length];
        _laneEdge = new int[lanes.Length];
        _stopLineMs = new long[lanes.Length * StopLineStride];
        Array.Fill(_stopLineMs, NeverMs);
        for (var l = 0; l < lanes.Length; l++)
        {
            var edge = network.Edges[lanes[l].Edge];
            _laneEdge[l] = lanes[l].Edge;
            _laneLengthM[l] = Math.Max(edge.LengthM, 0.1);
            _laneSpeedMps[l] = edge.SpeedLimitMps;
        }

        _incoming = new List<int>[lanes.Length];
        for (var c = 0; c < network.Connections.Length; c++)
        {
            (_incoming[network.Connections[c].ToLane] ??= []).Add(c);
        }

        _approach = new Approach[network.Connections.Length];
        _clearUntilMs = new long[network.Connections.Length];
        _lanes = new LaneOccupancy(lanes.Length);
        _edgeQueues = new List<int>[network.Edges.Length];
        World = World.Create();
        World.MaxDegreeOfParallelism = Options.Threads;
        Clock = new SimClock(new SimTime(Options.StepMs));
        Signals = new SignalControllers(network);
        Routes = new RouteStore();
        EdgeData = new EdgeDataCollector(network);
        Summary = new List<SummaryRow>();
        BuildLevelCrossings();
        CreatePartitions();
    }

    /// <summary>The road network.</summary>
    public RoadNetwork Network { get; }

    /// <summary>Vehicle types by index.</summary>
    public IReadOnlyList<VehicleType> Types { get; }

    /// <summary>Run settings.</summary>
    public TrafficOptions Options { get; }

    /// <summary>The ECS world holding the vehicles.</summary>
    public World World { get; }

    /// <summary>The simulation clock.</summary>
    public SimClock Clock { get; }

    /// <summary>Signal controllers (plans can be replaced before or during the run).</summary>
    public SignalControllers Signals { get; }

    /// <summary>Routes of all scheduled trips.</summary>
    public RouteStore Routes { get; }

    /// <summary>Per-trip records of arrived and removed vehicles, in the order they ended.</summary>
    public List<TripInfo> TripInfos { get; } = [];

    /// <summary>Per-edge, per-interval traffic measures.</summary>
    public EdgeDataCollector EdgeData { get; }

    /// <summary>Induction-loop detectors.</summary>
    public List<InductionLoop> Detectors { get; } = [];

    /// <summary>Per-interval network summary rows (see <see cref="SummaryIntervalMs"/>).</summary>
    public List<SummaryRow> Summary { get; }

    /// <summary>Interval of <see cref="Summary"/> rows, ms.</summary>
    public long SummaryIntervalMs { get; set; } = 60_000;

    /// <summary>Vehicles inserted so far.</summary>
    public int Inserted { get; private set; }

    /// <summary>Vehicles that reached their destination.</summary>
    public int Arrived { get; private set; }

    /// <summary>Vehicles removed after waiting longer than <see cref="TrafficOptions.MaxWaitS"/>.</summary>
    public int Removed { get; private set; }

    /// <summary>Vehicles on the network now.</summary>
    public int Running => World.Size;

    /// <summary>Trips scheduled but not yet inserted (due or not).</summary>
    public int Pending => _schedule.Count - Inserted;

    /// <summary>Sum over steps of vehicles advanced (SUMO's vehicle updates).</summary>
    public long VehicleUpdates { get; private set; }

    /// <summary>Times a vehicle's move had to be cut short to keep a non-negative gap (0 in a sound run).</summary>
    public int GapViolations => LeaderOverlaps + StopLineOvershoots;

    /// <summary>Times a vehicle would have ended a step inside its leader on the same lane.</summary>
    public int LeaderOverlaps { get; private set; }

    /// <summary>Times a vehicle would have run past a stop line it was not allowed to pass by more than 0.5 m.</summary>
    public int StopLineOvershoots { get; private set; }

    /// <summary>Wall-clock ticks (<see cref="System.Diagnostics.Stopwatch"/>) spent per phase: approach, decide, move
    /// (with the lane lists' upkeep), lane change, insert+signals. For profiling only; never part of results.</summary>
    internal long[] PhaseTicks { get; } = new long[5];

    /// <summary>The lane lists (front first) as of the end of the last step.</summary>
    public LaneOccupancy Lanes => _lanes;

    /// <summary>Schedules a trip along an explicit route.</summary>
    /// <param name="trip">The trip.</param>
    /// <returns>Its trip index.</returns>
    public int Schedule(ScheduledTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        if ((uint)trip.Type >= (uint)Types.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(trip), $"Trip '{trip.Id}' uses vehicle type {trip.Type}; there are {Types.Count}.");
        }

        ValidateRoute(trip);
        var index = _schedule.Count;
        if (index > 0 && trip.DepartMs < _schedule[^1].DepartMs)
        {
            _scheduleSorted = false;
        }

        _schedule.Add(trip with { Route = Routes.Add(trip.Edges) });
        return index;
    }

    /// <summary>Schedules demand requests, routing those without an explicit route; unroutable ones are counted in
    /// <see cref="Unroutable"/> (and listed in <see cref="UnroutableIds"/>), never dropped silently.</summary>
    /// <param name="requests">The requests.</param>
    /// <param name="router">The router (for the requests' vehicle class).</param>
    /// <returns>Number of trips scheduled.</returns>
    public int Schedule(IEnumerable<Demand.TripRequest> requests, Routing.IRouter router)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var scheduled = 0;
        foreach (var request in requests)
        {
            if (ScheduledTrip.TryFrom(request, router, out var trip))
            {
                Schedule(trip!);
                scheduled++;
            }
            else
            {
                UnroutableIds.Add(request.Id);
            }
        }

        return scheduled;
    }

    /// <summary>The trip index of a scheduled trip id (−1 when unknown).</summary>
    /// <param name="id">Trip id.</param>
    /// <returns>The index.</returns>
    public int TripIndexOf(string id)
    {
        if (_tripIndexById.Count != _schedule.Count)
        {
            _tripIndexById.Clear();
            for (var i = 0; i < _schedule.Count; i++)
            {
                _tripIndexById.TryAdd(_schedule[i].Id, i);
            }
        }

        return _tripIndexById.TryGetValue(id, out var index) ? index : -1;
    }

    private readonly Dictionary<string, int> _tripIndexById = [];

    /// <summary>Requests that could not be routed.</summary>
    public int Unroutable => UnroutableIds.Count;

    /// <summary>Ids of the requests that could not be routed.</summary>
    public List<string> UnroutableIds { get; } = [];

    /// <summary>Runs steps until the clock reaches <paramref name="end"/>.</summary>
    /// <param name="end">End time.</param>
    public void RunUntil(SimTime end)
    {
        while (Clock.Now < end)
        {
            Step();
        }
    }

    /// <summary>Advances the simulation by one step.</summary>
    public void Step()
    {
        if (!_scheduleSorted)
        {
            SortSchedule();
        }

        // Each phase runs per partition (a run of whole edges in lane order; one partition per thread) and defers what
        // it may not write itself; the deferred effects are applied in lane order between phases (see PartitionState).
        PrepareStep();
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        RunPartitions(_approachBody!, 0);
        var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        RunPartitions(_decideBody!, 1);
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        RunPartitions(_moveBody!, 2); // also keeps the lane lists in order (no rebuild from the vehicles)
        var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
        _holdBack.Clear();
        RunPartitions(_laneChangeBody!, 3); // first puts the vehicles that crossed a junction onto their new lanes
        MergePartitions();
        var t4 = System.Diagnostics.Stopwatch.GetTimestamp();
        Insert();
        Reroute();
        Signals.Advance(Options.StepMs, _stopLineMs, StopLineStride, Clock.Now.Milliseconds + Options.StepMs);
        AdvanceLevelCrossings(Clock.Now.Milliseconds + Options.StepMs);
        var t5 = System.Diagnostics.Stopwatch.GetTimestamp();
        PhaseTicks[0] += t1 - t0;
        PhaseTicks[1] += t2 - t1;
        PhaseTicks[2] += t3 - t2;
        PhaseTicks[3] += t4 - t3;
        PhaseTicks[4] += t5 - t4;
        var end = Clock.Now + Clock.Step;
        EdgeData.EndStep(end.Milliseconds);
        foreach (var detector in Detectors)
        {
            detector.EndStep(end.Milliseconds);
        }

        if (end.Milliseconds % SummaryIntervalMs == 0)
        {
            Summary.Add(new SummaryRow(end.Milliseconds / 1000.0, Running, Inserted, Arrived, Removed,
                _schedule.Count - _nextScheduled + QueuedCount(), MeanSpeedMps()));
        }

        Clock.Advance();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _workers?.Dispose();
        World.Dispose();
    }

    /// <summary>The <see cref="Approach.Step"/> of this step's approach announcements (the step index plus one, so that a
    /// cleared entry is never current).</summary>
    private long ApproachStep => Clock.StepIndex + 1;

    /// <summary>"Never" for <see cref="_stopLineMs"/> (far enough in the past to be an infinite gap, without overflow).</summary>
    private const long NeverMs = long.MinValue / 4;

    /// <summary>Mean speed of the running vehicles, m/s (0 when none).</summary>
    /// <returns>The mean.</returns>
    /// <remarks>Summed in lane order, not entity order, so the value does not depend on entity ids (snapshots).</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once per summary interval: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    public double MeanSpeedMps()
    {
        _lanes.SortOccupied();
        var sum = 0.0;
        var n = 0;
        foreach (var lane in _lanes.OccupiedLanes)
        {
            // The lane lists' speeds are the vehicles' own (kept in step by the move phase): read in lane order, without
            // an entity lookup per vehicle, and from two slots per cache line (with two threads, half of them written
            // by the other core).
            foreach (ref var slot in _lanes.Slots(lane))
            {
                sum += slot.SpeedMps;
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    private int QueuedCount()
    {
        var n = 0;
        foreach (var edge in _busyEdges)
        {
            n += _edgeQueues[edge].Count;
        }

        return n;
    }

    private void ValidateRoute(ScheduledTrip trip)
    {
        if (trip.Edges.Length == 0)
        {
            throw new ArgumentException($"Trip '{trip.Id}' has an empty route.", nameof(trip));
        }

        var vehicleClass = Types[trip.Type].VehicleClass;
        for (var i = 0; i < trip.Edges.Length; i++)
        {
            var edge = trip.Edges[i];
            if ((uint)edge >= (uint)Network.Edges.Length)
            {
                throw new ArgumentException($"Trip '{trip.Id}': route edge #{i} ({edge}) is not an edge of the network.", nameof(trip));
            }

            if ((Network.Edges[edge].Allowed & vehicleClass) == 0)
            {
                throw new ArgumentException(
                    $"Trip '{trip.Id}': route edge #{i} (OSM way {Network.Edges[edge].OsmWayId}) does not allow {vehicleClass}.", nameof(trip));
            }

            if (i > 0 && !Connected(trip.Edges[i - 1], edge))
            {
                throw new ArgumentException(
                    $"Trip '{trip.Id}': no lane connection from route edge #{i - 1} ({trip.Edges[i - 1]}) to #{i} ({edge}).", nameof(trip));
            }
        }
    }

    private bool Connected(int fromEdge, int toEdge)
    {
        var edge = Network.Edges[fromEdge];
        for (var lane = edge.FirstLane; lane < edge.FirstLane + edge.LaneCount; lane++)
        {
            foreach (var connection in Network.GetConnections(lane))
            {
                if (connection.ToEdge == toEdge)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private void SortSchedule()
    {
        // Stable by departure, then by schedule order, so equal departures keep the order they were given in.
        var pending = _schedule.Skip(_nextScheduled).Select((t, i) => (t, i)).OrderBy(x => x.t.DepartMs).ThenBy(x => x.i)
            .Select(x => x.t).ToList();
        _schedule.RemoveRange(_nextScheduled, _schedule.Count - _nextScheduled);
        _schedule.AddRange(pending);
        _scheduleSorted = true;
        _tripIndexById.Clear();
    }
}
