using System.Collections.Concurrent;
using CityTwin.Ecs.Randomness;
using CityTwin.IO.Osm;
using CityTwin.Model;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Simulation.Tests.Coupling;

/// <summary>Real extracts from ../shared/data/osm with random-trip traffic, for the coupling tests.</summary>
internal static class CouplingCities
{
    private static readonly ConcurrentDictionary<string, Lazy<CityModel>> Cache = new();

    public static CityModel ImportOrIgnore(string fileName)
    {
        string? path = null;
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
            {
                path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "osm", fileName));
                break;
            }
        }

        if (path is null || !File.Exists(path))
        {
            Assert.Ignore($"Shared data not found: {fileName} is expected in ../shared/data/osm next to the repository root.");
        }

        return Cache.GetOrAdd(path!, p => new Lazy<CityModel>(() => OsmCityImporter.Import(p))).Value;
    }

    public static TrafficSimulation Traffic(CityModel city, int trips, double departS, ulong seed = 1, int threads = 1)
    {
        var sim = new TrafficSimulation(city.Roads, [VehicleType.SumoDefault], new TrafficOptions { Seed = seed, Threads = threads });
        var demand = new RandomTripGenerator(city.Roads).Generate(
            new RandomTripOptions { EndS = departS, PeriodS = departS / trips, MinDistanceM = 300 }, new SeededRandom(seed));
        sim.Schedule(demand.Trips, new AStarRouter(RoutingGraph.Build(city.Roads, VehicleClasses.Passenger)));
        return sim;
    }
}
