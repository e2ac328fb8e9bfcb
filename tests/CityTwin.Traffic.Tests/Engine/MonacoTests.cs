using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>The whole-city check: Monaco, 3,600 random trips over one hour.</summary>
public class MonacoTests
{
    [Test]
    public void MonacoHour_3600RandomTrips_FewerThanOnePercentRemoved()
    {
        var city = SharedCities.ImportOrIgnore(SharedCities.Monaco);
        using var sim = new TrafficSimulation(city.Roads, [VehicleType.SumoDefault], new TrafficOptions { Seed = 42 });
        RandomRoutes.Schedule(sim, 3600, periodS: 1.0, seed: 42);
        sim.RunUntil(SimTime.FromSeconds(5400L));

        TestContext.Out.WriteLine($"inserted {sim.Inserted}, arrived {sim.Arrived}, removed {sim.Removed}, running {sim.Running}, " +
            $"pending {sim.Pending}, updates {sim.VehicleUpdates}, overlaps {sim.LeaderOverlaps}, overshoots {sim.StopLineOvershoots}, " +
            $"mean trip {sim.TripInfos.Average(t => t.DurationS):F0} s");
        Assert.That(sim.Inserted, Is.EqualTo(sim.Arrived + sim.Running + sim.Removed));
        Assert.That(sim.Inserted, Is.EqualTo(3600), "every trip inserted within the 30 minutes after the last departure");
        Assert.That(sim.Removed, Is.LessThan(36), "fewer than 1% removed for waiting too long");
    }
}
