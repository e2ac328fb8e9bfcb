using BenchmarkDotNet.Attributes;
using CityTwin.Ecs.Randomness;
using CityTwin.Ecs.Timing;
using CityTwin.IO.Osm;
using CityTwin.Model;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Benchmarks.Traffic;

/// <summary>
/// Whole traffic runs (SUMO's default Krauss vehicle, 1 s steps): Monaco with 3,600 random trips over an hour, and the
/// cityflow.md 10×10 signalised grid with 3,600 trips over 30 minutes. The figure of merit is vehicle updates per
/// second: <c>VehicleUpdates</c> (printed) divided by the mean time. Routing and set-up are outside the timed region.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class TrafficBenchmarks
{
    private readonly Dictionary<string, CityModel> _cities = [];
    private readonly Dictionary<string, List<ScheduledTrip>> _trips = [];
    private TrafficSimulation _sim = null!;

    [Params("monaco", "grid10")]
    public string City { get; set; } = "monaco";

    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Runs the <see cref="Threads"/> partitions one after the other on one thread (profiling only).</summary>
    internal bool SerialPartitions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (city, trips, departS) = City switch
        {
            "monaco" => (OsmCityImporter.Import(SampleCityPath()), 3600, 3600),
            "grid30" => (OsmCityImporter.Import(SyntheticGrid.Write(30)), 36_000, 3600),
            _ => (OsmCityImporter.Import(SyntheticGrid.Write(10)), 3600, 1800),
        };
        _cities[City] = city;
        var router = new AStarRouter(RoutingGraph.Build(city.Roads, VehicleClasses.Passenger));
        var demand = new RandomTripGenerator(city.Roads).Generate(
            new RandomTripOptions { EndS = departS, PeriodS = (double)departS / trips, MinDistanceM = 300 }, new SeededRandom(42));
        var list = new List<ScheduledTrip>();
        foreach (var request in demand.Trips)
        {
            if (ScheduledTrip.TryFrom(request, router, out var trip))
            {
                list.Add(trip!);
            }
        }

        _trips[City] = list;
    }

    /// <summary>The bundled sample city (BenchmarkDotNet runs from its own bin folder, so look upwards).</summary>
    internal static string SampleCityPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "CityTwin.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("CityTwin.sln not found above the benchmark."),
            "scenarios", "sample-city", "monaco-2016.osm.pbf");
    }

    [IterationSetup]
    public void BuildRun()
    {
        _sim = new TrafficSimulation(_cities[City].Roads, [VehicleType.SumoDefault], new TrafficOptions { Seed = 1, Threads = Threads }) { SerialPartitions = SerialPartitions };
        foreach (var trip in _trips[City])
        {
            _sim.Schedule(trip);
        }
    }

    [IterationCleanup]
    public void Report()
    {
        Console.WriteLine($"// {City} threads={Threads}: vehicle updates {_sim.VehicleUpdates}, arrived {_sim.Arrived}, removed {_sim.Removed}" +
            (Threads > 1 ? $", phases a late worker left to the caller {_sim.TakenOverBodies}" : ""));
        EndRun();
    }

    /// <summary>Ends a run without printing (untimed warm-up rounds).</summary>
    internal void EndRun() => _sim.Dispose();

    /// <summary>Time per step phase of the last run (Stopwatch ticks).</summary>
    internal long[] PhaseTicks() => _sim.PhaseTicks;

    /// <summary>Working ticks per phase and partition of the last run (see TrafficSimulation.PartitionPhaseTicks).</summary>
    internal long[] PartitionPhaseTicks() => _sim.PartitionPhaseTicks;

    [Benchmark]
    public long Run()
    {
        _sim.RunUntil(SimTime.FromSeconds(City switch { "monaco" => 5400L, "grid30" => 4800L, _ => 2700L }));
        return _sim.VehicleUpdates;
    }
}
