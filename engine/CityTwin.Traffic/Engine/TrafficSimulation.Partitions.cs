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

        /// <summary>Vehicles that crossed into this partition's strip from another's in this step (see
        /// <c>MoveMigratedVehicles</c>).</summary>
        public readonly List<Entity> Migrated = [];

        /// <summary>Sort keys and scratch for re-sorting this partition's block of rows (<c>SortBlock</c>).</summary>
        public long[] SortKeys = [];

        public readonly Ecs.Core.RowSorter Sorter = new();

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
    private Action<int>? _sortBody;

    /// <summary>Partitions per phase: the thread count (all cores for −1).</summary>
    private int PartitionCount => Options.Threads == -1 ? Math.Min(256, Environment.ProcessorCount) : Options.Threads;

    /// <summary>Runs the partitions one after the other on the calling thread (same results): what the partitions' work
    /// costs without a second thread beside it, to compare with <see cref="PartitionPhaseTicks"/> of a parallel run.
    /// For profiling only.</summary>
    internal bool SerialPartitions { get; set; }

    /// <summary>Runs a phase's body for every partition: inline for one, else on the partition workers, which count each
    /// partition's working time (see <see cref="PartitionPhaseTicks"/>).</summary>
    private void RunPartitions(Action<int> body, int phase)
    {
        var parts = _parts.Length;
        if (parts == 1)
        {
            body(0);
            return;
        }

        if (SerialPartitions)
        {
            for (var p = 0; p < parts; p++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                body(p);
                _serialPhaseTicks[phase * parts + p] += System.Diagnostics.Stopwatch.GetTimestamp() - start;
            }

            return;
        }

        _workers!.Run(body, phase);
    }

    /// <summary>Partition bodies the caller ran because their worker had not started them (it was not running; see
    /// <see cref="PartitionWorkers.TakeOverAfterUs"/>). For profiling only.</summary>
    internal long TakenOverBodies => _workers?.TakenOver ?? 0;

    /// <summary>Working ticks per phase and partition of <see cref="SerialPartitions"/> runs.</summary>
    private long[] _serialPhaseTicks = [];

    /// <summary>Ticks each partition spent working (not waiting) per phase, at <c>phase * partitions + partition</c>
    /// (phases 0–3 as in <see cref="PhaseTicks"/>); empty with one thread. The partitions' cuts are balanced by it (see
    /// <c>RebalancePartitions</c>); never part of results. Gathered when asked (each worker keeps its own).</summary>
    internal long[] PartitionPhaseTicks
    {
        get
        {
            var parts = _parts.Length;
            if (parts == 1)
            {
                return [];
            }

            var ticks = (long[])_serialPhaseTicks.Clone();
            for (var phase = 0; phase < 4; phase++)
            {
                for (var p = 0; p < parts; p++)
                {
                    ticks[phase * parts + p] += _workers!.BusyTicks(p, phase);
                }
            }

            return ticks;
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
        _serialPhaseTicks = count > 1 ? new long[5 * count] : [];
        EdgeData.SetPartitions(count);
        _approachBody = p =>
        {
            _lanes.DropEmptyLanes(p);
            RegisterApproaches(p);
        };
        _decideBody = DecideLanes;
        _moveBody = p => MoveLanes(p, _parts[p]);
        _sortBody = SortBlock;
        _laneChangeBody = p =>
        {
            ApplyCrossings(p);
            _lanes.DropEmptyLanes(p);
            ChangeLanes(p, _parts[p]);
        };
        RebalancePartitions();
    }

    /// <summary>Serial start of a step: re-cuts the partitions and re-sorts the vehicles' storage when due.</summary>
    private void PrepareStep()
    {
        var rebalance = RebalanceDue(Clock.StepIndex);
        if (rebalance)
        {
            RebalancePartitions();
        }

        if (rebalance || Clock.StepIndex % SortEverySteps == 0)
        {
            if (!rebalance && _blockArchetype is { } vehicles && BlocksHold(vehicles, vehicles.EntityCount))
            {
                RunPartitions(_sortBody!, 4); // each thread re-sorts its own block: no thread writes another's rows
            }
            else
            {
                SortVehiclesByLane();
            }
        }

        IndexDetectors();
        EnsureTripCaches();
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
            var migrated = source.Index != p && _blockArchetype is not null ? _parts[p].Migrated : null;
            foreach (var (lane, slot) in crossers)
            {
                _lanes.Insert(lane, slot);
                migrated?.Add(slot.Vehicle);
            }

            ClearIfAny(crossers);
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
            ClearIfAny(source.LoopsTo[p]);
        }
    }

    /// <summary>Applies what the partitions deferred to the serial part of the step: counters, hold-back requests (for
    /// vehicles on different edges, so in no particular order) and ended trips (in start-lane order).</summary>
    private void MergePartitions()
    {
        MoveMigratedVehicles();
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
            ClearIfAny(part.Ended);
        }
    }

    /// <summary>Empties a hand-over list unless it is empty already: <see cref="List{T}.Clear"/> writes the list object
    /// even then, and these lists belong to another partition's thread (its cache line would move every step).</summary>
    private static void ClearIfAny<T>(List<T> list)
    {
        if (list.Count > 0)
        {
            list.Clear();
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
