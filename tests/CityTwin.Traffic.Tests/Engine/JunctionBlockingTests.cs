using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>
/// SUMO's junction-blocking rule with vehicles that expect to wait (TrafficSimulation.Blocking.cs): a vehicle does not
/// enter a junction while the short lane beyond is taken by vehicles bound for a give-way link further on, even when they
/// still move; with a priority link there instead, the queue discharges back to back.
/// </summary>
public class JunctionBlockingTests
{
    /// <summary>Slow starters, as Wildau's cars (0.8 m/s²), so that a discharging queue stays slow over the short lane.</summary>
    private static readonly VehicleType Driver = VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0, AccelMps2 = 0.8 };

    /// <summary>
    /// A (300 m) → signal (red 60 s, then green; a 25 m path across) → B (17 m) → C (40 m) → D (300 m); the link from C onto D is
    /// <paramref name="downstream"/>, without foes. 15 vehicles queue on A.
    /// </summary>
    private static (TrafficSimulation Sim, int A) QueueBeforeShortLane(LinkControl downstream)
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var j2 = b.Junction(342, 0);
        var j3 = b.Junction(382, 0);
        var j4 = b.Junction(682, 0);
        var a = b.Edge(j0, j1);
        var shortLane = b.Edge(j1, j2, lengthM: 17);
        var c = b.Edge(j2, j3);
        var d = b.Edge(j3, j4);
        var through = b.Connect(a, 0, shortLane, 0, LinkControl.Signal, signalLink: 0, lengthM: 25); // a 25 m path across
        // SUMO keeps a junction clear only on links with foes: a cross street (without traffic) gives the signal's link one.
        var crossIn = b.Edge(b.Junction(300, -200), j1);
        var crossOut = b.Edge(j1, b.Junction(300, 200));
        b.Conflict(through, b.Connect(crossIn, 0, crossOut, 0, LinkControl.Signal, signalLink: 1), aYields: false);
        b.Connect(shortLane, 0, c, 0);
        b.Connect(c, 0, d, 0, downstream);
        b.Signal(j1, (60, "rG"), (600, "Gr"));
        var sim = new TrafficSimulation(b.Build(), [Driver], new TrafficOptions());
        for (var i = 0; i < 15; i++)
        {
            sim.Schedule(new ScheduledTrip($"v{i}", i * 2_000L, 0, [a, shortLane, c, d]) { DepartSpeed = DepartSpeed.Desired });
        }

        return (sim, a);
    }

    /// <summary>Vehicles that left A in the first 40 s of green, and whether all arrived by 600 s.</summary>
    private static (int Entered, bool AllArrived) Discharge(LinkControl downstream)
    {
        var (sim, a) = QueueBeforeShortLane(downstream);
        using (sim)
        {
            sim.RunUntil(SimTime.FromSeconds(100L));
            Assert.That(sim.Inserted, Is.EqualTo(15), "the whole queue is on A before the green");
            var entered = 15 - sim.Lanes.Slots(sim.Network.Edges[a].FirstLane).Length;
            sim.RunUntil(SimTime.FromSeconds(600L));
            return (entered, sim.TripInfos.Count(t => t.Status == TripStatus.Arrived) == 15);
        }
    }

    [Test]
    public void VehiclesBoundForAGiveWayLinkAhead_HoldTheQueueBeforeTheShortLane()
    {
        var (priority, priorityArrived) = Discharge(LinkControl.Major);
        var (giveWay, giveWayArrived) = Discharge(LinkControl.Minor);
        TestContext.Out.WriteLine($"entered in 40 s of green: priority ahead {priority}, give-way ahead {giveWay}");
        Assert.Multiple(() =>
        {
            Assert.That(priority, Is.GreaterThanOrEqualTo(10), "with a priority link ahead the queue discharges back to back");
            Assert.That(giveWay, Is.LessThanOrEqualTo(priority - 3),
                "with a give-way link ahead, vehicles on the 17 m lane count as waiting and the next one stays at the line");
            Assert.That(priorityArrived && giveWayArrived, Is.True, "no lock-up: every vehicle arrives");
        });
    }
}
