using CityTwin.Model;
using CityTwin.Model.Buildings;
using CityTwin.Model.Geometry;
using CityTwin.Model.Lighting;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.Model.Tests.TestSupport;

/// <summary>A tiny hand-built model: two junctions joined by a two-way street, one building, one lamp.</summary>
internal static class SmallCity
{
    public static CityModel Create()
    {
        var junctions = new[]
        {
            new Junction { Position = new PointM(0, 0), OsmNodeId = 1, OsmNodeCount = 1, SignalProgram = 0, Kind = JunctionKind.TrafficSignals },
            new Junction { Position = new PointM(100, 0), OsmNodeId = 2, OsmNodeCount = 1, SignalProgram = -1, Kind = JunctionKind.DeadEnd },
        };
        var edges = new[]
        {
            new Edge { FromJunction = 0, ToJunction = 1, OsmWayId = 10, NameIndex = 0, FirstPoint = 0, PointCount = 2, FirstLane = 0, LengthM = 100, SpeedLimitMps = 13.9f, LaneCount = 1, Class = RoadClass.Residential, Allowed = VehicleClasses.Passenger, Flags = EdgeFlags.Lit },
            new Edge { FromJunction = 1, ToJunction = 0, OsmWayId = 10, NameIndex = 0, FirstPoint = 2, PointCount = 2, FirstLane = 1, LengthM = 100, SpeedLimitMps = 13.9f, LaneCount = 1, Class = RoadClass.Residential, Allowed = VehicleClasses.Passenger, Flags = EdgeFlags.ReversedToWay },
        };
        var points = new[] { new PointM(0, 0), new PointM(100, 0), new PointM(100, 0), new PointM(0, 0) };
        var lanes = new[]
        {
            new Lane { Edge = 0, FirstConnection = 0, ConnectionCount = 1, WidthM = 3, Turns = TurnDirections.UTurn },
            new Lane { Edge = 1, FirstConnection = 1, ConnectionCount = 1, WidthM = 3, Turns = TurnDirections.UTurn },
        };
        var connections = new[]
        {
            new Connection { FromLane = 0, ToLane = 1, FromEdge = 0, ToEdge = 1, Junction = 1, SignalLink = -1, Direction = TurnDirections.UTurn },
            new Connection { FromLane = 1, ToLane = 0, FromEdge = 1, ToEdge = 0, Junction = 0, SignalLink = 0, Direction = TurnDirections.UTurn, Control = LinkControl.Signal },
        };
        var programs = new[] { new SignalProgram { Junction = 0, FirstPhase = 0, PhaseCount = 2, LinkCount = 1, CycleS = 40 } };
        var phases = new[] { new SignalPhase { DurationS = 36, FirstState = 0 }, new SignalPhase { DurationS = 4, FirstState = 1 } };
        var states = new[] { SignalState.GreenMajor, SignalState.Yellow };
        var roads = new RoadNetwork(junctions, edges, points, lanes, connections, [], programs, phases, states, ["High Street"]);
        var ring = new[] { new PointM(10, 10), new PointM(30, 10), new PointM(30, 20), new PointM(10, 20), new PointM(10, 10) };
        var buildings = new BuildingSet(
            [new Building { OsmId = 5, AreaM2 = 200, InteriorPoint = new PointM(20, 15), FirstRing = 0, RingCount = 1, HeightM = 9, Levels = 3, StartYear = 1950, Use = BuildingUse.Residential }],
            [new FootprintRing { FirstPoint = 0, PointCount = 5 }],
            ring,
            ["house"]);
        var lamps = new StreetLampSet(
            [new StreetLamp { Position = new PointM(50, 5), OsmId = 7, Edge = 0, FirstTag = 0, TagCount = 1 }, new StreetLamp { Position = new PointM(75, 5), OsmId = 10, Edge = 0, Generated = true }],
            [new LampTag { Key = 0, Value = 1 }],
            ["highway", "street_lamp"]);
        var report = new ImportReport("small.osm", 3, 2, 0, [new ReportEntry("roads", "example reason", ReportSeverity.Warning, 2, ["way 1", "way 2"])]);
        return new CityModel(new LocalTransverseMercator(7.42, 43.73), roads, buildings, lamps, report);
    }
}
