using CityTwin.Ecs.Core;
using CityTwin.Ecs.Systems;
using CityTwin.Ecs.Timing;
using CityTwin.Model;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.Engine;

namespace CityTwin.Simulation.Coupling;

/// <summary>
/// The city's street lamps as entities (<see cref="LampRef"/>, <see cref="LampFixture"/>, <see cref="LampEnergy"/>),
/// lit by the traffic: each tick (after the traffic step) the system runs the lighting control — astro clock, dimming
/// steps, presence from the simulated vehicles — and every simulated hour, and whenever results are read, it writes
/// each lamp's energy and burning, dimmed and boosted time into its entity.
/// </summary>
/// <remarks>
/// Implementation note: the presence bookkeeping lives in <see cref="TrafficLighting"/> (per-vehicle lamp windows,
/// per-lamp occupancy, a hold-expiry queue, a struct-of-arrays ledger by lamp number along the road) — an index the
/// system keeps beside the entities, as a spatial index would be, because a detection touches lamps by their
/// neighbours along the road, not by entity. The entities are what outputs and other systems read.
/// </remarks>
public sealed class StreetLightingSystem : BaseSystem<World, SimTick>
{
    private const long MsPerHour = 3_600_000;
    private static readonly QueryDescription Lamps = new QueryDescription().WithAll<LampRef, LampEnergy>();
    private readonly TrafficSimulation _traffic;

    private StreetLightingSystem(World world, TrafficSimulation traffic, TrafficLighting lighting)
        : base(world)
    {
        _traffic = traffic;
        Lighting = lighting;
    }

    /// <summary>The lighting control and its ledger.</summary>
    public TrafficLighting Lighting { get; }

    /// <summary>Creates one entity per lamp of the city model and the system that lights them.</summary>
    /// <param name="world">The world to create the lamps in.</param>
    /// <param name="traffic">The traffic simulation (presence).</param>
    /// <param name="city">The city model.</param>
    /// <param name="startLocal">Local date and time of simulation time zero.</param>
    /// <param name="utcOffsetHours">Local time offset from UTC, hours.</param>
    /// <param name="luminaires">One luminaire per lamp of the city model.</param>
    /// <param name="dimming">Fixed-time dimming steps (null: none).</param>
    /// <param name="presence">Presence settings (null: no presence control).</param>
    /// <returns>The system.</returns>
    public static StreetLightingSystem Create(World world, TrafficSimulation traffic, CityModel city, DateTime startLocal, double utcOffsetHours,
        Luminaire[] luminaires, DimmingProgram? dimming = null, PresenceSettings? presence = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var lighting = new TrafficLighting(traffic, city, startLocal, utcOffsetHours, luminaires, dimming, presence);
        var lamps = city.Lamps.Lamps;
        for (var lamp = 0; lamp < lamps.Length; lamp++)
        {
            world.Create(new LampRef(lamp, lighting.LedgerIndexOf(lamp), lamps[lamp].Edge, lamps[lamp].OsmId, lamps[lamp].Generated),
                new LampFixture(luminaires[lamp]), new LampEnergy());
        }

        return new StreetLightingSystem(world, traffic, lighting);
    }

    /// <summary>Accounts the traffic step that just ended (call after each traffic step).</summary>
    /// <param name="t">The tick.</param>
    public override void Update(in SimTick t)
    {
        Lighting.Observe();
        if (_traffic.Clock.Now.Milliseconds % MsPerHour == 0)
        {
            Sync();
        }
    }

    /// <summary>Writes every lamp's totals so far into its entity.</summary>
    public void Sync()
    {
        var ledger = Lighting.Ledger;
        foreach (ref var chunk in World.Query(in Lamps))
        {
            var refs = chunk.GetSpan<LampRef>();
            var energy = chunk.GetSpan<LampEnergy>();
            for (var i = 0; i < chunk.Count; i++)
            {
                var k = refs[i].LedgerIndex;
                ref var e = ref energy[i];
                e.EnergyKWh = ledger.EnergyWh[k] / 1000;
                e.BurningH = ledger.BurningS[k] / 3600;
                e.DimmedH = ledger.DimmedS[k] / 3600;
                e.BoostedH = ledger.BoostedS[k] / 3600;
            }
        }
    }

    /// <summary>One row per lamp, read off the entities (synced first), in the city model's lamp order.</summary>
    /// <returns>The rows.</returns>
    public List<LampRow> LampRows()
    {
        Sync();
        var rows = new LampRow[Lighting.LampCount];
        foreach (ref var chunk in World.Query(in Lamps))
        {
            var refs = chunk.GetSpan<LampRef>();
            var energy = chunk.GetSpan<LampEnergy>();
            for (var i = 0; i < chunk.Count; i++)
            {
                ref readonly var r = ref refs[i];
                ref readonly var e = ref energy[i];
                rows[r.ModelIndex] = new LampRow(r.ModelIndex, r.OsmId, r.Generated, r.Edge, e.EnergyKWh, e.BurningH,
                    e.BurningH > 0 ? e.DimmedH / e.BurningH : 0, e.BurningH > 0 ? e.BoostedH / e.BurningH : 0);
            }
        }

        return [.. rows];
    }

    /// <summary>Lighting energy per road (OSM way), from the entities: lamps and kWh, largest first.</summary>
    /// <returns>The rows.</returns>
    public List<RoadLightingRow> RoadRows() => Lighting.RoadRows(LampRows());
}
