using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>No lane change for speed before a vehicle is wholly on its lane (SUMO's internal lanes), nor within 3 s of
/// entering it (LC2013's speed gain builds up over steps).</summary>
public class JunctionPathLaneChangeTests
{
    private static readonly VehicleType Fast = VehicleType.SumoDefault with { Id = "fast", Sigma = 0, SpeedFactorDev = 0 };
    private static readonly VehicleType Slow = VehicleType.SumoDefault with { Id = "slow", Sigma = 0, SpeedFactorDev = 0, MaxSpeedMps = 0.5 };

    /// <summary>E1 (1 lane, 300 m) → junction path of <paramref name="pathLengthM"/> → E2 (2 lanes, 600 m).</summary>
    private static (Model.Roads.RoadNetwork Network, int E1, int E2) OneIntoTwoLanes(double pathLengthM)
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var j2 = b.Junction(900, 0);
        var e1 = b.Edge(j0, j1);
        var e2 = b.Edge(j1, j2, lanes: 2);
        b.Connect(e1, 0, e2, 0, lengthM: pathLengthM);
        return (b.Build(), e1, e2);
    }

    [Test]
    public void OvertakingASlowLeader_WaitsUntilTheVehicleIsWhollyOnTheLane_AndThreeSecondsOnIt()
    {
        // E1 (1 lane) → 40 m junction path → E2 (2 lanes, 600 m). A slow vehicle (0.5 m/s) creeps ahead on E2's lane 0;
        // the fast one behind it wants lane 1 as soon as it sees the slow one, which is while it is still on the path.
        var (network, e1, e2) = OneIntoTwoLanes(pathLengthM: 40);
        using var sim = new TrafficSimulation(network, [Fast, Slow], new TrafficOptions { Seed = 1 });
        sim.Schedule(new ScheduledTrip("slow", 0, 1, [e2]) { DepartLane = DepartLane.Given(0), DepartPos = DepartPos.Given(10) });
        sim.Schedule(new ScheduledTrip("fast", 0, 0, [e1, e2]) { DepartSpeed = DepartSpeed.Desired, DepartPos = DepartPos.Given(200) });
        var left = network.Edges[e2].FirstLane + 1;
        double? positionAtChange = null;
        double? lowestOnE2 = null;
        int? enteredStep = null;
        var changeStep = -1;
        for (var step = 0; step < 60 && positionAtChange is null; step++)
        {
            sim.Step();
            var onE2 = sim.Lanes.Slots(network.Edges[e2].FirstLane).ToArray().Where(s => sim.World.Get<VehicleRoute>(s.Vehicle).Type == 0);
            foreach (var s in onE2)
            {
                lowestOnE2 = Math.Min(lowestOnE2 ?? double.MaxValue, s.PosM);
                enteredStep ??= step;
            }

            if (sim.Lanes.Count(left) > 0)
            {
                positionAtChange = sim.Lanes.Slots(left)[0].PosM;
                changeStep = step;
            }
        }

        Assert.That(lowestOnE2, Is.LessThan(0), "the fast vehicle spent a step on the junction path (negative position on E2)");
        Assert.That(positionAtChange, Is.Not.Null, "it overtakes");
        Assert.That(positionAtChange, Is.GreaterThanOrEqualTo(Fast.LengthM), "only once wholly past the path");
        Assert.That(changeStep - enteredStep, Is.GreaterThanOrEqualTo(3), "not within 3 s of entering the lane");
        Assert.That(sim.LaneChanges, Is.EqualTo(1));
    }

    [Test]
    public void EnteringALane_StartsTheWaitBeforeAChangeForSpeed()
    {
        // No junction path: the fast vehicle lands well inside E2, right behind a creeping one, and would change at once.
        var (network, e1, e2) = OneIntoTwoLanes(pathLengthM: 0);
        using var sim = new TrafficSimulation(network, [Fast, Slow], new TrafficOptions { Seed = 1 });
        sim.Schedule(new ScheduledTrip("slow", 0, 1, [e2]) { DepartLane = DepartLane.Given(0), DepartPos = DepartPos.Given(40) });
        sim.Schedule(new ScheduledTrip("fast", 0, 0, [e1, e2]) { DepartSpeed = DepartSpeed.Desired, DepartPos = DepartPos.Given(250) });
        var right = network.Edges[e2].FirstLane;
        var left = right + 1;
        int? enteredStep = null;
        int? changeStep = null;
        for (var step = 0; step < 60 && changeStep is null; step++)
        {
            sim.Step();
            if (enteredStep is null && (sim.Lanes.Count(left) > 0 || sim.Lanes.Slots(right).ToArray().Any(s => sim.World.Get<VehicleRoute>(s.Vehicle).Type == 0)))
            {
                enteredStep = step;
            }

            changeStep = sim.Lanes.Count(left) > 0 ? step : null;
        }

        Assert.That(enteredStep, Is.Not.Null);
        Assert.That(changeStep, Is.Not.Null, "it overtakes");
        Assert.That(changeStep - enteredStep, Is.GreaterThanOrEqualTo(3), "not within 3 s of entering the lane");
    }
}
