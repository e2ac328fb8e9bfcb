using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Whole-run invariants on a real imported network (Helsinki centre).</summary>
public class RealNetworkTests
{
    private static TrafficSimulation Run(int threads, int trips = 600, double periodS = 2.0, long untilS = 1800, bool loops = false,
        double[]? shares = null)
    {
        var city = SharedCities.ImportOrIgnore(SharedCities.Helsinki);
        var sim = new TrafficSimulation(city.Roads, [VehicleType.SumoDefault], new TrafficOptions { Threads = threads, Seed = 7 })
        {
            FixedPartitionShares = shares,
        };
        RandomRoutes.Schedule(sim, trips, periodS, seed: 11);
        if (loops)
        {
            // A loop near the start of every 7th lane: many are crossed within a step by vehicles from other partitions.
            for (var lane = 0; lane < city.Roads.Lanes.Length; lane += 7)
            {
                sim.Detectors.Add(new InductionLoop($"loop{lane}", lane, 0.5, intervalMs: 300_000));
            }
        }

        sim.RunUntil(SimTime.FromSeconds(untilS));
        return sim;
    }

    [TestCase(2)]
    [TestCase(3)]
    public void ParallelRun_KeepsEachPartitionsVehiclesInOneBlockOfRows_AfterEveryStep(int threads)
    {
        // Arrivals, departures and vehicles crossing into another partition's strip would interleave the partitions'
        // rows between re-sorts (every 16 steps); the engine moves them into their blocks as they happen.
        var city = SharedCities.ImportOrIgnore(SharedCities.Helsinki);
        using var sim = new TrafficSimulation(city.Roads, [VehicleType.SumoDefault], new TrafficOptions { Threads = threads, Seed = 7 });
        RandomRoutes.Schedule(sim, 400, 1.0, seed: 11);
        var arrivalsChecked = 0L;
        while (sim.Clock.Now < SimTime.FromSeconds(600))
        {
            var arrived = sim.Arrived;
            sim.Step();
            if (sim.Clock.StepIndex > 16)
            {
                Assert.That(sim.VehiclesInTheirBlocks(), Is.True, $"rows grouped by partition after step {sim.Clock.StepIndex}");
                arrivalsChecked += sim.Arrived - arrived;
            }
        }

        Assert.That(arrivalsChecked, Is.GreaterThan(0), "arrivals happened while checked");
        Assert.That(sim.Running, Is.GreaterThan(50));
    }

    [Test]
    public void Run_ConservesVehicles_KeepsGaps_AndRespectsLaneClasses()
    {
        using var sim = Run(threads: 1);
        TestContext.Out.WriteLine($"inserted {sim.Inserted}, arrived {sim.Arrived}, removed {sim.Removed}, running {sim.Running}, " +
            $"overlaps {sim.LeaderOverlaps} overshoots {sim.StopLineOvershoots} pending {sim.Pending}, lane changes {sim.LaneChanges}, updates {sim.VehicleUpdates}, violations {sim.GapViolations}");
        Assert.That(sim.Inserted, Is.EqualTo(sim.Arrived + sim.Running + sim.Removed), "inserted = arrived + running + removed");
        Assert.That(sim.Inserted + sim.Pending, Is.EqualTo(600));
        Assert.That(sim.Arrived, Is.GreaterThan(300), "most trips should finish in 25 minutes");
        Assert.That(sim.Removed, Is.LessThanOrEqualTo(sim.Inserted * 3 / 100), "at most 3% removed in this dense small centre");
        // The move phase never lets a vehicle end inside its leader or beyond a closed stop line; how often it had to
        // step in (car following alone was not enough, e.g. after an emergency stop) stays rare.
        Assert.That(sim.GapViolations, Is.LessThan(sim.VehicleUpdates / 1000), "guard interventions below 0.1% of updates");
        Assert.That(sim.TripInfos.Count(t => t.Status == TripStatus.Arrived), Is.EqualTo(sim.Arrived));

        var network = sim.Network;
        for (var lane = 0; lane < sim.Lanes.LaneCount; lane++)
        {
            var slots = sim.Lanes.Slots(lane);
            var allowed = network.Edges[network.Lanes[lane].Edge].Allowed;
            Assert.That(slots.Length == 0 || (allowed & VehicleClasses.Passenger) != 0, Is.True, $"lane {lane} does not allow cars");
            for (var k = 1; k < slots.Length; k++)
            {
                Assert.That(slots[k - 1].BackM - slots[k].PosM, Is.GreaterThanOrEqualTo(-1e-9), $"overlap on lane {lane}");
            }
        }
    }

    [Test]
    public void LaneLists_StayOrderedAndInStepWithTheVehicles_EveryStep()
    {
        // The move phase keeps the lane lists up to date instead of rebuilding them from the vehicles: after every step
        // each running vehicle is listed exactly once, on its own lane, with its own position and speed, front first.
        var city = SharedCities.ImportOrIgnore(SharedCities.Helsinki);
        using var sim = new TrafficSimulation(city.Roads, [VehicleType.SumoDefault], new TrafficOptions { Seed = 7 });
        RandomRoutes.Schedule(sim, 600, 2.0, seed: 11);
        var occupiedMismatches = 0;
        for (var step = 0; step < 1200; step++)
        {
            sim.Step();
            var listed = new HashSet<Ecs.Core.Entity>();
            var occupied = sim.Lanes.OccupiedLanes.ToHashSet();
            for (var lane = 0; lane < sim.Lanes.LaneCount; lane++)
            {
                var slots = sim.Lanes.Slots(lane);
                occupiedMismatches += slots.Length > 0 && !occupied.Contains(lane) ? 1 : 0;
                for (var k = 0; k < slots.Length; k++)
                {
                    ref readonly var kinematics = ref sim.World.Get<Kinematics>(slots[k].Vehicle);
                    if (!listed.Add(slots[k].Vehicle) || kinematics.Lane != lane || kinematics.PosM != slots[k].PosM ||
                        kinematics.SpeedMps != slots[k].SpeedMps || (k > 0 && !CityTwin.Traffic.Lanes.LaneOccupancy.Before(slots[k - 1], slots[k])))
                    {
                        Assert.Fail($"step {step}: lane {lane} slot {k} does not match its vehicle or is out of order");
                    }
                }
            }

            Assert.That(listed, Has.Count.EqualTo(sim.Running), $"step {step}: every running vehicle listed once");
        }

        Assert.That(occupiedMismatches, Is.Zero, "every lane with vehicles is in the occupied-lane list");
        Assert.That(sim.Arrived, Is.GreaterThan(100));
    }

    [Test]
    public void Run_SameSeed_BitIdenticalForAnyThreadCount()
    {
        // Each thread owns a strip of the map (partitions are re-cut as traffic moves, where by the time each thread took);
        // what crosses between strips is applied in lane order, so every output is the same bit for bit wherever the cuts
        // fall: also with strips fixed far from even.
        using var one = Run(threads: 1, trips: 300, untilS: 900, loops: true);
        one.EdgeData.Flush(one.Clock.Now.Milliseconds);
        foreach (var (threads, shares) in new (int, double[]?)[] { (2, null), (3, null), (2, [0.1, 0.9]), (3, [0.6, 0.3, 0.1]) })
        {
            using var other = Run(threads, trips: 300, untilS: 900, loops: true, shares: shares);
            other.EdgeData.Flush(other.Clock.Now.Milliseconds);

            Assert.That(other.TripInfos, Is.EqualTo(one.TripInfos), $"{threads} threads: trips");
            Assert.That(other.VehicleUpdates, Is.EqualTo(one.VehicleUpdates));
            Assert.That(other.LaneChanges, Is.EqualTo(one.LaneChanges));
            Assert.That(other.MeanSpeedMps(), Is.EqualTo(one.MeanSpeedMps()));
            Assert.That(other.EdgeData.Rows, Is.EqualTo(one.EdgeData.Rows), $"{threads} threads: edge data");
            Assert.That(other.Summary, Is.EqualTo(one.Summary));
            Assert.That(other.Detectors.SelectMany(d => d.Rows), Is.EqualTo(one.Detectors.SelectMany(d => d.Rows)), $"{threads} threads: loops");
            Assert.That(other.Detectors.SelectMany(d => d.PassageTimesS), Is.EqualTo(one.Detectors.SelectMany(d => d.PassageTimesS)));
        }

        Assert.That(one.Detectors.Sum(d => d.Rows.Sum(r => r.Count)), Is.GreaterThan(100), "the loops saw traffic");
    }
}
