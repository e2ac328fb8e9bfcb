using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Right of way at an unsignalised crossing: a minor road crossing a major one.</summary>
public class JunctionTests
{
    private static (TrafficSimulation Sim, int Major, int Minor) Crossing(LinkControl minorControl, double majorHeadwayS)
    {
        var b = new NetworkBuilder();
        var w = b.Junction(-300, 0);
        var c = b.Junction(0, 0);
        var e = b.Junction(300, 0);
        var s = b.Junction(0, -300);
        var n = b.Junction(0, 300);
        var majorIn = b.Edge(w, c);
        var majorOut = b.Edge(c, e);
        var minorIn = b.Edge(s, c);
        var minorOut = b.Edge(c, n);
        var major = b.Connect(majorIn, 0, majorOut, 0, LinkControl.Major);
        var minor = b.Connect(minorIn, 0, minorOut, 0, minorControl);
        b.Conflict(minor, major, aYields: true);
        var sim = new TrafficSimulation(b.Build(), [VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 }], new TrafficOptions());
        for (var i = 0; i < 40; i++)
        {
            sim.Schedule(new ScheduledTrip($"major{i}", (long)(i * majorHeadwayS * 1000), 0, [majorIn, majorOut]) { DepartSpeed = DepartSpeed.Desired });
        }

        sim.Schedule(new ScheduledTrip("minor", 20_000, 0, [minorIn, minorOut]) { DepartSpeed = DepartSpeed.Desired });
        return (sim, majorIn, minorIn);
    }

    [Test]
    public void MinorVehicle_WaitsForGapInDenseMajorStream_ThenCrosses()
    {
        // Major vehicles every 3 s: no acceptable gap until the stream ends (40 × 3 s = 120 s).
        var (sim, _, _) = Crossing(LinkControl.Minor, majorHeadwayS: 3);
        using (sim)
        {
            sim.RunUntil(SimTime.FromSeconds(300L));
            var minor = sim.TripInfos.Single(t => t.Id == "minor");
            var lastMajorArrival = sim.TripInfos.Where(t => t.Id.StartsWith("major", StringComparison.Ordinal)).Max(t => t.ArrivalS);
            Assert.That(minor.Status, Is.EqualTo(TripStatus.Arrived));
            Assert.That(minor.WaitingTimeS, Is.GreaterThan(60), "it had to wait for the major stream");
            Assert.That(sim.TripInfos.Where(t => t.Id.StartsWith("major", StringComparison.Ordinal)).Max(t => t.WaitingTimeS), Is.Zero,
                "major vehicles never stop for the minor road");
            Assert.That(minor.ArrivalS, Is.GreaterThan(lastMajorArrival - 30));
        }
    }

    [Test]
    public void MinorVehicle_CrossesInLargeGap_WithoutStopping()
    {
        var (sim, _, _) = Crossing(LinkControl.Minor, majorHeadwayS: 30);
        using (sim)
        {
            sim.RunUntil(SimTime.FromSeconds(200L));
            var minor = sim.TripInfos.Single(t => t.Id == "minor");
            Assert.That(minor.WaitingTimeS, Is.LessThan(10));
        }
    }

    [Test]
    public void StopSign_VehicleStopsEvenOnEmptyJunction()
    {
        var (sim, _, _) = Crossing(LinkControl.Stop, majorHeadwayS: 1000);
        using (sim)
        {
            sim.RunUntil(SimTime.FromSeconds(200L));
            var minor = sim.TripInfos.Single(t => t.Id == "minor");
            Assert.That(minor.WaitingTimeS, Is.GreaterThanOrEqualTo(1), "a full stop at the stop line");
            Assert.That(minor.Status, Is.EqualTo(TripStatus.Arrived));
        }
    }
}
