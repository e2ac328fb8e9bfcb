using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Tests.TestSupport;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Rail block signals (SUMO's <c>rail_signal</c>): one train at a time in the track between two signals.</summary>
public class RailSignalTests
{
    private static readonly VehicleType Train = VehicleType.SumoDefault with
    {
        Id = "rail", VehicleClass = VehicleClasses.Rail, LengthM = 135, MinGapM = 5, MaxSpeedMps = 44.44, AccelMps2 = 0.25,
        DecelMps2 = 1.3, EmergencyDecelMps2 = 5, Sigma = 0, SpeedFactorDev = 0,
    };

    /// <summary>Entry track (1,500 m) → signal → block (2,000 m) → signal → exit track (1,500 m); trains every 30 s.</summary>
    private static (TrafficSimulation Sim, int Block) Line(LinkControl signals, VehicleType? train = null)
    {
        var b = new NetworkBuilder { Allowed = VehicleClasses.Rail };
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(1_500, 0);
        var j2 = b.Junction(3_500, 0);
        var j3 = b.Junction(5_000, 0);
        var entry = b.Edge(j0, j1, speedMps: 44.44);
        var block = b.Edge(j1, j2, speedMps: 44.44);
        var exit = b.Edge(j2, j3, speedMps: 44.44);
        b.ConnectAll(entry, block, signals);
        b.ConnectAll(block, exit, signals);
        var sim = new TrafficSimulation(b.Build(), [train ?? Train], new TrafficOptions { MaxWaitS = 3_600 });
        for (var i = 0; i < 6; i++)
        {
            sim.Schedule(new ScheduledTrip($"t{i}", i * 30_000L, 0, [entry, block, exit]));
        }

        return (sim, block);
    }

    private static int MostTrainsInBlock(TrafficSimulation sim, int block)
    {
        var lane = sim.Network.Edges[block].FirstLane;
        var most = 0;
        while (sim.Clock.Now < SimTime.FromSeconds(3_600L) && sim.TripInfos.Count < 6)
        {
            sim.Step();
            most = Math.Max(most, sim.Lanes.Slots(lane).Length);
        }

        return most;
    }

    [Test]
    public void BlockSignals_LetOneTrainAtATimeIntoTheBlock()
    {
        var (sim, block) = Line(LinkControl.RailSignal);
        using (sim)
        {
            var most = MostTrainsInBlock(sim, block);
            var trips = sim.TripInfos.OrderBy(t => t.DepartS).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(most, Is.EqualTo(1), "never two trains between the signals");
                Assert.That(trips, Has.Count.EqualTo(6), "every train arrives");
                Assert.That(trips.All(t => t.Status == Outputs.TripStatus.Arrived), Is.True);
                // The next train may start into the block only once the one ahead has left it: at 44.44 m/s that takes at
                // least (2,000 m + 135 m) / 44.44 m/s = 48 s, so arrivals are at least that far apart (not the 30 s of the
                // departures), and the later trains stop at the signal.
                Assert.That(trips.Zip(trips.Skip(1), (a, b) => b.ArrivalS - a.ArrivalS).Min(), Is.GreaterThanOrEqualTo(2_135 / 44.44));
                Assert.That(trips.Skip(2).All(t => t.WaitingTimeS > 0), Is.True, "the later trains stopped at the signal");
                Assert.That(sim.GapViolations, Is.Zero, "trains braked in time for the closed signal (760 m at 44 m/s) and kept their gaps");
            });
        }
    }

    [Test]
    public void BlockSignals_CountATrainWhoseRearIsStillInTheBlock()
    {
        // A train whose front has passed the block's far signal still holds the block until its rear has: the next one
        // may not enter before (SUMO counts the partial occupation). With 600 m trains the rear takes 14 s or more to
        // clear the signal, time enough for the next train, waiting at the block's entry, to start into it.
        var (sim, block) = Line(LinkControl.RailSignal, Train with { LengthM = 600, AccelMps2 = 1.0 });
        using (sim)
        {
            var blockLane = sim.Network.Edges[block].FirstLane;
            var exitLane = sim.Network.Edges[block + 1].FirstLane;
            var most = 0;
            var tailSteps = 0;
            while (sim.Clock.Now < SimTime.FromSeconds(3_600L) && sim.TripInfos.Count < 6)
            {
                sim.Step();
                var tail = sim.Lanes.Slots(exitLane).ToArray().Count(t => t.BackM < 0);
                tailSteps += tail;
                most = Math.Max(most, sim.Lanes.Slots(blockLane).Length + tail);
            }

            Assert.That(tailSteps, Is.GreaterThan(0), "trains were seen leaving the block");
            Assert.That(most, Is.EqualTo(1), "a train in the block, counting one whose rear is still in it");
        }
    }

    [Test]
    public void WithoutBlockSignals_TrainsFollowEachOtherIntoTheSameTrack()
    {
        // The same line with plain priority links: the block holds several trains at once (what the signals prevent).
        var (sim, block) = Line(LinkControl.Major);
        using (sim)
        {
            Assert.That(MostTrainsInBlock(sim, block), Is.GreaterThan(1));
        }
    }
}
