using CityTwin.Ecs.Randomness;
using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;

namespace CityTwin.IO.Sumo.Tests;

public sealed class SumoRouteReaderTests
{
    private static string[] AcostaDemand() =>
    [
        SharedData.SumoFile("bologna-acosta/acosta_vtypes.add.xml"), SharedData.SumoFile("bologna-acosta/acosta.rou.xml"),
        SharedData.SumoFile("bologna-acosta/acosta_busses.rou.xml"),
    ];

    [Test]
    public void Acosta_counts_match_the_xml()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var files = AcostaDemand();
        var expected = RouteCounts.Of(files);
        var demand = SumoRouteReader.Read(net, new SeededRandom(7), files);
        Assert.Multiple(() =>
        {
            Assert.That(demand.VTypeElements, Is.EqualTo(expected["vType"]));
            Assert.That(demand.Types, Has.Count.EqualTo(expected["vType"] + 1), "plus DEFAULT_VEHTYPE");
            Assert.That(demand.VehicleElements, Is.EqualTo(expected["vehicle"]));
            Assert.That(demand.Trips, Has.Count.EqualTo(expected["vehicle"]), "every route uses network edges");
            Assert.That(demand.Trips.Select(t => t.Id).Distinct().Count(), Is.EqualTo(demand.Trips.Count));
            Assert.That(demand.Report.CountOf("demand", "stop ignored (vehicles drive through stops)"), Is.EqualTo(expected["stop"]));
        });
        for (var i = 1; i < demand.Trips.Count; i++)
        {
            Assert.That(demand.Trips[i].DepartMs, Is.GreaterThanOrEqualTo(demand.Trips[i - 1].DepartMs));
        }

        var first = demand.Trips.First(t => t.Id == "Audinot_7_0");
        Assert.That(first.Edges!.Select(e => net.EdgeIds[e]), Is.EqualTo(new[] { "131", "117", "209" }));
        Assert.That(first.ArrivalPosM, Is.EqualTo(-1));
        Assert.That(demand.Types[first.VehicleType].Id, Does.StartWith("passenger"), "drawn from the 'private' distribution");
        var bus = demand.Types.Single(t => t.Id == "bus");
        Assert.That((bus.LengthM, bus.MinGapM, bus.VehicleClass), Is.EqualTo((12.0, 3.0, VehicleClasses.Bus)));
    }

    [Test]
    public void Monaco_counts_match_the_xml()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("monaco-generated/monaco.net.xml.gz"));
        var file = SharedData.SumoFile("monaco-generated/monaco.rou.xml.gz");
        var expected = RouteCounts.Of(file);
        var demand = SumoRouteReader.Read(net, new SeededRandom(1), file);
        Assert.That(demand.VehicleElements, Is.EqualTo(expected["vehicle"]));
        Assert.That(demand.Trips, Has.Count.EqualTo(expected["vehicle"]));
        Assert.That(demand.RouteDefinitions, Is.EqualTo(expected.GetValueOrDefault("namedRoute")));
    }

    [Test]
    public void Monaco_trips_are_routed_at_insertion()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("monaco-generated/monaco.net.xml.gz"));
        var file = SharedData.SumoFile("monaco-generated/monaco.trips.xml.gz");
        var expected = RouteCounts.Of(file);
        var demand = SumoRouteReader.Read(net, new SeededRandom(1), file);
        Assert.That(demand.TripElements, Is.EqualTo(expected["trip"]));
        Assert.That(demand.Trips.All(t => t.Edges is null), Is.True);
        Assert.That(demand.Trips, Has.Count.EqualTo(expected["trip"]));
    }

    [Test]
    public void Acosta_900_s_run_with_krauss_defaults_conserves_vehicles()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var demand = SumoRouteReader.Read(net, new SeededRandom(42), AcostaDemand());
        var roads = net.Model.Roads;
        using var sim = new TrafficSimulation(roads, demand.Types, new TrafficOptions { Seed = 42 });
        net.ApplySignalPlans(sim.Signals);
        var additional = SumoAdditionalReader.Read(net, SharedData.SumoFile("bologna-acosta/acosta_tls.add.xml"),
            SharedData.SumoFile("bologna-acosta/acosta_detectors.add.xml"));
        SumoAdditionalReader.Apply(additional, sim.Signals, sim.Detectors);
        var router = new AStarRouter(RoutingGraph.Build(roads, VehicleClasses.Passenger));
        sim.Schedule(demand.Trips, router);
        sim.RunUntil(SimTime.FromSeconds(900L));
        TestContext.Out.WriteLine($"inserted {sim.Inserted}, arrived {sim.Arrived}, running {sim.Running}, removed {sim.Removed}");
        Assert.That(sim.Inserted, Is.GreaterThan(1000));
        Assert.That(sim.Arrived, Is.GreaterThan(0));
        Assert.That(sim.Inserted, Is.EqualTo(sim.Arrived + sim.Running + sim.Removed));
        Assert.That(sim.Removed, Is.LessThan(0.05 * sim.Inserted));
        Assert.That(sim.Detectors.Sum(d => d.TotalCount), Is.GreaterThan(0), "the imported loops count vehicles");
    }

    [Test]
    public void Monaco_600_s_run_of_routed_vehicles_conserves_vehicles()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("monaco-generated/monaco.net.xml.gz"));
        var demand = SumoRouteReader.Read(net, new SeededRandom(3), SharedData.SumoFile("monaco-generated/monaco.rou.xml.gz"));
        var roads = net.Model.Roads;
        using var sim = new TrafficSimulation(roads, demand.Types, new TrafficOptions { Seed = 3 });
        net.ApplySignalPlans(sim.Signals);
        sim.Schedule(demand.Trips, new AStarRouter(RoutingGraph.Build(roads, VehicleClasses.Passenger)));
        sim.RunUntil(SimTime.FromSeconds(600L));
        TestContext.Out.WriteLine($"inserted {sim.Inserted}, arrived {sim.Arrived}, running {sim.Running}, removed {sim.Removed}");
        Assert.That(sim.Inserted, Is.GreaterThan(300));
        Assert.That(sim.Inserted, Is.EqualTo(sim.Arrived + sim.Running + sim.Removed));
        Assert.That(sim.Removed, Is.LessThan(0.05 * sim.Inserted));
    }
}
