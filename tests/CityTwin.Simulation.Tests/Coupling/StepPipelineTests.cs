using CityTwin.Model.Roads;
using CityTwin.Simulation.Coupling;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Tests.TestSupport;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Simulation.Tests.Coupling;

public class StepPipelineTests
{
    [Test]
    public void Capture_ListsEveryRunningVehicleInTripOrder_AlsoWhenTheTripWindowIsTooWideToScatter()
    {
        // Trip 0 crawls along a 5 km road for over an hour; on three 100 m roads beside it a new trip departs every second
        // (each road in turn) and arrives after about 8 s. After some 1,100 s the running trips span a window (trip 0 to the latest) much wider
        // than their number, and the snapshot falls back from the scatter to a sort: both must give trip order.
        var roads = new NetworkBuilder { Allowed = VehicleClasses.Passenger };
        foreach (var (road, lengthM) in new[] { 5000.0, 100, 100, 100 }.Index())
        {
            roads.Edge(roads.Junction(0, 100 * road), roads.Junction(lengthM, 100 * road, JunctionKind.DeadEnd)); // edge = road
        }

        var network = roads.Build();
        var crawler = VehicleType.SumoDefault with { MaxSpeedMps = 1, SpeedFactorDev = 0 };
        using var traffic = new TrafficSimulation(network, [VehicleType.SumoDefault, crawler], new TrafficOptions { Seed = 2 });
        traffic.Schedule(new ScheduledTrip("crawler", 0, 1, [0]));
        for (var i = 1; i <= 1400; i++)
        {
            traffic.Schedule(new ScheduledTrip($"short{i}", 1000L * i, 0, [1 + i % 3]));
        }

        var pipeline = StepPipeline.For(traffic);
        var (scattered, sorted) = (0, 0);
        for (var step = 0; step < 1500; step++)
        {
            traffic.Step();
            var vehicles = pipeline.Capture().Span;
            Assert.That(vehicles.Length, Is.EqualTo(traffic.Running), $"step {step}: every running vehicle");
            for (var i = 1; i < vehicles.Length; i++)
            {
                Assert.That(vehicles[i].Trip, Is.GreaterThan(vehicles[i - 1].Trip), $"step {step}: trip order");
            }

            if (vehicles.Length > 0)
            {
                if (StepPipeline.ScattersTripWindow(vehicles[^1].Trip - vehicles[0].Trip + 1, vehicles.Length))
                {
                    scattered++;
                }
                else
                {
                    sorted++;
                }

                Assert.That(vehicles[0].Trip == 0 ? vehicles[0].Lane : 0, Is.EqualTo(0), "the crawler is on its own road");
            }
        }

        Assert.That(scattered, Is.GreaterThan(100), "steps with a narrow window (the scatter)");
        Assert.That(sorted, Is.GreaterThan(100), "steps with a wide window (the sort)");
        Assert.That(traffic.Arrived, Is.GreaterThan(1000));
    }
}
