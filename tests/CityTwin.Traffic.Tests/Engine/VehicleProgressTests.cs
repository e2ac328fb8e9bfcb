using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Lane choice over more than one edge, where trips end, and the removal of vehicles stuck too long.</summary>
public class VehicleProgressTests
{
    [Test]
    public void ShortEdgeBeforeASplit_VehiclesGetIntoTheLaneThatLeadsOnBeforeIt()
    {
        // A (300 m, 2 lanes) → B (20 m, 2 lanes, lane to lane) → lane 1 (left) of B goes on to C, lane 0 to D. A stream
        // drives A→B→C in lane 1 and another A→B→D in lane 0; the test vehicles start in lane 0 but are bound for C. Every lane of
        // A continues onto B, so only looking past B tells them to change lanes on A, where there is room to.
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var j2 = b.Junction(320, 0);
        var j3 = b.Junction(620, 0);
        var j4 = b.Junction(320, 300);
        var a = b.Edge(j0, j1, lanes: 2);
        var bEdge = b.Edge(j1, j2, lanes: 2);
        var c = b.Edge(j2, j3);
        var d = b.Edge(j2, j4);
        b.Connect(a, 0, bEdge, 0);
        b.Connect(a, 1, bEdge, 1);
        b.Connect(bEdge, 1, c, 0);
        b.Connect(bEdge, 0, d, 0);
        using var sim = new TrafficSimulation(b.Build(), [VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 }], new TrafficOptions());
        for (var i = 0; i < 100; i++)
        {
            sim.Schedule(new ScheduledTrip($"c{i}", i * 3_000L, 0, [a, bEdge, c]) { DepartLane = DepartLane.Given(1), DepartSpeed = DepartSpeed.Desired });
            if (i % 2 == 0)
            {
                sim.Schedule(new ScheduledTrip($"d{i}", i * 3_000L + 1_500, 0, [a, bEdge, d]) { DepartLane = DepartLane.Given(0), DepartSpeed = DepartSpeed.Desired });
            }

            if (i % 10 == 5)
            {
                sim.Schedule(new ScheduledTrip($"x{i}", i * 3_000L + 1_500, 0, [a, bEdge, c]) { DepartLane = DepartLane.Given(0), DepartSpeed = DepartSpeed.Desired });
            }
        }

        // Observed after each step: x vehicles still in A's right lane in its last 150 m.
        var aLane0 = sim.Network.Edges[a].FirstLane;
        var xTrips = Enumerable.Range(0, 100).Where(i => i % 10 == 5).Select(i => sim.TripIndexOf($"x{i}")).ToHashSet();
        var xOnWrongLane = 0;
        while (sim.Clock.Now < SimTime.FromSeconds(700L))
        {
            sim.Step();
            foreach (var slot in sim.Lanes.Slots(aLane0))
            {
                xOnWrongLane += xTrips.Contains(slot.Trip) && slot.PosM > 150 ? 1 : 0;
            }
        }

        var switched = sim.TripInfos.Where(t => t.Id.StartsWith('x')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(xOnWrongLane, Is.Zero, "the vehicles bound for C moved to lane 1 early on A, not at the short edge");
            Assert.That(sim.Removed, Is.Zero, "nobody got stuck at the end of B");
            Assert.That(switched, Has.Count.EqualTo(10));
            Assert.That(switched.All(t => t.Status == Outputs.TripStatus.Arrived), Is.True);
            Assert.That(sim.TripInfos.Where(t => t.Id.StartsWith('d')).Max(t => t.TimeLossS), Is.LessThan(15),
                "the stream to D was not blocked by vehicles waiting to merge on B");
        });
    }

    [Test]
    public void NegativeArrivalPosition_CountsBackFromTheEndOfTheLastEdge()
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(200, 0);
        var j2 = b.Junction(400, 0);
        var first = b.Edge(j0, j1);
        var last = b.Edge(j1, j2);
        b.ConnectAll(first, last);
        using var sim = new TrafficSimulation(b.Build(), [VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 }], new TrafficOptions { StepMs = 100 });
        sim.Schedule(new ScheduledTrip("end", 0, 0, [first, last]) { DepartSpeed = DepartSpeed.Desired, ArrivalPosM = -1 });
        sim.Schedule(new ScheduledTrip("mid", 0, 0, [first, last]) { DepartSpeed = DepartSpeed.Desired, ArrivalPosM = 50, DepartLane = DepartLane.First });
        sim.RunUntil(SimTime.FromSeconds(60L));
        var end = sim.TripInfos.Single(t => t.Id == "end");
        var mid = sim.TripInfos.Single(t => t.Id == "mid");
        Assert.Multiple(() =>
        {
            Assert.That(end.RouteLengthM, Is.EqualTo(200 + 199 - 5).Within(1.5), "SUMO's arrivalPos=-1: one metre before the end");
            Assert.That(mid.RouteLengthM, Is.EqualTo(200 + 50 - 5).Within(1.5));
        });
    }

    [Test]
    public void WaitingTooLong_RemovesOnlyTheFirstVehicleOfALane_TheQueueMovesUp()
    {
        // A signal that never turns green; four vehicles queue at it. Only the one at the line is removed after the
        // maximum wait; the next moves up, waits its own maximum, and so on (as SUMO teleports only a lane's leader).
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var j2 = b.Junction(600, 0);
        var approach = b.Edge(j0, j1);
        var exit = b.Edge(j1, j2);
        b.Connect(approach, 0, exit, 0, Model.Roads.LinkControl.Signal, signalLink: 0);
        b.Signal(j1, (60, "r"));
        using var sim = new TrafficSimulation(b.Build(), [VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 }], new TrafficOptions { MaxWaitS = 60 });
        for (var i = 0; i < 4; i++)
        {
            sim.Schedule(new ScheduledTrip($"q{i}", i * 2_000L, 0, [approach, exit]) { DepartSpeed = DepartSpeed.Desired });
        }

        var removedAt = new List<double>();
        while (sim.Clock.Now < SimTime.FromSeconds(600L))
        {
            var before = sim.Removed;
            sim.Step();
            if (sim.Removed > before)
            {
                removedAt.Add(sim.Clock.Now.Seconds);
                Assert.That(sim.Removed - before, Is.EqualTo(1), "one at a time");
            }
        }

        Assert.That(removedAt, Has.Count.EqualTo(4));
        Assert.That(removedAt.Zip(removedAt.Skip(1)).All(p => p.Second - p.First >= 60), Is.True, string.Join(", ", removedAt));
    }
}
