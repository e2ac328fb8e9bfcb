using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Outputs;

/// <summary>
/// Per-edge measures aggregated over fixed intervals, as SUMO's edgeData output: vehicles departed, entered, left and
/// arrived; sampled vehicle-seconds; mean speed (vehicle-second weighted); density, occupancy and travel time.
/// </summary>
public sealed partial class EdgeDataCollector
{
    private readonly RoadNetwork _network;
    private readonly int[] _departed;
    private readonly int[] _arrived;

    // Per partition of the traffic engine's parallel phases (each thread writes its own arrays): entered and left
    // counts, and the sums in exact fixed point (sampled ms; speed × ms in µm; length × ms in mm·ms), so that adding up
    // the partitions gives the same numbers in any order, for any thread count.
    private int[][] _entered = [];
    private int[][] _left = [];
    private long[][] _sampledMs = [];
    private long[][] _distanceUm = [];
    private long[][] _occupiedMmMs = [];
    private long _intervalStartMs;

    /// <summary>The partitions' sums added up (<see cref="Totals"/>), kept from one interval to the next.</summary>
    private (int[] Entered, int[] Left, long[] SampledMs, long[] DistanceUm, long[] OccupiedMmMs)? _totals;

    /// <summary>Creates a collector for every edge of a network.</summary>
    /// <param name="network">The road network.</param>
    public EdgeDataCollector(RoadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        var n = network.Edges.Length;
        _departed = new int[n];
        _arrived = new int[n];
        SetPartitions(1);
    }

    /// <summary>Interval length, ms (15 minutes by default); zero disables the output.</summary>
    public long IntervalMs { get; set; } = 900_000;

    /// <summary>Rows of finished intervals (edges with any traffic only).</summary>
    public List<EdgeDataRow> Rows { get; } = [];

    /// <summary>Sets the number of partitions that sample in parallel (sums so far are kept).</summary>
    internal void SetPartitions(int count)
    {
        var n = _departed.Length;
        var old = (_entered, _left, _sampledMs, _distanceUm, _occupiedMmMs);
        _entered = NewArrays<int>(count, n);
        _left = NewArrays<int>(count, n);
        _sampledMs = NewArrays<long>(count, n);
        _distanceUm = NewArrays<long>(count, n);
        _occupiedMmMs = NewArrays<long>(count, n);
        for (var p = 0; p < old._entered.Length; p++)
        {
            for (var e = 0; e < n; e++)
            {
                _entered[0][e] += old._entered[p][e];
                _left[0][e] += old._left[p][e];
                _sampledMs[0][e] += old._sampledMs[p][e];
                _distanceUm[0][e] += old._distanceUm[p][e];
                _occupiedMmMs[0][e] += old._occupiedMmMs[p][e];
            }
        }

        static T[][] NewArrays<T>(int count, int n) => Enumerable.Range(0, count).Select(_ => new T[n]).ToArray();
    }

    internal void Departed(int edge) => _departed[edge]++;

    internal void Entered(int partition, int edge) => _entered[partition][edge]++;

    internal void Left(int partition, int edge) => _left[partition][edge]++;

    internal void ArrivedOn(int edge) => _arrived[edge]++;

    internal void Sample(int partition, int edge, double speedMps, long stepMs, double lengthM)
    {
        _sampledMs[partition][edge] += stepMs;
        _distanceUm[partition][edge] += (long)Math.Round(speedMps * stepMs * 1000);
        _occupiedMmMs[partition][edge] += (long)Math.Round(lengthM * 1000) * stepMs;
    }

    /// <summary>Closes the interval when <paramref name="timeMs"/> reaches its end.</summary>
    /// <param name="timeMs">Time at the end of the step.</param>
    internal void EndStep(long timeMs)
    {
        if (IntervalMs <= 0 || timeMs - _intervalStartMs < IntervalMs)
        {
            return;
        }

        Flush(timeMs);
    }

    /// <summary>Writes the rows of the interval ending at <paramref name="timeMs"/> and starts a new one.</summary>
    /// <param name="timeMs">End of the interval.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once per interval: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    public void Flush(long timeMs)
    {
        var durationS = (timeMs - _intervalStartMs) / 1000.0;
        if (durationS <= 0)
        {
            return;
        }

        var edges = _network.Edges;
        var (entered, left, sampledMs, distanceUm, occupiedMmMs) = Totals();
        for (var e = 0; e < edges.Length; e++)
        {
            if (sampledMs[e] == 0 && entered[e] == 0 && _departed[e] == 0)
            {
                continue;
            }

            var lengthKm = edges[e].LengthM / 1000.0;
            var sampledS = sampledMs[e] / 1000.0;
            var meanSpeed = sampledMs[e] > 0 ? distanceUm[e] / 1e6 / sampledS : 0;
            var density = sampledS / durationS / lengthKm / edges[e].LaneCount;
            // Occupancy: share of lane length covered by vehicles, averaged over the interval (SUMO edgeData occupancy).
            var occupancy = 100 * (occupiedMmMs[e] / 1e6) / durationS / (edges[e].LengthM * edges[e].LaneCount);
            Rows.Add(new EdgeDataRow(
                e, edges[e].OsmWayId, _intervalStartMs / 1000.0, timeMs / 1000.0, _departed[e], entered[e], left[e], _arrived[e],
                sampledS, meanSpeed, density, Math.Min(100, occupancy), meanSpeed > 0 ? edges[e].LengthM / meanSpeed : double.NaN));
        }

        Array.Clear(_departed);
        Array.Clear(_arrived);
        foreach (var arrays in new Array[][] { _entered, _left, _sampledMs, _distanceUm, _occupiedMmMs })
        {
            foreach (var array in arrays)
            {
                Array.Clear(array);
            }
        }

        _intervalStartMs = timeMs;
    }

    /// <summary>The partitions' counts and sums added up per edge, in arrays kept for the next call.</summary>
    private (int[] Entered, int[] Left, long[] SampledMs, long[] DistanceUm, long[] OccupiedMmMs) Totals()
    {
        var n = _departed.Length;
        var totals = _totals ??= (new int[n], new int[n], new long[n], new long[n], new long[n]);
        _entered[0].CopyTo(totals.Entered, 0);
        _left[0].CopyTo(totals.Left, 0);
        _sampledMs[0].CopyTo(totals.SampledMs, 0);
        _distanceUm[0].CopyTo(totals.DistanceUm, 0);
        _occupiedMmMs[0].CopyTo(totals.OccupiedMmMs, 0);
        for (var p = 1; p < _entered.Length; p++)
        {
            for (var e = 0; e < n; e++)
            {
                totals.Entered[e] += _entered[p][e];
                totals.Left[e] += _left[p][e];
                totals.SampledMs[e] += _sampledMs[p][e];
                totals.DistanceUm[e] += _distanceUm[p][e];
                totals.OccupiedMmMs[e] += _occupiedMmMs[p][e];
            }
        }

        return totals;
    }
}

public sealed partial class EdgeDataCollector
{
    internal State Capture()
    {
        var (entered, left, sampledMs, distanceUm, occupiedMmMs) = Totals();
        return new State(_intervalStartMs, (int[])_departed.Clone(), (int[])entered.Clone(), (int[])left.Clone(), (int[])_arrived.Clone(),
            (long[])sampledMs.Clone(), (long[])distanceUm.Clone(), (long[])occupiedMmMs.Clone(), Rows.ToArray());
    }

    internal void Restore(State state)
    {
        _intervalStartMs = state.IntervalStartMs;
        state.Departed.CopyTo(_departed, 0);
        state.Arrived.CopyTo(_arrived, 0);
        for (var p = 0; p < _entered.Length; p++)
        {
            var first = p == 0;
            Fill(_entered[p], state.Entered, first);
            Fill(_left[p], state.Left, first);
            Fill(_sampledMs[p], state.SampledMs, first);
            Fill(_distanceUm[p], state.DistanceUm, first);
            Fill(_occupiedMmMs[p], state.OccupiedMmMs, first);
        }

        Rows.Clear();
        Rows.AddRange(state.Rows);

        static void Fill<T>(T[] target, T[] source, bool copy)
        {
            if (copy)
            {
                source.CopyTo(target, 0);
            }
            else
            {
                Array.Clear(target);
            }
        }
    }

    internal sealed record State(long IntervalStartMs, int[] Departed, int[] Entered, int[] Left, int[] Arrived, long[] SampledMs,
        long[] DistanceUm, long[] OccupiedMmMs, EdgeDataRow[] Rows)
    {
        public void Write(BinaryWriter w)
        {
            w.Write(IntervalStartMs);
            foreach (var a in new[] { Departed, Entered, Left, Arrived })
            {
                w.Write(a.Length);
                foreach (var v in a)
                {
                    w.Write(v);
                }
            }

            foreach (var a in new[] { SampledMs, DistanceUm, OccupiedMmMs })
            {
                w.Write(a.Length);
                foreach (var v in a)
                {
                    w.Write(v);
                }
            }

            w.Write(Rows.Length);
            foreach (var row in Rows)
            {
                Engine.SnapshotIo.Write(w, row);
            }
        }

        public static State Read(BinaryReader r)
        {
            var start = r.ReadInt64();
            var ints = new int[4][];
            for (var k = 0; k < 4; k++)
            {
                ints[k] = new int[r.ReadInt32()];
                for (var i = 0; i < ints[k].Length; i++)
                {
                    ints[k][i] = r.ReadInt32();
                }
            }

            var longs = new long[3][];
            for (var k = 0; k < 3; k++)
            {
                longs[k] = new long[r.ReadInt32()];
                for (var i = 0; i < longs[k].Length; i++)
                {
                    longs[k][i] = r.ReadInt64();
                }
            }

            var rows = new EdgeDataRow[r.ReadInt32()];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = Engine.SnapshotIo.ReadEdgeRow(r);
            }

            return new State(start, ints[0], ints[1], ints[2], ints[3], longs[0], longs[1], longs[2], rows);
        }
    }
}

/// <summary>One edge in one interval (SUMO edgeData fields).</summary>
/// <param name="Edge">Edge index.</param>
/// <param name="OsmWayId">OSM way of the edge.</param>
/// <param name="BeginS">Interval start.</param>
/// <param name="EndS">Interval end.</param>
/// <param name="Departed">Vehicles inserted on the edge.</param>
/// <param name="Entered">Vehicles that entered from another edge.</param>
/// <param name="Left">Vehicles that left to another edge.</param>
/// <param name="Arrived">Vehicles that ended their trip on the edge.</param>
/// <param name="SampledSeconds">Vehicle-seconds spent on the edge.</param>
/// <param name="MeanSpeedMps">Vehicle-second weighted mean speed.</param>
/// <param name="DensityVehPerKmPerLane">Mean vehicles per km and lane.</param>
/// <param name="OccupancyPercent">Mean share of the edge's lane length covered by vehicles, %.</param>
/// <param name="TravelTimeS">Length divided by mean speed (NaN when nobody moved).</param>
public readonly record struct EdgeDataRow(
    int Edge, long OsmWayId, double BeginS, double EndS, int Departed, int Entered, int Left, int Arrived,
    double SampledSeconds, double MeanSpeedMps, double DensityVehPerKmPerLane, double OccupancyPercent, double TravelTimeS);
