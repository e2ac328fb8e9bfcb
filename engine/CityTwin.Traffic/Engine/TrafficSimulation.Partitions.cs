using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>
    /// What one partition of the network (a run of whole edges, in lane order, owned by one thread) produces in a phase
    /// but may not write itself: its counters, the vehicles that crossed onto lanes of any partition, the edge samples
    /// and loop observations away from a vehicle's start lane (each addressed to the partition that owns the lane or edge),
    /// the trips that ended, and hold-back requests.
    /// </summary>
    /// <remarks>The owner applies what is addressed to it, taking the partitions in order, so everything happens in
    /// lane order whatever the number of partitions: results are bit-identical for any thread count.</remarks>
    private sealed class PartitionState(int index, int partitions)
    {
        public readonly int Index = index;
        public long VehicleUpdates;
        public int LeaderOverlaps;
        public int StopLineOvershoots;
        public long LaneChanges;
        public readonly List<(int Lane, LaneSlot Slot)>[] CrossersTo = NewLists<(int, LaneSlot)>(partitions);
        public readonly List<LoopObservation>[] LoopsTo = NewLists<LoopObservation>(partitions);
        public readonly List<EndedTrip> Ended = [];
        public readonly Dictionary<Entity, double> HoldBack = [];

        private static List<T>[] NewLists<T>(int n) => Enumerable.Range(0, n).Select(_ => new List<T>()).ToArray();
    }

    /// <summary>A trip that ended in the move phase (arrived, or removed after waiting too long).</summary>
    private readonly record struct EndedTrip(Entity Vehicle, int Trip, int Type, TripStats Stats, long EndMs, int StartLane, int Lane, bool Removed);

    /// <summary>A vehicle's move as seen by the loops of one lane (see <see cref="InductionLoop.Observe"/>).</summary>
    private readonly record struct LoopObservation(int LoopLane, int StartLane, double StartPosM, int EndLane, double EndPosM, double LengthM,
        double SpeedMps, double AdvancedM);

    private PartitionState[] _parts = [];
    private readonly List<byte[]> _spacers = [];
    private PartitionWorkers? _workers;
    private Action<int>? _approachBody;
    private Action<int>? _decideBody;
    private Action<int>? _moveBody;
    private Action<int>? _laneChangeBody;

    /// <summary>Partitions per phase: the thread count (all cores for −1).</summary>
    private int PartitionCount => Options.Threads == -1 ? Math.Min(256, Environment.ProcessorCount) : Options.Threads;

    /// <summary>Runs the partitions one after the other on the calling thread (same results): what the partitions' work
    /// costs without a second thread beside it, to compare with <see cref="PartitionPhaseTicks"/> of a parallel run.
    /// For profiling only.</summary>
    internal bool SerialPartitions { get; set; }

    /// <summary>Runs a phase's body for every partition: inline for one, else on the partition workers; and adds each
    /// partition's working time to <see cref="PartitionPhaseTicks"/>.</summary>
    private void RunPartitions(Action<int> body, int phase)
    {
        var parts = _parts.Length;
        if (parts == 1)
        {
            body(0);
            return;
        }

        var ticks = PartitionPhaseTicks.AsSpan(phase * parts, parts);
        if (SerialPartitions)
        {
            for (var p = 0; p < parts; p++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                body(p);
                ticks[p] += System.Diagnostics.Stopwatch.GetTimestamp() - start;
            }

            return;
        }

        for (var p = 0; p < parts; p++)
        {
            ticks[p] -= _workers!.BusyTicks(p);
        }

        _workers!.Run(body);
        for (var p = 0; p < parts; p++)
        {
            ticks[p] += _workers.BusyTicks(p);
        }
    }

    private void CreatePartitions()
    {
        var count = Math.Max(1, PartitionCount);
        _parts = new PartitionState[count];
        for (var p = 0; p < count; p++)
        {
            // Spacers keep two partitions' states (written by different threads) off each other's cache lines.
            _spacers.Add(new byte[256]);
            _parts[p] = new PartitionState(p, count);
            _spacers.Add(new byte[256]);
        }

        _workers = count > 1 ? new PartitionWorkers(count) : null;
        PartitionPhaseTicks = count > 1 ? new long[4 * count] : [];
        EdgeData.SetPartitions(count);
        _approachBody = p =>
        {
            _lanes.DropEmptyLanes(p);
            RegisterApproaches(p);
        };
        _decideBody = DecideLanes;
        _moveBody = p => MoveLanes(p, _parts[p]);
        _laneChangeBody = p =>
        {
            ApplyCrossings(p);
            _lanes.DropEmptyLanes(p);
            ChangeLanes(p, _parts[p]);
        };
        RebalancePartitions();
    }

    /// <summary>Serial start of a step: re-cuts the partitions and re-sorts the vehicles' storage when due (at the same
    /// steps for any thread count, so that storage order, which observers' sums follow, is thread-count free too).</summary>
    private void PrepareStep()
    {
        if (RebalanceDue(Clock.StepIndex))
        {
            RebalancePartitions();
        }

        if (Clock.StepIndex % SortEverySteps == 0 || RebalanceDue(Clock.StepIndex))
        {
            SortVehiclesByLane();
        }

        IndexDetectors();
        EnsureTripCaches();
    }

    /// <summary>Steps between re-sorts of the vehicles' storage (see <see cref="SortVehiclesByLane"/>). Each arrival
    /// moves the last row into its hole and each departure appends, so the two partitions' rows soon interleave again,
    /// and then threads write to each other's cache lines. On Monaco with the two vCPUs far apart (a 400 ns round trip),
    /// re-sorting every 16 steps instead of every 256 took two threads from 436–577 ms to 360–387 ms; it costs one
    /// thread about 1% (4 ms of 390).</summary>
    private const int SortEverySteps = 16;

    /// <summary>Whether the partitions are re-cut at this step (often while the network fills, then every 256 steps).</summary>
    private static bool RebalanceDue(long step) => step % 256 == 0 || (step < 256 && (step & (step - 1)) == 0);

    /// <summary>Edges from west to east (by the mid-point of their end junctions), and each edge's place in that order:
    /// partitions are runs of it, and vehicles are stored in it.</summary>
    private int[]? _edgesWestToEast;

    private int[] _edgeRank = [];

    private int[] EdgesWestToEast()
    {
        if (_edgesWestToEast is null)
        {
            var edges = Network.Edges;
            var x = new double[edges.Length];
            for (var e = 0; e < edges.Length; e++)
            {
                x[e] = Network.Junctions[edges[e].FromJunction].Position.XM + Network.Junctions[edges[e].ToJunction].Position.XM;
            }

            _edgesWestToEast = Enumerable.Range(0, edges.Length).OrderBy(e => x[e]).ThenBy(e => e).ToArray();
            _edgeRank = new int[edges.Length];
            for (var i = 0; i < _edgesWestToEast.Length; i++)
            {
                _edgeRank[_edgesWestToEast[i]] = i;
            }
        }

        return _edgesWestToEast;
    }

    private int[] _edgeWeight = [];

    /// <summary>Each partition's share of the weight at the last cut (summing to 1), adjusted at every cut by the time
    /// the partitions took since the one before (see <see cref="RebalancePartitions"/>).</summary>
    private double[] _partitionShare = [];

    /// <summary>Fixed shares of the weight per partition instead of measured ones (tests: any cut gives the same results).</summary>
    internal double[]? FixedPartitionShares { get; set; }

    /// <summary>Each partition's working ticks (all phases) at the last cut.</summary>
    private long[] _ticksAtCut = [];

    /// <summary>
    /// Re-cuts the partitions into strips of the map from west to east, of whole edges. Strips keep neighbours together:
    /// a vehicle's leader on the next lane and the foes at its junction are then mostly in its own partition, so threads
    /// rarely read what another thread wrote (with partitions as runs of lane indices, which the importers number in no
    /// spatial order, two threads were slower than one).
    /// </summary>
    /// <remarks>The strips first hold about as many vehicles each (as many lanes while the network is empty). Vehicles do
    /// not all cost the same, though (multi-lane edges have lane changes to weigh, junctions more foes), nor does every
    /// core run as fast (on a shared VM one thread's data can sit further away), so from then on each cut moves weight
    /// from the partition that worked longest since the last cut to the others, by the ratio of their times (damped).
    /// Where the cuts fall never changes results (they are the same for any partitioning, tested), only speed.</remarks>
    private void RebalancePartitions()
    {
        var parts = _parts.Length;
        if (parts == 1)
        {
            return;
        }

        var edges = Network.Edges;
        if (_edgeWeight.Length != edges.Length)
        {
            _edgeWeight = new int[edges.Length];
        }

        Array.Clear(_edgeWeight);
        var total = 0L;
        foreach (var lane in _lanes.OccupiedLanes)
        {
            var weight = 1 + _lanes.Count(lane); // a lane costs something of its own
            _edgeWeight[_laneEdge[lane]] += weight;
            total += weight;
        }

        if (total == 0)
        {
            for (var e = 0; e < edges.Length; e++)
            {
                _edgeWeight[e] = edges[e].LaneCount;
                total += edges[e].LaneCount;
            }
        }

        UpdateShares(parts);
        var partOfLane = new byte[_laneEdge.Length];
        var p = 0;
        var seen = 0L;
        var bound = _partitionShare[0] * total;
        foreach (var e in EdgesWestToEast())
        {
            seen += _edgeWeight[e];
            for (var lane = edges[e].FirstLane; lane < edges[e].FirstLane + edges[e].LaneCount; lane++)
            {
                partOfLane[lane] = (byte)p;
            }

            if (p < parts - 1 && seen >= bound)
            {
                p++;
                bound += _partitionShare[p] * total;
            }
        }

        _lanes.SetPartitions(partOfLane, parts);
    }

    /// <summary>Moves weight between partitions by the time each worked since the last cut: a partition that took
    /// <c>r</c> times the mean time gets its share divided by √r (a damped step towards equal times), within 1/(4n) and
    /// 4/n of the whole.</summary>
    private void UpdateShares(int parts)
    {
        if (_partitionShare.Length != parts)
        {
            _partitionShare = Enumerable.Repeat(1.0 / parts, parts).ToArray();
            _ticksAtCut = new long[parts];
        }

        if (FixedPartitionShares is { } fixedShares)
        {
            fixedShares.AsSpan(0, parts).CopyTo(_partitionShare);
            return;
        }

        Span<double> worked = stackalloc double[parts];
        var sum = 0.0;
        for (var p = 0; p < parts; p++)
        {
            var ticks = 0L;
            for (var phase = 0; phase < 4; phase++)
            {
                ticks += PartitionPhaseTicks[phase * parts + p];
            }

            worked[p] = ticks - _ticksAtCut[p];
            _ticksAtCut[p] = ticks;
            sum += worked[p];
        }

        if (sum <= 0)
        {
            return;
        }

        var shares = 0.0;
        for (var p = 0; p < parts; p++)
        {
            var ratio = Math.Max(worked[p], 1) * parts / sum;
            _partitionShare[p] = Math.Clamp(_partitionShare[p] / Math.Sqrt(ratio), 0.25 / parts, 4.0 / parts);
            shares += _partitionShare[p];
        }

        for (var p = 0; p < parts; p++)
        {
            _partitionShare[p] /= shares;
        }
    }

    /// <summary>Phase 4, first part: the owner of a lane inserts the vehicles that crossed onto it (their order on the
    /// lane does not depend on the order of insertion) and applies the loop observations addressed to it, merged from
    /// all partitions in the order of the vehicles' start lanes, as a single thread would have made them.</summary>
    private void ApplyCrossings(int p)
    {
        var stepS = Options.StepMs / 1000.0;
        foreach (var source in _parts)
        {
            var crossers = source.CrossersTo[p];
            foreach (var (lane, slot) in crossers)
            {
                _lanes.Insert(lane, slot);
            }

            crossers.Clear();
        }

        Span<int> next = stackalloc int[_parts.Length];
        while (true)
        {
            var from = -1;
            for (var q = 0; q < _parts.Length; q++)
            {
                var loops = _parts[q].LoopsTo[p];
                if (next[q] < loops.Count && (from < 0 || loops[next[q]].StartLane < _parts[from].LoopsTo[p][next[from]].StartLane))
                {
                    from = q;
                }
            }

            if (from < 0)
            {
                break;
            }

            var o = _parts[from].LoopsTo[p][next[from]++];
            ObserveLoops(o.LoopLane, o.StartLane, o.StartPosM, o.EndLane, o.EndPosM, o.LengthM, o.SpeedMps, stepS, o.AdvancedM);
        }

        foreach (var source in _parts)
        {
            source.LoopsTo[p].Clear();
        }
    }

    /// <summary>Applies what the partitions deferred to the serial part of the step: counters, hold-back requests (for
    /// vehicles on different edges, so in no particular order) and ended trips (in start-lane order).</summary>
    private void MergePartitions()
    {
        foreach (var part in _parts)
        {
            VehicleUpdates += part.VehicleUpdates;
            LeaderOverlaps += part.LeaderOverlaps;
            StopLineOvershoots += part.StopLineOvershoots;
            LaneChanges += part.LaneChanges;
            (part.VehicleUpdates, part.LeaderOverlaps, part.StopLineOvershoots, part.LaneChanges) = (0, 0, 0, 0);
            foreach (var (vehicle, posM) in part.HoldBack)
            {
                _holdBack[vehicle] = posM;
            }

            part.HoldBack.Clear();
        }

        // Ended trips in the order of their start lanes (the order a single thread ends them in).
        Span<int> next = stackalloc int[_parts.Length];
        while (true)
        {
            var from = -1;
            for (var q = 0; q < _parts.Length; q++)
            {
                var ended = _parts[q].Ended;
                if (next[q] < ended.Count && (from < 0 || ended[next[q]].StartLane < _parts[from].Ended[next[from]].StartLane))
                {
                    from = q;
                }
            }

            if (from < 0)
            {
                break;
            }

            EndTrip(_parts[from].Ended[next[from]++]);
        }

        foreach (var part in _parts)
        {
            part.Ended.Clear();
        }
    }

    private long[] _sortKeys = [];

    /// <summary>
    /// Sorts the vehicles' component rows by their edge's place from west to east, then lane and trip, so that the
    /// vehicles of a lane, and of a partition (a run of that order), sit next to each other in memory: a phase then walks
    /// memory in order, and two partitions' threads do not write to the same cache lines (with vehicles in creation order
    /// they did in every phase, and two threads were slower than one). The order does not depend on the number of
    /// partitions (observers that sum over the stored vehicles get the same sums for any thread count); traffic outputs
    /// walk lanes, not rows.
    /// </summary>
    private void SortVehiclesByLane()
    {
        EdgesWestToEast();
        foreach (var archetype in World.Archetypes)
        {
            var n = archetype.EntityCount;
            if (n < 2 || !archetype.Has<Kinematics>() || !archetype.Has<VehicleRoute>())
            {
                continue;
            }

            if (_sortKeys.Length < n)
            {
                _sortKeys = new long[2 * n];
            }

            var i = 0;
            for (var k = 0; k < archetype.ChunkCount; k++)
            {
                ref var chunk = ref archetype.GetChunk(k);
                var kinematics = chunk.GetSpan<Kinematics>();
                var routes = chunk.GetSpan<VehicleRoute>();
                for (var row = 0; row < chunk.Count; row++)
                {
                    var lane = kinematics[row].Lane;
                    var edge = _laneEdge[lane];
                    _sortKeys[i++] = ((long)_edgeRank[edge] << 40) | ((long)(lane - Network.Edges[edge].FirstLane) << 32) | (uint)routes[row].Trip;
                }
            }

            World.SortRows(archetype, _sortKeys.AsSpan(0, n));
        }
    }

    /// <summary>Makes room in the per-trip caches (lane reaches, give-way look-ahead answers) for every scheduled trip
    /// before a parallel phase (growing them there would race).</summary>
    private void EnsureTripCaches()
    {
        var needed = 3 * _schedule.Count + 3;
        if (_reachCache.Length < needed)
        {
            Array.Resize(ref _reachCache, Math.Max(needed, 2 * _reachCache.Length));
        }

        if (_minorAheadMemo.Length < _schedule.Count)
        {
            Array.Resize(ref _minorAheadMemo, Math.Max(_schedule.Count, 2 * _minorAheadMemo.Length));
        }
    }
}
