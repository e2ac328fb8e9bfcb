using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Coupling;

/// <summary>Presence detection and boost expiry of <see cref="TrafficLighting"/>: event-based.</summary>
/// <remarks>
/// Implementation note: a vehicle detects the lamps of its edge whose offset lies in its window [back − range,
/// front + range]; along the edge's sorted offsets that is an index interval, which moves forward by a lamp or two at a
/// time. Each vehicle keeps its interval and the four offsets around its ends, so most steps cost four comparisons per
/// vehicle, and lamps are touched only when a window enters or leaves them (an occupancy count per lamp). A lamp is
/// "held" while occupied and until the hold time after it was last occupied; a lamp is boosted while any lamp of its
/// neighbourhood (itself and <see cref="PresenceAdaptiveControl.NeighbourSpread"/> on each side) is held. On a busy
/// road a lamp is re-occupied within its hold, so it stays held and its neighbours are not touched: each lamp counts
/// its held neighbours, updated only when a lamp's held state changes. A hold can only end hold time after a lamp was
/// left, so each "left" event queues one check at that time (the hold is the same for all lamps: the queue is in time
/// order). The booked ledger equals a scan of every vehicle against every lamp every step (a test compares the two).
/// </remarks>
public sealed partial class TrafficLighting
{
    private VehicleWindow[] _windows = new VehicleWindow[256];
    private readonly List<int> _tracked = [];
    private readonly LampPresence[] _presence;
    private readonly Queue<(long AtMs, int Lamp)> _expiry = new();
    private int _stamp;
    private long _closedDetections;
    private long _openLamps;
    private long _openEnteredSteps;

    /// <summary>Lamp detections so far (one per lamp and step with at least one vehicle in range).</summary>
    public long Detections
    {
        get
        {
            WaitIdle();
            var stepMs = _traffic.Clock.Step.Milliseconds;
            var nowSteps = _traffic.Clock.Now.Milliseconds / stepMs;
            return _closedDetections + _openLamps * (nowSteps + 1) - _openEnteredSteps;
        }
    }

    /// <summary>Offsets along an edge of the lamps it lists, ascending (for tests that check the detection).</summary>
    internal double[] LampOffsetsOf(int edge) => _lampOffsetM[_edgeLampStart[edge].._edgeLampStart[edge + 1]];

    /// <summary>Ledger indices of the lamps an edge lists, in offset order.</summary>
    internal int[] LampIndicesOf(int edge) => _lampLedgerIndex[_edgeLampStart[edge].._edgeLampStart[edge + 1]];

    /// <summary>Books every boost that ended by <paramref name="untilMs"/>: the neighbourhoods of the lamps whose hold
    /// time has run out by then.</summary>
    private void ExpireUntil(long untilMs)
    {
        var control = Program.Presence;
        if (control is null)
        {
            return;
        }

        var stepMs = _traffic.Clock.Step.Milliseconds;
        while (_expiry.TryPeek(out var due) && due.AtMs <= untilMs)
        {
            _expiry.Dequeue();
            ref var p = ref _presence[due.Lamp];
            if (!p.Held || p.Occupancy > 0 || p.LeftMs + control.HoldTimeMs > due.AtMs)
            {
                continue; // occupied again (a later "left" queued its own check)
            }

            p.Held = false;
            var first = Math.Max(0, due.Lamp - control.NeighbourSpread);
            var last = Math.Min(_lampCount - 1, due.Lamp + control.NeighbourSpread);
            for (var j = first; j <= last; j++)
            {
                if (--_presence[j].HeldNear == 0)
                {
                    // Its last held neighbour's hold ended at due.AtMs: the first step end at or after that is the first
                    // step in which the lamp no longer shows as boosted; it was boosted until the step before.
                    Book(j, (due.AtMs + stepMs - 1) / stepMs * stepMs - stepMs, boosted: true);
                }
            }
        }
    }

    /// <summary>Moves the lamp interval of every vehicle on a lamp-lit edge; vehicles not seen there leave their lamps.</summary>
    private void Detect(PresenceAdaptiveControl control, long nowMs, long stepMs, ReadOnlySpan<VehicleState> vehicles)
    {
        var stamp = ++_stamp;
        var rangeM = Presence!.DetectionRangeM;
        foreach (ref readonly var v in vehicles)
        {
            var edge = _litEdgeOfLane[v.Lane];
            if (edge < 0)
            {
                continue;
            }

            if (v.Trip >= _windows.Length)
            {
                Array.Resize(ref _windows, Math.Max(v.Trip + 1, _windows.Length * 2));
            }

            ref var w = ref _windows[v.Trip];
            w.Stamp = stamp;
            var loM = v.PosM - _lengthOfType[v.Type] - rangeM;
            var hiM = v.PosM + rangeM;
            if (w.EdgePlus1 == edge + 1 && w.LoAtM >= loM && w.BeforeLoM < loM && w.HiAtM > hiM && w.BeforeHiM <= hiM)
            {
                continue; // the same lamps are in range as in the last step
            }

            Update(ref w, v.Trip, edge, loM, hiM, control, nowMs, stepMs);
        }

        // Vehicles not seen on a lamp-lit edge this step (arrived, removed, or moved to an edge without lamps) leave
        // their lamps.
        for (var k = _tracked.Count - 1; k >= 0; k--)
        {
            ref var w = ref _windows[_tracked[k]];
            if (w.Stamp == stamp)
            {
                continue;
            }

            Release(ref w, control, nowMs, stepMs);
            w.EdgePlus1 = 0;
            _tracked[k] = _tracked[^1];
            _tracked.RemoveAt(_tracked.Count - 1);
        }
    }

    /// <summary>Moves a vehicle's interval to the lamps in [<paramref name="loM"/>, <paramref name="hiM"/>] of
    /// <paramref name="edge"/>: lamps only in the old interval are left, lamps only in the new one entered.</summary>
    private void Update(ref VehicleWindow w, int trip, int edge, double loM, double hiM, PresenceAdaptiveControl control, long nowMs, long stepMs)
    {
        var offsets = _lampOffsetM;
        int first = _edgeLampStart[edge], end = _edgeLampStart[edge + 1];
        if (w.EdgePlus1 != edge + 1)
        {
            if (w.EdgePlus1 == 0)
            {
                _tracked.Add(trip);
            }
            else
            {
                Release(ref w, control, nowMs, stepMs);
            }

            w.Lo = w.Hi = LowerBound(offsets, first, end, loM);
            w.EdgePlus1 = edge + 1;
        }

        // The window's ends usually move by zero or one lamp: walk, do not search.
        var lo = w.Lo;
        while (lo < end && offsets[lo] < loM)
        {
            lo++;
        }

        while (lo > first && offsets[lo - 1] >= loM)
        {
            lo--;
        }

        var hi = Math.Max(w.Hi, lo);
        while (hi < end && offsets[hi] <= hiM)
        {
            hi++;
        }

        while (hi > lo && offsets[hi - 1] > hiM)
        {
            hi--;
        }

        // Left: the old interval's part before the new one and after it; entered: the new one's part before and after the
        // old one (ranges, not a membership test per lamp).
        var ledger = _lampLedgerIndex;
        for (int i = w.Lo, stop = Math.Min(w.Hi, lo); i < stop; i++)
        {
            Leave(ledger[i], control, nowMs, stepMs);
        }

        for (var i = Math.Max(w.Lo, hi); i < w.Hi; i++)
        {
            Leave(ledger[i], control, nowMs, stepMs);
        }

        for (int i = lo, stop = Math.Min(hi, w.Lo); i < stop; i++)
        {
            Enter(ledger[i], control, nowMs, stepMs);
        }

        for (var i = Math.Max(w.Hi, lo); i < hi; i++)
        {
            Enter(ledger[i], control, nowMs, stepMs);
        }

        (w.Lo, w.Hi) = (lo, hi);
        w.LoAtM = lo < end ? offsets[lo] : double.PositiveInfinity;
        w.BeforeLoM = lo > first ? offsets[lo - 1] : double.NegativeInfinity;
        w.HiAtM = hi < end ? offsets[hi] : double.PositiveInfinity;
        w.BeforeHiM = hi > first ? offsets[hi - 1] : double.NegativeInfinity;
    }

    /// <summary>Leaves every lamp of a vehicle's current interval.</summary>
    private void Release(ref VehicleWindow w, PresenceAdaptiveControl control, long nowMs, long stepMs)
    {
        for (var i = w.Lo; i < w.Hi; i++)
        {
            Leave(_lampLedgerIndex[i], control, nowMs, stepMs);
        }

        w.Lo = w.Hi = 0;
    }

    /// <summary>A vehicle's window reached a lamp: the first one in range holds it, and a lamp not held until now boosts
    /// its neighbourhood.</summary>
    private void Enter(int index, PresenceAdaptiveControl control, long nowMs, long stepMs)
    {
        ref var p = ref _presence[index];
        if (p.Occupancy++ > 0)
        {
            return;
        }

        _openLamps++;
        p.EnteredStep = nowMs / stepMs;
        _openEnteredSteps += p.EnteredStep;
        if (p.Held)
        {
            // Left within the hold time (its queued check, due after the previous step, has not run): still held. A
            // check due by the previous step has run, so there is no unheld step in between.
            return;
        }

        p.Held = true;
        var first = Math.Max(0, index - control.NeighbourSpread);
        var last = Math.Min(_lampCount - 1, index + control.NeighbourSpread);
        for (var j = first; j <= last; j++)
        {
            if (_presence[j].HeldNear++ == 0)
            {
                Book(j, nowMs - stepMs, boosted: false); // its time at the common level, up to the boost's start
            }
        }
    }

    /// <summary>A vehicle's window left a lamp: the last one out starts the lamp's hold time, from the previous step (the
    /// last one in which the lamp detected it).</summary>
    private void Leave(int index, PresenceAdaptiveControl control, long nowMs, long stepMs)
    {
        ref var p = ref _presence[index];
        if (--p.Occupancy > 0)
        {
            return;
        }

        _openLamps--;
        _openEnteredSteps -= p.EnteredStep;
        _closedDetections += nowMs / stepMs - p.EnteredStep;
        p.LeftMs = nowMs - stepMs;
        _expiry.Enqueue((p.LeftMs + control.HoldTimeMs, index));
    }

    /// <summary>First index in [<paramref name="first"/>, <paramref name="end"/>) whose offset is at least
    /// <paramref name="value"/>, or <paramref name="end"/>.</summary>
    private static int LowerBound(double[] offsets, int first, int end, double value)
    {
        while (first < end)
        {
            var mid = (first + end) >>> 1;
            if (offsets[mid] < value)
            {
                first = mid + 1;
            }
            else
            {
                end = mid;
            }
        }

        return first;
    }

    /// <summary>Presence state of one lamp (ledger order).</summary>
    private struct LampPresence
    {
        /// <summary>Vehicles in range.</summary>
        public int Occupancy;

        /// <summary>Held lamps in the neighbourhood (itself included): boosted while positive.</summary>
        public int HeldNear;

        /// <summary>Last step in which it was occupied, once left, ms.</summary>
        public long LeftMs;

        /// <summary>Step since which it is occupied.</summary>
        public long EnteredStep;

        /// <summary>Occupied, or left less than the hold time ago.</summary>
        public bool Held;
    }

    /// <summary>A vehicle's detection window on one edge: the lamps [Lo, Hi) of the edge's sorted list are in range; the
    /// offsets at and before each end tell, with the same comparisons as the walk, whether the interval has changed.</summary>
    private struct VehicleWindow
    {
        public int EdgePlus1;
        public int Lo;
        public int Hi;
        public int Stamp;
        public double LoAtM;
        public double BeforeLoM;
        public double HiAtM;
        public double BeforeHiM;
    }
}
