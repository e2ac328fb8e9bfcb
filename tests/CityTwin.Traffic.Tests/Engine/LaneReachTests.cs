using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>
/// Lane choice by how far a lane continues along the route (SUMO's best lanes): over several short pieces, and for the
/// departure lane.
/// </summary>
public class LaneReachTests
{
    private static readonly VehicleType Driver = VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 };

    /// <summary>A (400 m, 2 lanes) → P (8 m) → Q (20 m), lane to lane → lane 1 of Q goes on to C, lane 0 to D.</summary>
    private static (Model.Roads.RoadNetwork Network, int A, int P, int Q, int C, int D) TwoPiecesBeforeASplit()
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(400, 0);
        var j2 = b.Junction(408, 0);
        var j3 = b.Junction(428, 0);
        var j4 = b.Junction(728, 0);
        var j5 = b.Junction(428, 300);
        var a = b.Edge(j0, j1, lanes: 2);
        var p = b.Edge(j1, j2, lanes: 2);
        var q = b.Edge(j2, j3, lanes: 2);
        var c = b.Edge(j3, j4);
        var d = b.Edge(j3, j5);
        for (var lane = 0; lane < 2; lane++)
        {
            b.Connect(a, lane, p, lane);
            b.Connect(p, lane, q, lane);
        }

        b.Connect(q, 1, c, 0);
        b.Connect(q, 0, d, 0);
        return (b.Build(), a, p, q, c, d);
    }

    [Test]
    public void TwoShortPiecesBeforeASplit_VehiclesChangeLanesOnTheLongEdgeBeforeThem()
    {
        // Streams in both lanes (to C in lane 1 every 6 s, to D in lane 0); test vehicles start in lane 0 but are bound for C. Every
        // lane of A continues onto P, and every lane of P onto Q: looking two edges ahead is not enough, the lane's whole
        // continuation along the route is (28 m here), so they change on A, where there is room.
        var (network, a, p, q, c, d) = TwoPiecesBeforeASplit();
        using var sim = new TrafficSimulation(network, [Driver], new TrafficOptions());
        for (var i = 0; i < 100; i++)
        {
            sim.Schedule(new ScheduledTrip($"c{i}", i * 6_000L, 0, [a, p, q, c]) { DepartLane = DepartLane.Given(1), DepartSpeed = DepartSpeed.Desired });
            sim.Schedule(new ScheduledTrip($"d{i}", i * 6_000L + 1_500, 0, [a, p, q, d]) { DepartLane = DepartLane.Given(0), DepartSpeed = DepartSpeed.Desired });
            if (i % 10 == 5)
            {
                sim.Schedule(new ScheduledTrip($"x{i}", i * 6_000L + 3_500, 0, [a, p, q, c]) { DepartLane = DepartLane.Given(0), DepartSpeed = DepartSpeed.Desired });
            }
        }

        var aLane0 = sim.Network.Edges[a].FirstLane;
        var xTrips = Enumerable.Range(0, 100).Where(i => i % 10 == 5).Select(i => sim.TripIndexOf($"x{i}")).ToHashSet();
        var xLateOnWrongLane = 0;
        while (sim.Clock.Now < SimTime.FromSeconds(700L))
        {
            sim.Step();
            foreach (var slot in sim.Lanes.Slots(aLane0))
            {
                xLateOnWrongLane += xTrips.Contains(slot.Trip) && slot.PosM > 300 ? 1 : 0;
            }
        }

        var x = sim.TripInfos.Where(t => t.Id.StartsWith('x')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(xLateOnWrongLane, Is.Zero, "the vehicles bound for C left lane 0 on A");
            Assert.That(sim.Removed, Is.Zero, "nobody got stuck on the short pieces");
            Assert.That(x, Has.Count.EqualTo(10));
            Assert.That(x.All(t => t.Status == Outputs.TripStatus.Arrived), Is.True);
        });
    }

    [Test]
    public void DepartLaneBest_IsTheLaneThatContinuesFurthestAlongTheRoute()
    {
        // An empty network: both lanes of A have the same room, but only lane 1 continues (through P and Q) to C.
        var (network, a, p, q, c, d) = TwoPiecesBeforeASplit();
        using var sim = new TrafficSimulation(network, [Driver], new TrafficOptions());
        sim.Schedule(new ScheduledTrip("toC", 0, 0, [a, p, q, c]) { DepartLane = DepartLane.Best });
        sim.Schedule(new ScheduledTrip("toD", 10_000, 0, [a, p, q, d]) { DepartLane = DepartLane.Best });
        var firstLane = sim.Network.Edges[a].FirstLane;
        sim.Step();
        var toC = sim.TripIndexOf("toC");
        Assert.That(sim.Lanes.Slots(firstLane + 1).ToArray().Select(s => s.Trip), Does.Contain(toC), "toC departs in lane 1");
        sim.RunUntil(SimTime.FromSeconds(11L));
        var toD = sim.TripIndexOf("toD");
        Assert.That(sim.Lanes.Slots(firstLane).ToArray().Select(s => s.Trip), Does.Contain(toD), "toD departs in lane 0");
    }

    [Test]
    public void DepartLaneBest_ComparesReachesUpToSumosBestLaneLookAhead()
    {
        // A (400 m) → B (800 m), two lanes, lane to lane; only B's lane 1 goes on to C. Lane 0 of A continues 800 m, lane 1
        // to the destination: both further than the 500 m lane-change look-ahead, but SUMO compares departure lanes over
        // 3,000 m, so the vehicle departs in lane 1 and needs no lane change.
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(400, 0);
        var j2 = b.Junction(1200, 0);
        var j3 = b.Junction(1400, 0);
        var a = b.Edge(j0, j1, lanes: 2);
        var e = b.Edge(j1, j2, lanes: 2);
        var c = b.Edge(j2, j3);
        b.Connect(a, 0, e, 0);
        b.Connect(a, 1, e, 1);
        b.Connect(e, 1, c, 0);
        var network = b.Build();
        using var sim = new TrafficSimulation(network, [Driver], new TrafficOptions());
        sim.Schedule(new ScheduledTrip("toC", 0, 0, [a, e, c]) { DepartLane = DepartLane.Best });
        sim.Step();
        Assert.That(sim.Lanes.Count(network.Edges[a].FirstLane + 1), Is.EqualTo(1), "departs in lane 1");
        sim.RunUntil(SimTime.FromSeconds(200L));
        Assert.That(sim.Arrived, Is.EqualTo(1));
        Assert.That(sim.LaneChanges, Is.Zero);
    }

    [Test]
    public void Insertion_ATripWaitingForItsLaneDoesNotHoldTripsForAnotherLane()
    {
        // Lane 1 of A ends at a red signal with a queue back to A's start; trips for lane 1 must wait for room, trips
        // for lane 0 (leading elsewhere, green) behind them in depart order go at once (SUMO blocks the lane whose
        // insertion failed, not the edge).
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(60, 0);
        var j2 = b.Junction(360, 0);
        var j3 = b.Junction(60, 300);
        var a = b.Edge(j0, j1, lanes: 2);
        var red = b.Edge(j1, j2);
        var free = b.Edge(j1, j3);
        b.Connect(a, 1, red, 0, Model.Roads.LinkControl.Signal, signalLink: 0);
        b.Connect(a, 0, free, 0);
        b.Signal(j1, (600, "r"));
        using var sim = new TrafficSimulation(b.Build(), [Driver], new TrafficOptions { MaxWaitS = 0 });
        for (var i = 0; i < 12; i++)
        {
            sim.Schedule(new ScheduledTrip($"red{i}", i * 1_000L, 0, [a, red]) { DepartLane = DepartLane.Best });
        }

        for (var i = 0; i < 5; i++)
        {
            sim.Schedule(new ScheduledTrip($"free{i}", 20_000 + i * 2_000L, 0, [a, free]) { DepartLane = DepartLane.Best });
        }

        sim.RunUntil(SimTime.FromSeconds(120L));
        var toFree = sim.TripInfos.Where(t => t.Id.StartsWith("free", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sim.Lanes.Slots(sim.Network.Edges[a].FirstLane + 1).Length, Is.GreaterThanOrEqualTo(7), "lane 1 is full");
            Assert.That(toFree, Has.Count.EqualTo(5), "the trips for lane 0 all arrived");
            Assert.That(toFree.Max(t => t.DepartDelayS), Is.LessThan(2), "without waiting behind the trips for lane 1");
        });
    }

    [Test]
    public void AtAFanOut_TheVehicleTakesTheLaneThatContinuesFurther_AndNeedsNoLaneChange()
    {
        // E1 (1 lane) fans out onto both lanes of E2; both go on to E3 lane by lane, but only E3's lane 1 reaches E4.
        // The first connection (onto E2 lane 0) leads into a lane that ends at E3; SUMO's best-lane continuation, and now
        // CityTwin, take E2 lane 1.
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(200, 0);
        var j2 = b.Junction(400, 0);
        var j3 = b.Junction(600, 0);
        var j4 = b.Junction(800, 0);
        var e1 = b.Edge(j0, j1);
        var e2 = b.Edge(j1, j2, lanes: 2);
        var e3 = b.Edge(j2, j3, lanes: 2);
        var e4 = b.Edge(j3, j4);
        b.Connect(e1, 0, e2, 0);
        b.Connect(e1, 0, e2, 1);
        b.Connect(e2, 0, e3, 0);
        b.Connect(e2, 1, e3, 1);
        b.Connect(e3, 1, e4, 0);
        var network = b.Build();
        using var sim = new TrafficSimulation(network, [Driver], new TrafficOptions { Seed = 1 });
        sim.Schedule(new ScheduledTrip("v", 0, 0, [e1, e2, e3, e4]) { DepartSpeed = DepartSpeed.Desired });
        var lanesOnE2 = new HashSet<int>();
        for (var step = 0; step < 120 && sim.Arrived == 0; step++)
        {
            sim.Step();
            for (var lane = network.Edges[e2].FirstLane; lane < network.Edges[e2].FirstLane + 2; lane++)
            {
                if (sim.Lanes.Count(lane) > 0)
                {
                    lanesOnE2.Add(lane - network.Edges[e2].FirstLane);
                }
            }
        }

        Assert.That(sim.Arrived, Is.EqualTo(1));
        Assert.That(lanesOnE2, Is.EquivalentTo(new[] { 1 }), "entered E2 on the lane that continues to E4");
        Assert.That(sim.LaneChanges, Is.Zero);
    }
}
