using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>No lane change for speed while a vehicle is still on the path across a junction (SUMO's internal lanes).</summary>
public class JunctionPathLaneChangeTests
{
    [Test]
    public void OvertakingASlowLeader_WaitsUntilTheJunctionPathIsCrossed()
    {
        // E1 (1 lane) → 40 m junction path → E2 (2 lanes, 600 m). A slow vehicle (0.5 m/s) creeps ahead on E2's lane 0;
        // the fast one behind it wants lane 1 as soon as it sees the slow one, which is while it is still on the path.
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var j2 = b.Junction(900, 0);
        var e1 = b.Edge(j0, j1);
        var e2 = b.Edge(j1, j2, lanes: 2);
        b.Connect(e1, 0, e2, 0, lengthM: 40);
        var network = b.Build();
        var fast = VehicleType.SumoDefault with { Id = "fast", Sigma = 0, SpeedFactorDev = 0 };
        var slow = VehicleType.SumoDefault with { Id = "slow", Sigma = 0, SpeedFactorDev = 0, MaxSpeedMps = 0.5 };
        using var sim = new TrafficSimulation(network, [fast, slow], new TrafficOptions { Seed = 1 });
        sim.Schedule(new ScheduledTrip("slow", 0, 1, [e2]) { DepartLane = DepartLane.Given(0), DepartPos = DepartPos.Given(10) });
        sim.Schedule(new ScheduledTrip("fast", 0, 0, [e1, e2]) { DepartSpeed = DepartSpeed.Desired, DepartPos = DepartPos.Given(200) });
        var left = network.Edges[e2].FirstLane + 1;
        double? positionAtChange = null;
        double? lowestOnE2 = null;
        for (var step = 0; step < 60 && positionAtChange is null; step++)
        {
            sim.Step();
            var onE2 = sim.Lanes.Slots(network.Edges[e2].FirstLane).ToArray().Where(s => sim.World.Get<VehicleRoute>(s.Vehicle).Type == 0);
            foreach (var s in onE2)
            {
                lowestOnE2 = Math.Min(lowestOnE2 ?? double.MaxValue, s.PosM);
            }

            if (sim.Lanes.Count(left) > 0)
            {
                positionAtChange = sim.Lanes.Slots(left)[0].PosM;
            }
        }

        Assert.That(lowestOnE2, Is.LessThan(0), "the fast vehicle spent a step on the junction path (negative position on E2)");
        Assert.That(positionAtChange, Is.Not.Null, "it overtakes");
        Assert.That(positionAtChange, Is.GreaterThanOrEqualTo(0), "only once past the path");
        Assert.That(sim.LaneChanges, Is.EqualTo(1));
    }
}
