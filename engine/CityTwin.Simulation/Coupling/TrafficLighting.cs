using CityTwin.Model;
using CityTwin.Model.Geometry;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.Engine;

namespace CityTwin.Simulation.Coupling;

/// <summary>
/// Street lights that react to the simulated traffic: each step every lamp learns, from per-edge lamp lists (not a
/// scan of all vehicles), whether a vehicle is within its detection range; the lighting control program (astro clock,
/// dimming steps, presence boost with hold time and spread to neighbouring poles along the road) sets its level; the
/// ledger integrates energy, burning, dimmed and boosted time per lamp.
/// </summary>
public sealed partial class TrafficLighting
{
    private readonly TrafficSimulation _traffic;
    private readonly DateTime _startLocal;
    private readonly int[] _controlIndexOfLamp;

    // The same for the detection scan, flat (edge by edge, each in offset order): offsets along the edge and ledger
    // indices, with each edge's first entry (one more entry than edges).
    private readonly double[] _lampOffsetM;
    private readonly int[] _lampLedgerIndex;
    private readonly int[] _edgeLampStart;
    private readonly int _lampCount;

    // Edge of each lane when the edge lists lamps, else −1; vehicle length of each vehicle type (the window's back).
    private readonly int[] _litEdgeOfLane;
    private readonly double[] _lengthOfType;
    private readonly Model.Lighting.StreetLamp[] _lamps;
    private readonly LampEnergyLedger _ledger;
    private readonly long[] _sinceMs;
    private double _baseLevel;
    private double _boostLevel;

    // The levels as last commanded by Observe (the ones above are the worker's, applied in step order).
    private double _commandedBase;
    private double _commandedBoost;
    private bool _burning;
    private DateOnly _nightOf = DateOnly.MinValue;
    private double _onMin;
    private double _offMin;

    /// <summary>Creates the coupling.</summary>
    /// <param name="traffic">The traffic simulation.</param>
    /// <param name="city">The city model (lamps, projection for the astro clock).</param>
    /// <param name="startLocal">Local date and time of simulation time zero.</param>
    /// <param name="utcOffsetHours">Local time offset from UTC, hours.</param>
    /// <param name="luminaires">One luminaire per lamp of the city model.</param>
    /// <param name="dimming">Fixed-time dimming steps (null: none).</param>
    /// <param name="presence">Presence settings (null: no presence control).</param>
    public TrafficLighting(TrafficSimulation traffic, CityModel city, DateTime startLocal, double utcOffsetHours, Luminaire[] luminaires,
        DimmingProgram? dimming = null, PresenceSettings? presence = null)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(luminaires);
        if (luminaires.Length != city.Lamps.Count)
        {
            throw new ArgumentException($"{luminaires.Length} luminaires for {city.Lamps.Count} lamps.", nameof(luminaires));
        }

        _traffic = traffic;
        _startLocal = startLocal;
        Presence = presence;
        var lamps = city.Lamps.Lamps;
        var network = city.Roads;
        var byEdge = new List<(double OffsetM, int Lamp)>[network.Edges.Length];
        for (var lamp = 0; lamp < lamps.Length; lamp++)
        {
            var edge = lamps[lamp].Edge;
            if (edge < 0 || edge >= network.Edges.Length)
            {
                continue;
            }

            var offset = OffsetAlong(network.GetGeometry(edge), lamps[lamp].Position);
            (byEdge[edge] ??= []).Add((offset, lamp));
            var reverse = ReverseOf(network, edge);
            if (reverse >= 0)
            {
                (byEdge[reverse] ??= []).Add((network.Edges[reverse].LengthM - offset, lamp));
            }
        }

        var lampsByEdge = byEdge.Select(l => l is null ? [] : l.OrderBy(x => x.OffsetM).ThenBy(x => x.Lamp).ToArray()).ToArray();

        // Presence spreads to index neighbours: number the lamps road by road in order along the road.
        _controlIndexOfLamp = Enumerable.Repeat(-1, lamps.Length).ToArray();
        var next = 0;
        foreach (var list in lampsByEdge)
        {
            foreach (var (_, lamp) in list)
            {
                if (_controlIndexOfLamp[lamp] < 0)
                {
                    _controlIndexOfLamp[lamp] = next++;
                }
            }
        }

        for (var lamp = 0; lamp < lamps.Length; lamp++)
        {
            if (_controlIndexOfLamp[lamp] < 0)
            {
                _controlIndexOfLamp[lamp] = next++;
            }
        }

        _lampOffsetM = lampsByEdge.SelectMany(l => l.Select(x => x.OffsetM)).ToArray();
        _lampLedgerIndex = lampsByEdge.SelectMany(l => l.Select(x => _controlIndexOfLamp[x.Lamp])).ToArray();
        _edgeLampStart = new int[lampsByEdge.Length + 1];
        for (var edge = 0; edge < lampsByEdge.Length; edge++)
        {
            _edgeLampStart[edge + 1] = _edgeLampStart[edge] + lampsByEdge[edge].Length;
        }

        _litEdgeOfLane = new int[network.Lanes.Length];
        for (var lane = 0; lane < _litEdgeOfLane.Length; lane++)
        {
            var edge = network.Lanes[lane].Edge;
            _litEdgeOfLane[lane] = lampsByEdge[edge].Length > 0 ? edge : -1;
        }

        _lengthOfType = traffic.Types.Select(t => t.LengthM).ToArray();

        var control = presence is null
            ? null
            : new PresenceAdaptiveControl(lamps.Length, presence.BaseLevel, presence.BoostLevel, presence.HoldTimeMs, presence.NeighbourSpread);
        Program = new LightingControlProgram(new AstroClock(city.Projection.CentreLatDeg, city.Projection.CentreLonDeg, utcOffsetHours),
            dimming, control);
        var ordered = new Luminaire[lamps.Length];
        for (var lamp = 0; lamp < lamps.Length; lamp++)
        {
            ordered[_controlIndexOfLamp[lamp]] = luminaires[lamp];
        }

        _ledger = new LampEnergyLedger(ordered);
        _lampCount = lamps.Length;
        _lamps = lamps.ToArray();
        _presence = new LampPresence[lamps.Length];
        _sinceMs = new long[lamps.Length];
        Array.Fill(_sinceMs, traffic.Clock.Now.Milliseconds);
    }

    /// <summary>Presence settings, or null.</summary>
    public PresenceSettings? Presence { get; }

    /// <summary>Number of lamps.</summary>
    public int LampCount => _lampCount;

    /// <summary>The control program (astro clock, dimming, presence).</summary>
    public LightingControlProgram Program { get; }

    /// <summary>Energy, burning, dimmed and boosted time per lamp up to now (indexed in road order; see
    /// <see cref="LedgerIndexOf"/>).</summary>
    public LampEnergyLedger Ledger
    {
        get
        {
            WaitIdle();
            ExpireUntil(_traffic.Clock.Now.Milliseconds);
            FlushAll(_traffic.Clock.Now.Milliseconds);
            return _ledger;
        }
    }

    /// <summary>One row per lamp of the city model: energy, burning hours and the shares of burning time dimmed and
    /// boosted.</summary>
    /// <returns>The rows, in the model's lamp order.</returns>
    public List<LampRow> LampRows()
    {
        var ledger = Ledger;
        var rows = new List<LampRow>(_lampCount);
        for (var lamp = 0; lamp < _lampCount; lamp++)
        {
            var i = _controlIndexOfLamp[lamp];
            var model = _lamps[lamp];
            var burning = ledger.BurningS[i];
            rows.Add(new LampRow(lamp, model.OsmId, model.Generated, model.Edge, ledger.EnergyWh[i] / 1000, burning / 3600,
                burning > 0 ? ledger.DimmedS[i] / burning : 0, burning > 0 ? ledger.BoostedS[i] / burning : 0));
        }

        return rows;
    }

    /// <summary>Lighting energy per road (OSM way): lamps and kWh, largest first.</summary>
    /// <returns>The rows.</returns>
    public List<RoadLightingRow> RoadRows() => RoadRows(LampRows());

    /// <summary>Lighting energy per road (OSM way) from lamp rows: lamps and kWh, largest first.</summary>
    /// <param name="lampRows">One row per lamp.</param>
    /// <returns>The rows.</returns>
    public List<RoadLightingRow> RoadRows(IEnumerable<LampRow> lampRows)
    {
        ArgumentNullException.ThrowIfNull(lampRows);
        var network = _traffic.Network;
        return lampRows.Where(r => r.Edge >= 0 && r.Edge < network.Edges.Length)
            .GroupBy(r => network.Edges[r.Edge].OsmWayId)
            .Select(g =>
            {
                var nameIndex = network.Edges[g.First().Edge].NameIndex;
                return new RoadLightingRow(g.Key, nameIndex >= 0 ? network.Names[nameIndex] : "", g.Count(), g.Sum(r => r.EnergyKWh));
            })
            .OrderByDescending(r => r.EnergyKWh).ThenBy(r => r.OsmWayId).ToList();
    }

    /// <summary>The ledger index of a lamp of the city model.</summary>
    /// <param name="lamp">Lamp index in the city model.</param>
    /// <returns>Index in <see cref="Ledger"/>.</returns>
    public int LedgerIndexOf(int lamp) => _controlIndexOfLamp[lamp];

    /// <summary>Accounts the step that just ended: presence, then levels and energy.</summary>
    /// <remarks>
    /// Implementation note: energy is integrated lazily — a lamp's interval is booked only when its level changes (its
    /// boost starts or ends, or the common level changes) — and presence is event-based (see the Presence part), so a step
    /// costs O(vehicles on lit edges + lamps entered, left or expired), not O(lamps).
    /// </remarks>
    public void Observe()
    {
        var nowMs = _traffic.Clock.Now.Milliseconds;
        var stepMs = _traffic.Clock.Step.Milliseconds;
        var stepS = stepMs / 1000.0;
        var control = Program.Presence;
        var local = _startLocal.AddMilliseconds(nowMs);
        var evening = DateOnly.FromDateTime(local.Hour < 12 ? local.AddDays(-1) : local);
        var minute = (local - evening.ToDateTime(TimeOnly.MinValue)).TotalMinutes;
        if (evening != _nightOf)
        {
            Program.Clock.Night(evening, out _onMin, out _offMin);
            _nightOf = evening;
        }

        _burning = minute >= _onMin && minute < _offMin;
        var scheduled = _burning ? Program.Dimming.LevelAt(minute % 1440.0) : 0.0;
        var baseLevel = !_burning ? 0.0 : control is null ? scheduled : Math.Min(scheduled, control.BaseLevel);
        var boostLevel = _burning && control is not null ? control.BoostLevel : 0.0;
        var levelsChanged = baseLevel != _commandedBase || boostLevel != _commandedBoost;
        (_commandedBase, _commandedBoost) = (baseLevel, boostLevel);
        var job = new StepJob(nowMs, stepMs, levelsChanged, baseLevel, boostLevel);
        if (control is null)
        {
            Process(job, []); // no presence: nothing to overlap
            return;
        }

        Dispatch(job);
    }

    /// <summary>The bookkeeping of one step, in step order (on the caller's thread or, overlapped, on a worker): the
    /// common level's change, then presence and ended boosts.</summary>
    private void Process(in StepJob job, ReadOnlySpan<VehicleState> vehicles)
    {
        if (job.LevelsChanged)
        {
            ExpireUntil(job.NowMs - job.StepMs);
            FlushAll(job.NowMs - job.StepMs);
            (_baseLevel, _boostLevel) = (job.BaseLevel, job.BoostLevel);
        }

        if (Program.Presence is { } control)
        {
            Detect(control, job.NowMs, job.StepMs, vehicles);
            ExpireUntil(job.NowMs);
        }
    }

    /// <summary>Books every lamp's open interval up to <paramref name="untilMs"/>.</summary>
    private void FlushAll(long untilMs)
    {
        for (var i = 0; i < _lampCount; i++)
        {
            Book(i, untilMs, boosted: _presence[i].HeldNear > 0); // boosted while a lamp of its neighbourhood is held
        }
    }

    /// <summary>Books one lamp's time since its last booking, at the boost level or the common level.</summary>
    private void Book(int lamp, long untilMs, bool boosted)
    {
        if (untilMs > _sinceMs[lamp])
        {
            var level = boosted ? _boostLevel : _baseLevel;
            _ledger.Record(lamp, level, (untilMs - _sinceMs[lamp]) / 1000.0, boosted && level > 0);
        }

        _sinceMs[lamp] = untilMs;
    }

    /// <summary>Distance along a polyline to the point nearest to <paramref name="p"/>, metres.</summary>
    private static double OffsetAlong(ReadOnlySpan<PointM> line, PointM p)
    {
        var best = double.MaxValue;
        var bestOffset = 0.0;
        var walked = 0.0;
        for (var i = 0; i + 1 < line.Length; i++)
        {
            var (ax, ay, bx, by) = (line[i].XM, line[i].YM, line[i + 1].XM, line[i + 1].YM);
            var (dx, dy) = (bx - ax, by - ay);
            var length2 = dx * dx + dy * dy;
            var t = length2 > 0 ? Math.Clamp(((p.XM - ax) * dx + (p.YM - ay) * dy) / length2, 0, 1) : 0;
            var (qx, qy) = (ax + t * dx, ay + t * dy);
            var d = (p.XM - qx) * (p.XM - qx) + (p.YM - qy) * (p.YM - qy);
            var segment = Math.Sqrt(length2);
            if (d < best)
            {
                best = d;
                bestOffset = walked + t * segment;
            }

            walked += segment;
        }

        return bestOffset;
    }

    private static int ReverseOf(Model.Roads.RoadNetwork network, int edge)
    {
        var e = network.Edges[edge];
        foreach (var candidate in network.GetOutgoingEdges(e.ToJunction))
        {
            var c = network.Edges[candidate];
            if (c.ToJunction == e.FromJunction && c.OsmWayId == e.OsmWayId)
            {
                return candidate;
            }
        }

        return -1;
    }
}

/// <summary>Presence-adaptive lighting: dim to a base level, boost when a vehicle is near (EN 13201 adaptive lighting).</summary>
/// <param name="BaseLevel">Level without presence, 0–1.</param>
/// <param name="BoostLevel">Level with presence, 0–1.</param>
/// <param name="HoldTimeMs">How long a detection keeps a lamp boosted.</param>
/// <param name="NeighbourSpread">Poles on each side along the road boosted with the detecting one.</param>
/// <param name="DetectionRangeM">Distance from the pole within which a vehicle is detected.</param>
public sealed record PresenceSettings(double BaseLevel = 0.3, double BoostLevel = 1.0, long HoldTimeMs = 60_000, int NeighbourSpread = 2,
    double DetectionRangeM = 30);

/// <summary>One lamp's totals.</summary>
/// <param name="Lamp">Lamp index in the city model.</param>
/// <param name="OsmId">OSM node id (0 for generated lamps).</param>
/// <param name="Generated">Whether the lamp was generated along a lit road.</param>
/// <param name="Edge">Nearest edge, or −1.</param>
/// <param name="EnergyKWh">Energy used.</param>
/// <param name="BurningH">Hours switched on.</param>
/// <param name="DimmedShare">Share of burning time below full level.</param>
/// <param name="BoostedShare">Share of burning time boosted by presence.</param>
public readonly record struct LampRow(int Lamp, long OsmId, bool Generated, int Edge, double EnergyKWh, double BurningH, double DimmedShare,
    double BoostedShare);

/// <summary>Lighting of one road (OSM way).</summary>
/// <param name="OsmWayId">OSM way id.</param>
/// <param name="Name">Street name, or empty.</param>
/// <param name="Lamps">Lamps along it.</param>
/// <param name="EnergyKWh">Their energy.</param>
public readonly record struct RoadLightingRow(long OsmWayId, string Name, int Lamps, double EnergyKWh);
