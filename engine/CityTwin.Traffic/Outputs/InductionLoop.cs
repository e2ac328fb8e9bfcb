namespace CityTwin.Traffic.Outputs;

/// <summary>
/// An induction loop (SUMO E1 detector) at a position on a lane: counts vehicles whose front passes it, and measures
/// occupancy (share of time a vehicle covers it) and the mean speed of passing vehicles per interval.
/// </summary>
public sealed partial class InductionLoop
{
    private int _count;
    private double _speedSum;
    private double _occupiedS;
    private long _intervalStartMs;

    /// <summary>Creates a detector.</summary>
    /// <param name="id">Detector id.</param>
    /// <param name="lane">Lane index.</param>
    /// <param name="posM">Position along the lane, metres.</param>
    /// <param name="intervalMs">Aggregation interval, ms.</param>
    public InductionLoop(string id, int lane, double posM, long intervalMs = 60_000)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(posM);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalMs);
        Id = id;
        Lane = lane;
        PosM = posM;
        IntervalMs = intervalMs;
    }

    /// <summary>Detector id.</summary>
    public string Id { get; }

    /// <summary>Lane index.</summary>
    public int Lane { get; }

    /// <summary>Position along the lane, metres.</summary>
    public double PosM { get; }

    /// <summary>Aggregation interval, ms.</summary>
    public long IntervalMs { get; }

    /// <summary>Vehicles counted since the start of the run.</summary>
    public long TotalCount { get; private set; }

    /// <summary>Rows of finished intervals.</summary>
    public List<DetectorRow> Rows { get; } = [];

    /// <summary>When set, the time of every passage (interpolated within the step) is appended to <see cref="PassageTimesS"/>.</summary>
    public bool RecordPassages { get; init; }

    /// <summary>Passage times, seconds (only with <see cref="RecordPassages"/>).</summary>
    public List<double> PassageTimesS { get; } = [];

    /// <summary>Sees one vehicle's move in a step.</summary>
    internal void Observe(int fromLane, double fromPosM, int toLane, double toPosM, double lengthM, double speedMps, double stepS,
        double stepStartS, double advancedM)
    {
        var passed = (fromLane == Lane && fromPosM < PosM && (toLane != Lane || toPosM >= PosM)) ||
                     (fromLane != Lane && toLane == Lane && toPosM >= PosM);
        if (passed)
        {
            _count++;
            TotalCount++;
            _speedSum += speedMps;
            if (RecordPassages)
            {
                // Linear interpolation of the crossing within the step (exact for a constant speed).
                var before = fromLane == Lane ? PosM - fromPosM : advancedM - (toPosM - PosM);
                PassageTimesS.Add(stepStartS + (advancedM > 0 ? stepS * Math.Clamp(before / advancedM, 0, 1) : 0));
            }
        }

        if (toLane == Lane && toPosM >= PosM && toPosM - lengthM <= PosM)
        {
            _occupiedS += stepS;
        }
    }

    /// <summary>
    /// Closes the current, partial interval at the end of a run (as SUMO writes its last interval when the simulation
    /// ends); nothing when no time has passed since the last interval closed.
    /// </summary>
    /// <param name="timeMs">Simulation time now.</param>
    public void Flush(long timeMs)
    {
        if (timeMs > _intervalStartMs)
        {
            Close(timeMs);
        }
    }

    internal void EndStep(long timeMs)
    {
        if (timeMs - _intervalStartMs >= IntervalMs)
        {
            Close(timeMs);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once per interval: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    private void Close(long timeMs)
    {
        var durationS = (timeMs - _intervalStartMs) / 1000.0;
        Rows.Add(new DetectorRow(Id, _intervalStartMs / 1000.0, timeMs / 1000.0, _count,
            100.0 * _occupiedS / durationS, _count > 0 ? _speedSum / _count : double.NaN));
        _count = 0;
        _speedSum = 0;
        _occupiedS = 0;
        _intervalStartMs = timeMs;
    }
}

public sealed partial class InductionLoop
{
    /// <summary>Captures the detector's counters (snapshots).</summary>
    internal State Capture() => new(_count, _speedSum, _occupiedS, _intervalStartMs, TotalCount, Rows.ToArray());

    /// <summary>Restores captured counters.</summary>
    internal void Restore(State state)
    {
        (_count, _speedSum, _occupiedS, _intervalStartMs, TotalCount) = (state.Count, state.SpeedSum, state.OccupiedS, state.IntervalStartMs, state.TotalCount);
        Rows.Clear();
        Rows.AddRange(state.Rows);
    }

    /// <summary>The detector's state.</summary>
    internal sealed record State(int Count, double SpeedSum, double OccupiedS, long IntervalStartMs, long TotalCount, DetectorRow[] Rows)
    {
        public void Write(BinaryWriter w)
        {
            w.Write(Count);
            w.Write(SpeedSum);
            w.Write(OccupiedS);
            w.Write(IntervalStartMs);
            w.Write(TotalCount);
            w.Write(Rows.Length);
            foreach (var row in Rows)
            {
                Engine.SnapshotIo.Write(w, row);
            }
        }

        public static State Read(BinaryReader r)
        {
            var (count, speed, occupied, start, total) = (r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadInt64(), r.ReadInt64());
            var rows = new DetectorRow[r.ReadInt32()];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = Engine.SnapshotIo.ReadDetectorRow(r);
            }

            return new State(count, speed, occupied, start, total, rows);
        }
    }
}

/// <summary>One detector interval (SUMO E1 fields).</summary>
/// <param name="Id">Detector id.</param>
/// <param name="BeginS">Interval start.</param>
/// <param name="EndS">Interval end.</param>
/// <param name="Count">Vehicles whose front passed.</param>
/// <param name="OccupancyPercent">Share of time covered by a vehicle, %.</param>
/// <param name="MeanSpeedMps">Mean speed of passing vehicles (NaN when none).</param>
public readonly record struct DetectorRow(string Id, double BeginS, double EndS, int Count, double OccupancyPercent, double MeanSpeedMps);
