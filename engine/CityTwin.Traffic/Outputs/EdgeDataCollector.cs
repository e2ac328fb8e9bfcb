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
    private readonly int[] _entered;
    private readonly int[] _left;
    private readonly int[] _arrived;
    private readonly double[] _sampledS;
    private readonly double[] _speedSum;
    private readonly double[] _relSpeedSum; // vehicle length × seconds (occupancy)
    private long _intervalStartMs;

    /// <summary>Creates a collector for every edge of a network.</summary>
    /// <param name="network">The road network.</param>
    public EdgeDataCollector(RoadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        var n = network.Edges.Length;
        _departed = new int[n];
        _entered = new int[n];
        _left = new int[n];
        _arrived = new int[n];
        _sampledS = new double[n];
        _speedSum = new double[n];
        _relSpeedSum = new double[n];
    }

    /// <summary>Interval length, ms (15 minutes by default); zero disables the output.</summary>
    public long IntervalMs { get; set; } = 900_000;

    /// <summary>Rows of finished intervals (edges with any traffic only).</summary>
    public List<EdgeDataRow> Rows { get; } = [];

    internal void Departed(int edge) => _departed[edge]++;

    internal void Entered(int edge) => _entered[edge]++;

    internal void Left(int edge) => _left[edge]++;

    internal void ArrivedOn(int edge) => _arrived[edge]++;

    internal void Sample(int edge, double speedMps, double stepS, double lengthM)
    {
        _sampledS[edge] += stepS;
        _speedSum[edge] += speedMps * stepS;
        _relSpeedSum[edge] += lengthM * stepS;
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

    /// <summary>Writes rows for the open interval up to <paramref name="timeMs"/> and starts a new one.</summary>
    /// <param name="timeMs">End of the interval.</param>
    public void Flush(long timeMs)
    {
        var durationS = (timeMs - _intervalStartMs) / 1000.0;
        if (durationS <= 0)
        {
            return;
        }

        var edges = _network.Edges;
        for (var e = 0; e < edges.Length; e++)
        {
            if (_sampledS[e] == 0 && _entered[e] == 0 && _departed[e] == 0)
            {
                continue;
            }

            var lengthKm = edges[e].LengthM / 1000.0;
            var meanSpeed = _sampledS[e] > 0 ? _speedSum[e] / _sampledS[e] : 0;
            var density = _sampledS[e] / durationS / lengthKm / edges[e].LaneCount;
            // Occupancy: share of lane length covered by vehicles, averaged over the interval (SUMO edgeData occupancy).
            var occupancy = 100 * _relSpeedSum[e] / durationS / (edges[e].LengthM * edges[e].LaneCount);
            Rows.Add(new EdgeDataRow(
                e, edges[e].OsmWayId, _intervalStartMs / 1000.0, timeMs / 1000.0, _departed[e], _entered[e], _left[e], _arrived[e],
                _sampledS[e], meanSpeed, density, Math.Min(100, occupancy), meanSpeed > 0 ? edges[e].LengthM / meanSpeed : double.NaN));
        }

        Array.Clear(_departed);
        Array.Clear(_entered);
        Array.Clear(_left);
        Array.Clear(_arrived);
        Array.Clear(_sampledS);
        Array.Clear(_speedSum);
        Array.Clear(_relSpeedSum);
        _intervalStartMs = timeMs;
    }
}

public sealed partial class EdgeDataCollector
{
    /// <summary>Captures the open interval and finished rows (snapshots).</summary>
    internal State Capture() => new(_intervalStartMs, (int[])_departed.Clone(), (int[])_entered.Clone(), (int[])_left.Clone(),
        (int[])_arrived.Clone(), (double[])_sampledS.Clone(), (double[])_speedSum.Clone(), (double[])_relSpeedSum.Clone(), Rows.ToArray());

    /// <summary>Restores a captured state.</summary>
    internal void Restore(State state)
    {
        _intervalStartMs = state.IntervalStartMs;
        state.Departed.CopyTo(_departed, 0);
        state.Entered.CopyTo(_entered, 0);
        state.Left.CopyTo(_left, 0);
        state.Arrived.CopyTo(_arrived, 0);
        state.SampledS.CopyTo(_sampledS, 0);
        state.SpeedSum.CopyTo(_speedSum, 0);
        state.RelSpeedSum.CopyTo(_relSpeedSum, 0);
        Rows.Clear();
        Rows.AddRange(state.Rows);
    }

    /// <summary>The collector's state.</summary>
    internal sealed record State(long IntervalStartMs, int[] Departed, int[] Entered, int[] Left, int[] Arrived, double[] SampledS,
        double[] SpeedSum, double[] RelSpeedSum, EdgeDataRow[] Rows)
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

            foreach (var a in new[] { SampledS, SpeedSum, RelSpeedSum })
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

            var doubles = new double[3][];
            for (var k = 0; k < 3; k++)
            {
                doubles[k] = new double[r.ReadInt32()];
                for (var i = 0; i < doubles[k].Length; i++)
                {
                    doubles[k][i] = r.ReadDouble();
                }
            }

            var rows = new EdgeDataRow[r.ReadInt32()];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = Engine.SnapshotIo.ReadEdgeRow(r);
            }

            return new State(start, ints[0], ints[1], ints[2], ints[3], doubles[0], doubles[1], doubles[2], rows);
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
