using CityTwin.Ecs.Core;
using CityTwin.Model.Roads;
using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Editing;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Tests.TestSupport;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Scenarios.Tests.Editing;

public sealed class ScenarioEditorTests
{
    private static Scenario With(params Edit[] edits) =>
        new() { City = new CitySource { CacheFile = "corridor.ctw" }, Edits = edits, SourceFile = "test.yaml" };

    private static SourceLocation At(int line) => new("test.yaml", line, 3);

    [Test]
    public void CloseRoad_ClosesExactlyTheSelectedEdges_AndLeavesTheOriginalAlone()
    {
        var city = TinyCity.Corridor();
        var p = ScenarioEditor.Prepare(With(new CloseRoadEdit { Where = new Selector { OsmWays = [1002, 1003] } }), city);
        Assert.Multiple(() =>
        {
            Assert.That(p.City.Roads.Edges[2].Allowed, Is.EqualTo(VehicleClasses.None));
            Assert.That(p.City.Roads.Edges[3].Allowed, Is.EqualTo(VehicleClasses.None));
            Assert.That(p.City.Roads.Edges[4].Allowed, Is.Not.EqualTo(VehicleClasses.None));
            Assert.That(city.Roads.Edges[2].Allowed, Is.Not.EqualTo(VehicleClasses.None), "the baseline city is never changed");
            Assert.That(p.EditSummary.Single(), Does.Contain("2 edges closed"));
        });
    }

    [Test]
    public void SelectorsThatMatchNothing_AreAllReportedWithTheEditsLocation()
    {
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioEditor.Prepare(With(
            new CloseRoadEdit { Where = new Selector { Streets = ["Main Stret"] }, Location = At(7) },
            new SpeedLimitEdit { SpeedKmh = 30, Where = new Selector { OsmWays = [42] }, Location = At(9) },
            new SignalEdit { CycleS = 60, Where = new Selector { Junctions = [1] }, Location = At(12) }), TinyCity.Corridor()))!;
        var text = string.Join("\n", e.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("test.yaml:7:3: edit closeRoad: street 'Main Stret' matches no road name"));
            Assert.That(text, Does.Contain("test.yaml:9:3: edit speedLimit: osmWay 42 matches no road of the city"));
            Assert.That(text, Does.Contain("test.yaml:12:3: edit signal: selects no signalised junction"));
        });
    }

    [Test]
    public void SpeedLimit_ChangesTheLimitTheEngineUses()
    {
        var p = ScenarioEditor.Prepare(With(new SpeedLimitEdit { SpeedKmh = 30, Where = new Selector { Streets = ["main street"] } }), TinyCity.Corridor());
        Assert.That(p.City.Roads.Edges.ToArray().Select(e => e.SpeedLimitMps), Is.All.EqualTo((float)(30 / 3.6)));
    }

    [Test]
    public void Lanes_AddAndRemove_KeepEveryMovementAndAValidNetwork()
    {
        var city = TinyCity.Corridor();
        var added = ScenarioEditor.Prepare(With(new LanesEdit { Delta = 1, Where = new Selector { Edges = [1] } }), city).City.Roads;
        var removed = ScenarioEditor.Prepare(With(new LanesEdit { Delta = -1, Where = new Selector { Edges = [1, 2] } }), city).City.Roads;
        Assert.Multiple(() =>
        {
            Assert.That(added.Edges[1].LaneCount, Is.EqualTo(3));
            Assert.That(added.Lanes.Length, Is.EqualTo(city.Roads.Lanes.Length + 1));
            Assert.That(added.GetConnections(added.Edges[1].FirstLane + 2).ToArray().Select(c => c.ToEdge), Has.All.EqualTo(2),
                "the new lane copies the leftmost lane's movements");
            Assert.That(removed.Edges[1].LaneCount, Is.EqualTo(1));
            Assert.That(removed.Edges[2].LaneCount, Is.EqualTo(1));
            Assert.That(Reaches(removed, 0, 1) && Reaches(removed, 1, 2) && Reaches(removed, 2, 3), Is.True, "movements survive on the remaining lane");
        });
        foreach (var network in new[] { added, removed })
        {
            for (var c = 0; c < network.Connections.Length; c++)
            {
                var conn = network.Connections[c];
                Assert.That(network.Lanes[conn.FromLane].Edge, Is.EqualTo(conn.FromEdge));
                Assert.That(network.Lanes[conn.ToLane].Edge, Is.EqualTo(conn.ToEdge));
                Assert.That(c, Is.InRange(network.Lanes[conn.FromLane].FirstConnection,
                    network.Lanes[conn.FromLane].FirstConnection + network.Lanes[conn.FromLane].ConnectionCount - 1));
            }
        }
    }

    [Test]
    public void BusLane_KeepsCarsOffTheRightLane_WhileBusesMayUseIt()
    {
        var p = ScenarioEditor.Prepare(With(new BusLaneEdit { Where = new Selector { Streets = ["Main Street"] } }), TinyCity.Corridor());
        var roads = p.City.Roads;
        var car = VehicleType.SumoDefault;
        var bus = VehicleType.SumoDefault with { Id = "bus", VehicleClass = VehicleClasses.Bus };
        using var sim = new TrafficSimulation(roads, [car, bus], new TrafficOptions { Seed = 3 });
        var trips = Enumerable.Range(0, 120).Select(i => new TripRequest($"t{i}", i * 3000L, 0, 5)
        {
            VehicleType = i % 10 == 0 ? 1 : 0, DepartLane = DepartLane.Free,
        }).ToList();
        sim.Schedule(trips, new AStarRouter(RoutingGraph.Build(roads, VehicleClasses.Passenger | VehicleClasses.Bus)));
        var carOnBusLane = 0;
        var busOnBusLane = 0;
        var q = new QueryDescription().WithAll<Kinematics, VehicleRoute>();
        for (var step = 0; step < 600; step++)
        {
            sim.Step();
            sim.World.Query(in q, (ref Kinematics k, ref VehicleRoute r) =>
            {
                if (roads.Lanes[k.Lane].IndexFromRight == 0)
                {
                    (r.Type == 0 ? ref carOnBusLane : ref busOnBusLane)++;
                }
            });
        }

        Assert.Multiple(() =>
        {
            Assert.That(roads.LaneAllows(roads.Edges[1].FirstLane, VehicleClasses.Passenger), Is.False);
            Assert.That(roads.LaneAllows(roads.Edges[1].FirstLane, VehicleClasses.Bus), Is.True);
            Assert.That(sim.Arrived + sim.Running, Is.EqualTo(120), $"no trip removed (removed {sim.Removed}, running {sim.Running})");
            Assert.That(carOnBusLane, Is.Zero);
            Assert.That(busOnBusLane, Is.GreaterThan(0));
        });
    }

    [Test]
    public void SignalRetiming_ScalesGreensToTheCycle_KeepsAmber_SetsOffsetAndActuation()
    {
        var city = TinyCity.Corridor();
        var p = ScenarioEditor.Prepare(With(new SignalEdit { CycleS = 50, OffsetS = 7, Where = new Selector { Junctions = [3] } }), city);
        var plan = p.SignalPlans.Single().Value;
        Assert.Multiple(() =>
        {
            Assert.That(plan.Phases.Select(ph => ph.DurationS), Is.EqualTo(new[] { 22, 3, 22, 3 }));
            Assert.That(plan.CycleS, Is.EqualTo(50));
            Assert.That(plan.OffsetS, Is.EqualTo(7));
            Assert.That(plan.Actuated, Is.False);
        });
        var splits = ScenarioEditor.Prepare(With(new SignalEdit { GreenSplitsS = [40, 20], Actuated = true, MinGreenS = 6, MaxGreenS = 45,
            Where = new Selector { Streets = ["Main Street"] } }), city).SignalPlans.Single().Value;
        Assert.Multiple(() =>
        {
            Assert.That(splits.Phases.Select(ph => ph.DurationS), Is.EqualTo(new[] { 40, 3, 20, 3 }));
            Assert.That(splits.Actuated, Is.True);
            Assert.That(splits.Phases[0].MinDurationS, Is.EqualTo(6));
            Assert.That(splits.Phases[0].MaxDurationS, Is.EqualTo(45));
        });
        var bad = Assert.Throws<ScenarioValidationException>(() => ScenarioEditor.Prepare(With(
            new SignalEdit { GreenSplitsS = [40], Where = new Selector { Junctions = [3] }, Location = At(4) }), city))!;
        Assert.That(bad.Message, Does.Contain("greenSplitsS has 1 values but the program has 2 green phases"));
    }

    [Test]
    public void LedRetrofit_ShareAndWattage_AndControlAndShares()
    {
        var city = TinyCity.Corridor();
        var p = ScenarioEditor.Prepare(With(
            new LedRetrofitEdit { Share = 0.5, WattageW = 40 },
            new LightingControlEdit { Settings = new LightingSettings { Control = "adaptive", BaseLevel = 0.2 } },
            new EvShareEdit { Share = 0.3 }, new PvEdit { Share = 0.4 }, new DemandScaleEdit { Factor = 1.2 }), city);
        var led = p.Luminaires.Count(l => l.Technology == Simulation.Lighting.LuminaireTechnology.Led);
        Assert.Multiple(() =>
        {
            Assert.That(led, Is.InRange(10, 30), "about half of 40 lamps");
            Assert.That(p.Luminaires.Where(l => l.Technology == Simulation.Lighting.LuminaireTechnology.Led).Select(l => l.SystemPowerW), Is.All.EqualTo(40));
            Assert.That(p.Lighting.Control, Is.EqualTo("adaptive"));
            Assert.That(p.Lighting.BaseLevel, Is.EqualTo(0.2));
            Assert.That(p.EvShare, Is.EqualTo(0.3));
            Assert.That(p.PvShare, Is.EqualTo(0.4));
            Assert.That(p.DemandScale, Is.EqualTo(1.2));
        });
    }

    private static bool Reaches(RoadNetwork n, int fromEdge, int toEdge)
    {
        for (var l = n.Edges[fromEdge].FirstLane; l < n.Edges[fromEdge].FirstLane + n.Edges[fromEdge].LaneCount; l++)
        {
            if (n.GetConnections(l).ToArray().Any(c => c.ToEdge == toEdge))
            {
                return true;
            }
        }

        return false;
    }
}
