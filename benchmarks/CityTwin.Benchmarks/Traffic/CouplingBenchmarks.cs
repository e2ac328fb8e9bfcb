using BenchmarkDotNet.Attributes;
using CityTwin.Ecs.Randomness;
using CityTwin.Ecs.Timing;
using CityTwin.IO.Osm;
using CityTwin.Model;
using CityTwin.Model.Roads;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Benchmarks.Traffic;

/// <summary>
/// What emissions and street lighting add to a traffic run (issue 7: at most +10% on Monaco). One evening hour of 3,600
/// random trips on the sample city with lamps generated along its streets (the scenario runner's <c>assumeLit</c>,
/// 17,771 lamps), pre-routed; each method builds a fresh simulation and runs it: traffic alone (baseline), + emissions
/// (20% EVs), + presence-adaptive LED lighting, + both.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class CouplingBenchmarks
{
    private CityModel _city = null!;
    private List<ScheduledTrip> _trips = [];
    private Luminaire[] _luminaires = [];

    [GlobalSetup]
    public void Setup()
    {
        _city = OsmCityImporter.Import(TrafficBenchmarks.SampleCityPath(), new OsmImportOptions { AssumeLitWhenUntagged = true });
        var router = new AStarRouter(RoutingGraph.Build(_city.Roads, VehicleClasses.Passenger));
        var demand = new RandomTripGenerator(_city.Roads).Generate(
            new RandomTripOptions { EndS = 3300, PeriodS = 3300.0 / 3600, MinDistanceM = 300 }, new SeededRandom(42));
        _trips = demand.Trips.Select(r => ScheduledTrip.TryFrom(r, router, out var t) ? t : null).OfType<ScheduledTrip>().ToList();
        _luminaires = Enumerable.Repeat(Luminaire.Typical(LightingClass.M4, LuminaireTechnology.Led), _city.Lamps.Count).ToArray();
    }

    private long Run(bool emissions, bool lighting, bool presence = true)
    {
        using var sim = new TrafficSimulation(_city.Roads, [VehicleType.SumoDefault], new TrafficOptions { Seed = 1, Threads = TrafficThreads });
        foreach (var trip in _trips)
        {
            sim.Schedule(trip);
        }

        var e = emissions ? new TrafficEmissions(sim, [0.2], 1) : null;
        var l = lighting ? new TrafficLighting(sim, _city, new DateTime(2026, 11, 23, 17, 0, 0), 1, _luminaires, presence ? null : DimmingProgram.D60,
            presence ? new PresenceSettings() : null) : null;
        var end = SimTime.FromSeconds(3600L);
        while (sim.Clock.Now < end)
        {
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            sim.Step();
            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            e?.Observe();
            var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            l?.Observe();
            var t3 = System.Diagnostics.Stopwatch.GetTimestamp();
            StepTicks += t1 - t0;
            EmissionTicks += t2 - t1;
            LightingTicks += t3 - t2;
        }

        // Read the results, as a user does: this waits for the overlapped bookkeeping of the last steps, which would
        // otherwise fall outside the timed run.
        var t4 = System.Diagnostics.Stopwatch.GetTimestamp();
        _ = e?.Trips.Count;
        _ = l?.Detections;
        StepTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t4;
        return sim.VehicleUpdates;
    }

    /// <summary>Time spent in traffic steps, emission and lighting observers since the last reset (Stopwatch ticks).</summary>
    public static long StepTicks, EmissionTicks, LightingTicks;

    /// <summary>Traffic threads of the coupled runs (`coupling-overhead rounds threads`).</summary>
    public static int TrafficThreads = 1;

    /// <summary>Traffic alone.</summary>
    [Benchmark(Baseline = true)]
    public long Traffic() => Run(false, false);

    /// <summary>Traffic with HBEFA emissions and EV energy.</summary>
    [Benchmark]
    public long WithEmissions() => Run(true, false);

    /// <summary>Traffic with presence-adaptive street lighting.</summary>
    [Benchmark]
    public long WithLighting() => Run(false, true);

    /// <summary>Traffic with fixed-time dimmed lighting (no presence detection).</summary>
    [Benchmark]
    public long WithDimmedLighting() => Run(false, true, presence: false);

    /// <summary>Traffic with both.</summary>
    [Benchmark]
    public long WithEmissionsAndLighting() => Run(true, true);
}
