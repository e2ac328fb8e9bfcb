using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CityTwin.Ecs.Core;
using CityTwin.Ecs.Randomness;
using CityTwin.Simulation.Emissions;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Simulation.Coupling;

/// <summary>
/// Emissions and energy of every simulated vehicle, every step: HBEFA3 per-second emissions (SUMO's coefficients)
/// for combustion vehicles, SUMO's energy model with a battery for electric ones. Call <see cref="Observe"/> after
/// each <see cref="TrafficSimulation.Step"/>; it sums per trip (rows when trips end), per edge and for the city.
/// </summary>
/// <remarks>
/// Implementation note: the observer reads the vehicles' components after the move phase, so a vehicle's last step
/// (the one in which it arrives and is removed) is not counted: at most one step per trip. Which vehicles are electric
/// is a pure function of (seed, trip index), so it does not depend on insertion order or threads.
/// </remarks>
public sealed class TrafficEmissions : IStepObserver
{
    private static readonly Pollutant[] Pollutants = [Pollutant.CO2, Pollutant.CO, Pollutant.HC, Pollutant.NOx, Pollutant.PMx, Pollutant.Fuel];

    private readonly TrafficSimulation _traffic;
    private readonly double[] _evShareByType;
    private readonly RandomStreams _streams;
    private const byte Unseen = 0;
    private const byte Combustion = 1;
    private const byte Electric = 2;

    private readonly int[] _laneEdge;

    /// <summary>Per edge, four adjacent sums (one cache line): CO2 of the run (g), and CO2 (g), NOx (g), fuel (ml) of the open interval.</summary>
    private readonly double[] _edgeSums;
    private long _intervalStartMs;
    private readonly Vector256<double>[][] _columnsByType;

    // Per-trip state in flat arrays indexed by trip (structure of arrays): the step loop touches one slot of each, in
    // roughly insertion order, instead of chasing a heap object per vehicle.
    private byte[] _tripKind = new byte[256];
    private double[] _tripMg = new double[256 * 8]; // six outputs and two slots of vector padding per trip
    private double[] _tripEnergyWh = new double[256];
    private EvBattery[] _tripBattery = new EvBattery[256];
    private int _tripInfosSeen;

    // Inputs of queued steps (in step order), the trips that ended in them, and the shared pipeline.
    private readonly ConcurrentQueue<StepJob> _jobs = new();
    private readonly ConcurrentQueue<(TripInfo Info, int Trip)> _ended = new();
    private StepPipeline? _pipeline;
    private readonly List<EdgeEmissionRow> _edgeRows = [];
    private readonly List<TripEmissionRow> _trips = [];
    private double _evEnergyWh;

    /// <summary>Creates the observer.</summary>
    /// <param name="traffic">The traffic simulation.</param>
    /// <param name="evShareByType">Share of electric vehicles per vehicle type (null: none).</param>
    /// <param name="seed">Seed of the electric/combustion draw.</param>
    public TrafficEmissions(TrafficSimulation traffic, IReadOnlyList<double>? evShareByType = null, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        _traffic = traffic;
        _streams = new RandomStreams(seed);
        // Row 5 (fuel) is divided by the fuel density so that it accumulates ml, as Hbefa3Model.FuelMlPerS.
        _columnsByType = traffic.Types.Select(t => Columns(ClassOf(t.EmissionClass))).ToArray();
        _evShareByType = traffic.Types.Select((_, i) => evShareByType is null ? 0 : evShareByType[i]).ToArray();
        foreach (var share in _evShareByType)
        {
            if (share is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(evShareByType), share, "EV shares must be in [0, 1].");
            }
        }

        _edgeSums = new double[traffic.Network.Edges.Length * 4];
        _laneEdge = new int[traffic.Network.Lanes.Length];
        for (var lane = 0; lane < _laneEdge.Length; lane++)
        {
            _laneEdge[lane] = traffic.Network.Lanes[lane].Edge;
        }
    }

    /// <summary>Electric vehicle parameters (SUMO's Kia Soul defaults).</summary>
    public EvParameters Ev { get; init; } = EvParameters.KiaSoul;

    /// <summary>City totals so far of each pollutant (mg) and of fuel (ml, last entry), in the order <c>CO2, CO, HC,
    /// NOx, PMx, Fuel</c>: ended trips plus the vehicles still driving.</summary>
    public double[] TotalsMg
    {
        get
        {
            WaitIdle();
            var totals = new double[6];
            for (var trip = 0; trip < _tripKind.Length; trip++)
            {
                for (var p = 0; p < 6; p++)
                {
                    totals[p] += _tripMg[trip * 8 + p];
                }
            }

            return totals;
        }
    }

    /// <summary>Electricity drawn by electric vehicles from their batteries, Wh (net of recuperation).</summary>
    public double EvEnergyWh
    {
        get
        {
            WaitIdle();
            return _evEnergyWh;
        }
    }

    /// <summary>CO2 per edge over the run so far, grams (a copy).</summary>
    public double[] EdgeCo2G
    {
        get
        {
            WaitIdle();
            return Enumerable.Range(0, _edgeSums.Length / 4).Select(e => _edgeSums[e * 4]).ToArray();
        }
    }

    /// <summary>Length of the per-edge intervals of <see cref="EdgeRows"/>, ms (15 minutes by default).</summary>
    public long IntervalMs { get; init; } = 900_000;

    /// <summary>Per edge and interval: CO2, NOx and fuel of the vehicles on the edge (edges with traffic only).</summary>
    public List<EdgeEmissionRow> EdgeRows => WaitIdleThen(_edgeRows);

    /// <summary>Per-trip rows, written as trips end.</summary>
    public List<TripEmissionRow> Trips => WaitIdleThen(_trips);

    /// <summary>CO2 of the run so far, kg.</summary>
    public double Co2Kg => TotalsMg[0] / 1e6;

    /// <summary>Fuel of the run so far, litres.</summary>
    public double FuelL => TotalsMg[5] / 1e3;


    /// <summary>NOx of the run so far, kg.</summary>
    public double NoxKg => TotalsMg[3] / 1e6;

    /// <summary>Whether a trip is driven by an electric vehicle.</summary>
    /// <param name="trip">Trip index.</param>
    /// <param name="type">Vehicle type index.</param>
    /// <returns>True for an electric vehicle.</returns>
    public bool IsElectric(int trip, int type) =>
        _evShareByType[type] > 0 && (_streams.StreamSeed("emissions.ev", trip) >> 11) * (1.0 / (1UL << 53)) < _evShareByType[type];

    /// <summary>Whether the per-vehicle accounting runs on a worker thread, overlapped with the caller's next traffic
    /// steps (default: when the machine has more than one core). Results are identical either way.</summary>
    public bool Overlapped { get; init; } = Environment.ProcessorCount > 1;

    private StepPipeline Pipeline => _pipeline ??= StepPipeline.For(_traffic);

    /// <summary>Accounts the step that just ended.</summary>
    /// <remarks>Implementation note: this takes (or reuses) the step's vehicle snapshot and notes the trips that ended;
    /// the accounting itself runs on the simulation's <see cref="StepPipeline"/> (see <see cref="Overlapped"/>), in step
    /// order. Every read of the results waits for it.</remarks>
    public void Observe()
    {
        var snapshot = Pipeline.Capture();
        var ended = 0;
        for (; _tripInfosSeen < _traffic.TripInfos.Count; _tripInfosSeen++)
        {
            var info = _traffic.TripInfos[_tripInfosSeen];
            var trip = _traffic.TripIndexOf(info.Id);
            if (trip >= 0)
            {
                _ended.Enqueue((info, trip));
                ended++;
            }
        }

        _jobs.Enqueue(new StepJob(_traffic.Clock.Now.Milliseconds, _traffic.Clock.Step.Seconds, ended));
        Pipeline.Submit(this, snapshot, Overlapped);
    }

    /// <inheritdoc/>
    void IStepObserver.RunStep(VehicleSnapshot snapshot)
    {
        if (!_jobs.TryDequeue(out var job))
        {
            throw new InvalidOperationException("An emission step ran without its inputs.");
        }

        foreach (ref readonly var v in snapshot.Span)
        {
            Account(v, job.StepS);
        }

        if (IntervalMs > 0 && job.NowMs - _intervalStartMs >= IntervalMs)
        {
            Flush(job.NowMs);
        }

        // Close the trips that ended in this step.
        for (var i = 0; i < job.EndedTrips; i++)
        {
            _ended.TryDequeue(out var end);
            var (info, trip) = end;
            Grow(trip);
            var electric = _tripKind[trip] == Electric;
            var mg = _tripMg.AsSpan(trip * 8, 6);
            var energyWh = _tripEnergyWh[trip];
            _trips.Add(new TripEmissionRow(info.Id, electric, mg[0] / 1000, mg[1] / 1000, mg[2] / 1000, mg[3] / 1000,
                mg[4] / 1000, mg[5], energyWh, electric ? _tripBattery[trip].StateOfCharge : double.NaN,
                info.RouteLengthM > 0 && electric ? energyWh / (info.RouteLengthM / 1000) : double.NaN));
        }
    }

    /// <summary>Waits until the queued steps have been accounted.</summary>
    private void WaitIdle() => _pipeline?.WaitIdle();

    private T WaitIdleThen<T>(T value)
    {
        WaitIdle();
        return value;
    }

    /// <summary>One step's inputs to the accounting.</summary>
    private readonly record struct StepJob(long NowMs, double StepS, int EndedTrips);

    /// <summary>Writes the rows of the open interval up to <paramref name="nowMs"/> (call at the end of a run).</summary>
    /// <param name="nowMs">End of the interval.</param>
    public void FlushInterval(long nowMs)
    {
        WaitIdle();
        Flush(nowMs);
    }

    private void Flush(long nowMs)
    {
        if (nowMs <= _intervalStartMs)
        {
            return;
        }

        var edges = _traffic.Network.Edges;
        for (var e = 0; e < edges.Length; e++)
        {
            var sums = _edgeSums.AsSpan(e * 4, 4);
            if (sums[1] > 0 || sums[3] > 0)
            {
                _edgeRows.Add(new EdgeEmissionRow(e, edges[e].OsmWayId, _intervalStartMs / 1000.0, nowMs / 1000.0, sums[1], sums[2], sums[3]));
            }

            sums[1..].Clear();
        }

        _intervalStartMs = nowMs;
    }

    /// <summary>Makes room for a trip index (doubling, so amortised O(1)).</summary>
    private void Grow(int trip)
    {
        if (trip < _tripKind.Length)
        {
            return;
        }

        var size = Math.Max(trip + 1, _tripKind.Length * 2);
        Array.Resize(ref _tripKind, size);
        Array.Resize(ref _tripMg, size * 8);
        Array.Resize(ref _tripEnergyWh, size);
        Array.Resize(ref _tripBattery, size);
    }

    /// <summary>Electric or combustion, decided once per trip at its first step.</summary>
    private byte KindOf(int trip, int type)
    {
        Grow(trip);
        var kind = _tripKind[trip];
        if (kind == Unseen)
        {
            kind = IsElectric(trip, type) ? Electric : Combustion;
            _tripKind[trip] = kind;
            if (kind == Electric)
            {
                _tripBattery[trip] = new EvBattery(Ev.BatteryCapacityWh, 0.8);
            }
        }

        return kind;
    }

    /// <summary>One vehicle's step: battery energy for an electric vehicle, HBEFA3 emissions for a combustion one.</summary>
    private void Account(in VehicleState v, double stepS)
    {
        var trip = v.Trip;
        if (KindOf(trip, v.Type) == Electric)
        {
            var wh = EvEnergyModel.StepEnergyWh(Ev, v.SpeedMps, Math.Max(0, v.SpeedMps - v.AccelMps2 * stepS), stepS);
            _tripEnergyWh[trip] += wh;
            _tripBattery[trip].Apply(wh);
            _evEnergyWh += wh;
            return;
        }

        // HBEFA3: e = c0 + c1·a·v + c2·a²·v + c3·v + c4·v² + c5·v³ (mg/h → /3.6 mg/s), clipped at 0, for the six outputs
        // at once (same formula as Hbefa3Model.EmissionMgPerS): the per-type matrix is stored by term as two 4-wide
        // vectors (outputs 0–3 and 4–5 plus padding), so a vehicle costs 12 vector multiply-adds.
        var c = _columnsByType[v.Type];
        double speed = v.SpeedMps, a = v.AccelMps2;
        var lo = c[0];
        var hi = c[1];
        lo += c[2] * (a * speed);
        hi += c[3] * (a * speed);
        lo += c[4] * (a * a * speed);
        hi += c[5] * (a * a * speed);
        lo += c[6] * speed;
        hi += c[7] * speed;
        lo += c[8] * (speed * speed);
        hi += c[9] * (speed * speed);
        lo += c[10] * (speed * speed * speed);
        hi += c[11] * (speed * speed * speed);
        var scale = stepS / 3.6;
        lo = Vector256.Max(lo, Vector256<double>.Zero) * scale;
        hi = Vector256.Max(hi, Vector256<double>.Zero) * scale;
        ref var mg = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tripMg), trip * 8);
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref mg) + lo, ref mg);
        Vector256.StoreUnsafe(Vector256.LoadUnsafe(ref mg, 4) + hi, ref mg, 4);

        // The edge's four sums are adjacent: one cache line per vehicle instead of four arrays.
        ref var sums = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_edgeSums), _laneEdge[v.Lane] * 4);
        var co2G = lo.GetElement(0) / 1000;
        sums += co2G;
        Unsafe.Add(ref sums, 1) += co2G;
        Unsafe.Add(ref sums, 2) += lo.GetElement(3) / 1000;
        Unsafe.Add(ref sums, 3) += hi.GetElement(1);
    }

    /// <summary>The class's 6×6 coefficients by term: for term k, outputs 0–3 then outputs 4–5 (and two zeros). Row 5
    /// (fuel) is divided by the fuel density so that it accumulates ml, as Hbefa3Model.FuelMlPerS.</summary>
    private static Vector256<double>[] Columns(Hbefa3Class vehicleClass)
    {
        var columns = new Vector256<double>[12];
        Span<double> values = stackalloc double[8];
        for (var term = 0; term < 6; term++)
        {
            values.Clear();
            for (var p = 0; p < 6; p++)
            {
                var coefficient = vehicleClass.Coefficients(Pollutants[p])[term];
                values[p] = Pollutants[p] == Pollutant.Fuel ? coefficient / vehicleClass.FuelDensityGPerL : coefficient;
            }

            columns[2 * term] = Vector256.Create(values[0], values[1], values[2], values[3]);
            columns[(2 * term) + 1] = Vector256.Create(values[4], values[5], values[6], values[7]);
        }

        return columns;
    }

    private static Hbefa3Class ClassOf(string emissionClass)
    {
        var name = emissionClass.StartsWith("HBEFA3/", StringComparison.OrdinalIgnoreCase) ? emissionClass[7..] : emissionClass;
        return Hbefa3Classes.ByName.TryGetValue(name, out var found)
            ? found
            : throw new ArgumentException($"Unknown emission class '{emissionClass}'; known: {string.Join(", ", Hbefa3Classes.ByName.Keys)}.");
    }

}

/// <summary>Emissions and energy of one trip (grams; fuel in ml; electricity in Wh).</summary>
/// <param name="Id">Trip id.</param>
/// <param name="Electric">Whether the vehicle was electric.</param>
/// <param name="Co2G">CO2.</param>
/// <param name="CoG">CO.</param>
/// <param name="HcG">HC.</param>
/// <param name="NoxG">NOx.</param>
/// <param name="PmxG">PMx.</param>
/// <param name="FuelMl">Fuel.</param>
/// <param name="ElectricityWh">Battery energy used (net of recuperation).</param>
/// <param name="FinalStateOfCharge">Battery state of charge at the end (electric only; starts at 0.8).</param>
/// <param name="WhPerKm">Consumption per km (electric only).</param>
public readonly record struct TripEmissionRow(
    string Id, bool Electric, double Co2G, double CoG, double HcG, double NoxG, double PmxG, double FuelMl, double ElectricityWh,
    double FinalStateOfCharge, double WhPerKm);

/// <summary>Emissions on one edge in one interval (grams; fuel in ml).</summary>
/// <param name="Edge">Edge index.</param>
/// <param name="OsmWayId">OSM way of the edge.</param>
/// <param name="BeginS">Interval start.</param>
/// <param name="EndS">Interval end.</param>
/// <param name="Co2G">CO2.</param>
/// <param name="NoxG">NOx.</param>
/// <param name="FuelMl">Fuel.</param>
public readonly record struct EdgeEmissionRow(int Edge, long OsmWayId, double BeginS, double EndS, double Co2G, double NoxG, double FuelMl);
