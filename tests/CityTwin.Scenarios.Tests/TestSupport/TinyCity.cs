using CityTwin.Model;
using CityTwin.Model.Buildings;
using CityTwin.Model.Energy;
using CityTwin.Model.Cache;
using CityTwin.Model.Geometry;
using CityTwin.Model.Lighting;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Tests.TestSupport;

namespace CityTwin.Scenarios.Tests.TestSupport;

/// <summary>Small hand-built cities for scenario tests, as models and as <c>.ctw</c> files in a temporary folder.</summary>
internal static class TinyCity
{
    /// <summary>A two-way 2-lane corridor of 6 edges per direction (300 m each), street named "Main Street", a signal in the
    /// middle, 40 lamps and a mapped charging station.</summary>
    public static CityModel Corridor()
    {
        var b = new NetworkBuilder();
        var j = Enumerable.Range(0, 7).Select(i => b.Junction(i * 300, 0, i == 3 ? JunctionKind.TrafficSignals : JunctionKind.Priority)).ToArray();
        var east = Enumerable.Range(0, 6).Select(i => b.Edge(j[i], j[i + 1], lanes: 2)).ToArray();
        var west = Enumerable.Range(0, 6).Select(i => b.Edge(j[6 - i], j[5 - i], lanes: 2)).ToArray();
        for (var i = 0; i + 1 < 6; i++)
        {
            if (i == 2)
            {
                // Through the signal: eastbound link 0, westbound link 1.
                b.Connect(east[2], 0, east[3], 0, LinkControl.Signal, 0);
                b.Connect(east[2], 1, east[3], 1, LinkControl.Signal, 0);
                continue;
            }

            b.ConnectAll(east[i], east[i + 1]);
        }

        for (var i = 0; i + 1 < 6; i++)
        {
            if (i == 2)
            {
                b.Connect(west[2], 0, west[3], 0, LinkControl.Signal, 1);
                b.Connect(west[2], 1, west[3], 1, LinkControl.Signal, 1);
                continue;
            }

            b.ConnectAll(west[i], west[i + 1]);
        }

        b.Signal(j[3], (30, "Gr"), (3, "yr"), (30, "rG"), (3, "ry"));
        var raw = b.Build();
        var edges = raw.Edges.ToArray();
        for (var e = 0; e < edges.Length; e++)
        {
            edges[e].NameIndex = 0;
            edges[e].OsmWayId = 1000 + e;
        }

        var roads = new RoadNetwork(raw.Junctions.ToArray(), edges, raw.EdgePoints.ToArray(), raw.Lanes.ToArray(), raw.Connections.ToArray(),
            raw.Conflicts.ToArray(), raw.SignalPrograms.ToArray(), raw.SignalPhases.ToArray(), raw.SignalStates.ToArray(), ["Main Street"]);
        var lamps = Enumerable.Range(0, 40).Select(i => new StreetLamp { Position = new PointM(i * 45 + 10, -6), Edge = east[Math.Min(i * 45 / 300, 5)], Generated = true }).ToArray();
        // One mapped public charging station (50 kW, one socket) beside the road at x = 900 m.
        var assets = new GridAssetSet([new GridAsset { OsmId = 4242, Position = new PointM(900, 10), Kind = GridAssetKind.ChargingStation, PowerKW = 50, Capacity = 1 }]);
        return new CityModel(new LocalTransverseMercator(7.42, 43.73), roads, BuildingSet.Empty, new StreetLampSet(lamps, [], []), ImportReport.Empty, assets);
    }

    /// <summary>Writes <see cref="Corridor"/> as a cache in <paramref name="directory"/> and returns its path.</summary>
    public static string CorridorFile(string directory)
    {
        var path = Path.Combine(directory, "corridor.ctw");
        CityModelCache.Save(Corridor(), path);
        return path;
    }

    /// <summary>A fresh temporary folder.</summary>
    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "citytwin-scenarios-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A minimal valid scenario on the corridor cache (short, no energy).</summary>
    public static string ScenarioYaml(string extra = "") => $"""
        name: tiny
        city:
          cache: corridor.ctw
        time:
          durationS: 400
        demand:
          randomTrips:
            count: 60
            departWindowS: 200
            minDistanceM: 100
        energy:
          enabled: false
        {extra}
        """;
}
