using CityTwin.Model.Roads;
using CityTwin.Traffic.Junctions;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>Crossing index per junction (−1: not a level crossing).</summary>
    private int[] _crossingOf = [];

    /// <summary>Track lanes from which a train can reach a level crossing within <see cref="_crossingWatchM"/>: the trains
    /// on them are the ones the barriers watch.</summary>
    private int[] _crossingWatchLanes = [];

    /// <summary>How far before a crossing trains are watched, metres: a train at the track's speed limit that far away is
    /// due later than the closing horizon (time gap + yellow + a step).</summary>
    private double _crossingWatchM;

    /// <summary>The tracks' links into level crossings: a train on the lane beyond one, rear not yet clear, is on the
    /// crossing.</summary>
    private int[] _crossingTrackLinks = [];

    /// <summary>Per crossing, until when the trains require it closed (scratch of <see cref="AdvanceLevelCrossings"/>).</summary>
    private long[] _closedUntilMs = [];

    /// <summary>Per lane, whether only trains or trams may use it (filled when the network has level crossings).</summary>
    private bool[] _trackLane = [];

    /// <summary>The barriers of the network's level crossings (junctions with <see cref="LinkControl.RailCrossing"/> links),
    /// in junction order.</summary>
    private LevelCrossings _crossings = new(0, new LevelCrossingTiming());

    /// <summary>Where the barriers of the level crossing at <paramref name="junction"/> are, or null when the junction
    /// is not a level crossing.</summary>
    /// <param name="junction">A junction index.</param>
    /// <returns>The barriers' phase.</returns>
    public BarrierPhase? BarriersAt(int junction) =>
        junction >= 0 && junction < _crossingOf.Length && _crossingOf[junction] >= 0 ? _crossings.Phase(_crossingOf[junction]) : null;

    /// <summary>Every level crossing's barriers so far: how often they started closing and how long the road could not
    /// cross (closing, closed or opening), in junction order.</summary>
    /// <returns>One row per crossing.</returns>
    public IReadOnlyList<BarrierStatistics> BarrierStatistics()
    {
        var rows = new List<BarrierStatistics>(_crossings.Count);
        for (var junction = 0; junction < _crossingOf.Length; junction++)
        {
            var x = _crossingOf[junction];
            if (x >= 0)
            {
                rows.Add(new BarrierStatistics(junction, _crossings.Closures(x), _crossings.DownMs(x) / 1000.0));
            }
        }

        return rows;
    }

    /// <summary>Finds the level crossings and the track lanes their barriers watch.</summary>
    private void BuildLevelCrossings()
    {
        var network = Network;
        _crossingOf = new int[network.Junctions.Length];
        Array.Fill(_crossingOf, -1);
        var count = 0;
        foreach (ref readonly var c in network.Connections)
        {
            if (c.Control == LinkControl.RailCrossing && _crossingOf[c.Junction] < 0)
            {
                _crossingOf[c.Junction] = count++;
            }
        }

        var timing = Options.LevelCrossings;
        _crossings = new LevelCrossings(count, timing);
        _closedUntilMs = new long[count];
        if (count == 0)
        {
            return;
        }

        // Walk back along the tracks from every track link into a crossing, up to the watch distance.
        var maxTrackSpeed = 0.0;
        var track = _trackLane = new bool[network.Lanes.Length];
        for (var lane = 0; lane < track.Length; lane++)
        {
            track[lane] = IsTrackLane(lane);
            maxTrackSpeed = track[lane] ? Math.Max(maxTrackSpeed, _laneSpeedMps[lane]) : maxTrackSpeed;
        }

        _crossingWatchM = (timing.TimeGapS + timing.YellowS + 2 * Options.StepMs / 1000.0) * Math.Max(maxTrackSpeed, 1);
        var watched = new SortedSet<int>();
        var reachM = new Dictionary<int, double>();
        var frontier = new Queue<int>();
        foreach (ref readonly var c in network.Connections)
        {
            if (!IsCrossingTrackLink(in c))
            {
                continue;
            }

            reachM.Clear();
            reachM[c.FromLane] = 0;
            frontier.Enqueue(c.FromLane);
            while (frontier.TryDequeue(out var lane))
            {
                watched.Add(lane);
                foreach (var into in _incoming[lane] ?? [])
                {
                    var from = network.Connections[into].FromLane;
                    var distanceM = reachM[lane] + network.Connections[into].LengthM + _laneLengthM[from];
                    if (track[from] && distanceM - _laneLengthM[from] <= _crossingWatchM && (!reachM.TryGetValue(from, out var known) || distanceM < known))
                    {
                        reachM[from] = distanceM;
                        frontier.Enqueue(from);
                    }
                }
            }
        }

        _crossingWatchLanes = [.. watched];
        _crossingTrackLinks = Enumerable.Range(0, network.Connections.Length).Where(i => IsCrossingTrackLink(in network.Connections[i])).ToArray();
    }

    /// <summary>A lane only trains or trams may use (as the SUMO importer tells tracks from roads).</summary>
    private bool IsTrackLane(int lane) =>
        (Network.LaneAllows(lane, VehicleClasses.Rail) || Network.LaneAllows(lane, VehicleClasses.Tram)) &&
        !Network.LaneAllows(lane, VehicleClasses.Passenger) && !Network.LaneAllows(lane, VehicleClasses.Bus) &&
        !Network.LaneAllows(lane, VehicleClasses.Truck);

    /// <summary>A track's link across a level crossing (the trains the barriers close for come by it).</summary>
    private bool IsCrossingTrackLink(in Connection c) =>
        _crossingOf[c.Junction] >= 0 && c.Control != LinkControl.RailCrossing && _trackLane[c.FromLane];

    /// <summary>
    /// Serial part of the step: each crossing's barriers close while a train on the watched tracks is due within the
    /// time gap plus the yellow time (SUMO's rule, on the arrival estimate the approach announcements use), until the
    /// train is expected to have left the crossing plus the opening delay, and while a train is still on the crossing.
    /// </summary>
    /// <param name="nowMs">The time the step ends, ms.</param>
    private void AdvanceLevelCrossings(long nowMs)
    {
        if (_crossings.Count == 0)
        {
            return;
        }

        var timing = Options.LevelCrossings;
        var openingDelayMs = (long)Math.Round(timing.OpeningDelayS * 1000);
        Array.Fill(_closedUntilMs, nowMs);
        foreach (var lane in _crossingWatchLanes)
        {
            foreach (ref readonly var slot in _lanes.Slots(lane))
            {
                ref readonly var route = ref World.Get<VehicleRoute>(slot.Vehicle);
                ref readonly var type = ref _params[route.Type];
                var speed = slot.SpeedMps;
                var distanceM = _laneLengthM[lane] - slot.PosM;
                var connection = route.ExitConnection;
                for (var step = route.Step; connection >= 0 && distanceM <= _crossingWatchM; )
                {
                    ref readonly var c = ref Network.Connections[connection];
                    if (IsCrossingTrackLink(in c))
                    {
                        var crossing = _crossingOf[c.Junction];
                        var arrivalS = speed > 0.5 ? distanceM / speed : 1.0 + Math.Sqrt(2 * distanceM / type.AccelMps2);
                        if (arrivalS - timing.YellowS < timing.TimeGapS)
                        {
                            // Leaving: the rear clears the crossing, accelerating from the arrival speed over length + path.
                            var passM = type.LengthM + c.LengthM;
                            var leaveSpeed = Math.Sqrt(speed * speed + 2 * type.AccelMps2 * passM);
                            var leavingS = arrivalS + passM / Math.Max(0.5 * (speed + leaveSpeed), 0.1);
                            var untilMs = nowMs + (long)Math.Ceiling(leavingS * 1000) + openingDelayMs;
                            _closedUntilMs[crossing] = Math.Max(_closedUntilMs[crossing], untilMs);
                        }
                    }

                    distanceM += c.LengthM + _laneLengthM[c.ToLane];
                    step++;
                    connection = ExitConnectionOf(c.ToLane, route.Route, step, route.Type);
                }
            }
        }

        // A train still on a crossing (its rear not yet past the path across) keeps it closed.
        foreach (var link in _crossingTrackLinks)
        {
            ref readonly var c = ref Network.Connections[link];
            if (_lanes.TryGetLast(c.ToLane, out var last) && last.BackM < 0)
            {
                var crossing = _crossingOf[c.Junction];
                _closedUntilMs[crossing] = Math.Max(_closedUntilMs[crossing], nowMs + Options.StepMs + openingDelayMs);
            }
        }

        _crossings.Advance(nowMs, Options.StepMs, _closedUntilMs);
    }
}
