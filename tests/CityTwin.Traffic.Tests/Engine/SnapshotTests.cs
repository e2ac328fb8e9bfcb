using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

public class SnapshotTests
{
    private static TrafficSimulation Build(double rerouteS = 0, int threads = 1)
    {
        var city = SharedCities.ImportOrIgnore(SharedCities.Helsinki);
        var sim = new TrafficSimulation(city.Roads, [VehicleType.SumoDefault, Scenarios.IdmCity with { SpeedFactorDev = 0.1 }],
            new TrafficOptions { Seed = 3, RerouteIntervalS = rerouteS, Threads = threads });
        RandomRoutes.Schedule(sim, 300, periodS: 2, seed: 5);
        sim.Detectors.Add(new InductionLoop("loop", city.Roads.Edges[0].FirstLane, 1, 120_000));
        sim.EdgeData.IntervalMs = 300_000;
        return sim;
    }

    [TestCase(0)]
    [TestCase(120)]
    public void RestoreMidRun_ThenContinue_GivesResultsIdenticalToUninterruptedRun(double rerouteS)
    {
        using var reference = Build(rerouteS);
        reference.RunUntil(SimTime.FromSeconds(400L));
        var snapshot = reference.Capture();
        reference.RunUntil(SimTime.FromSeconds(1000L));

        // Round-trip through the binary format too.
        using var buffer = new MemoryStream();
        snapshot.Save(buffer);
        buffer.Position = 0;
        var loaded = TrafficSnapshot.Load(buffer);

        using var forked = Build(rerouteS);
        forked.Restore(loaded);
        Assert.That(forked.Running, Is.EqualTo(snapshot.VehicleCount));
        Assert.That(snapshot.VehicleCount, Is.GreaterThan(20), "the snapshot should hold moving traffic");
        forked.RunUntil(SimTime.FromSeconds(1000L));

        Assert.That(forked.TripInfos, Is.EqualTo(reference.TripInfos));
        Assert.That(forked.EdgeData.Rows, Is.EqualTo(reference.EdgeData.Rows));
        Assert.That(forked.Detectors[0].Rows, Is.EqualTo(reference.Detectors[0].Rows));
        Assert.That(forked.Summary, Is.EqualTo(reference.Summary));
        Assert.That(forked.VehicleUpdates, Is.EqualTo(reference.VehicleUpdates));
        Assert.That(forked.Reroutes, Is.EqualTo(reference.Reroutes));
        if (rerouteS > 0)
        {
            Assert.That(reference.Reroutes, Is.GreaterThan(0), "congested Helsinki should offer faster routes to some vehicles");
        }
    }

    [Test]
    public void RestoreIntoTheSameRun_WithTwoThreads_GoesBackAndRepeatsTheUninterruptedResults()
    {
        // Going back in time repeats step numbers: nothing kept for a step before the restore (approach announcements,
        // look-ahead answers, the partitions' blocks of rows) may count when that step comes again.
        using var reference = Build();
        reference.RunUntil(SimTime.FromSeconds(700L));

        using var twoThreads = Build(threads: 2);
        twoThreads.RunUntil(SimTime.FromSeconds(400L));
        var snapshot = twoThreads.Capture();
        twoThreads.RunUntil(SimTime.FromSeconds(401L));
        twoThreads.Restore(snapshot);
        twoThreads.RunUntil(SimTime.FromSeconds(700L));

        Assert.That(twoThreads.TripInfos, Is.EqualTo(reference.TripInfos));
        Assert.That(twoThreads.EdgeData.Rows, Is.EqualTo(reference.EdgeData.Rows));
        Assert.That(twoThreads.Summary, Is.EqualTo(reference.Summary));
        Assert.That(twoThreads.VehicleUpdates, Is.EqualTo(reference.VehicleUpdates));
    }

    [Test]
    public void Load_OtherFormatOrTruncated_ClearError()
    {
        using var sim = Build();
        sim.RunUntil(SimTime.FromSeconds(60L));
        using var buffer = new MemoryStream();
        sim.Capture().Save(buffer);
        var bytes = buffer.ToArray();

        var truncated = Assert.Throws<InvalidDataException>(() => TrafficSnapshot.Load(new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.That(truncated!.Message, Does.Contain("truncated"));
        bytes[4] = 99;
        var version = Assert.Throws<InvalidDataException>(() => TrafficSnapshot.Load(new MemoryStream(bytes)));
        Assert.That(version!.Message, Does.Contain("format 99"));
    }
}
