using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Junctions;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Tests.TestSupport;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Level crossings (SUMO's <c>rail_crossing</c>): the barriers close before a train comes and open after it.</summary>
public class LevelCrossingTests
{
    private static readonly VehicleType Train = VehicleType.SumoDefault with
    {
        Id = "rail", VehicleClass = VehicleClasses.Rail, LengthM = 135, MinGapM = 5, MaxSpeedMps = 25, AccelMps2 = 1.0,
        DecelMps2 = 1.3, EmergencyDecelMps2 = 5, Sigma = 0, SpeedFactorDev = 0,
    };

    private const double TrackInM = 2_000;

    /// <summary>
    /// A track from west to east (2,000 m, then 1,000 m) crosses a road from south to north (400 m each side) at junction
    /// X. One train departs at 0 s; a car every 4 s for the first 160 s.
    /// </summary>
    private static (TrafficSimulation Sim, int Crossing, int TrackIn, int TrackOut, int RoadIn) Scene(LinkControl roadControl, int threads = 1)
    {
        var b = new NetworkBuilder { Allowed = VehicleClasses.Rail };
        var west = b.Junction(-TrackInM, 0);
        var x = b.Junction(0, 0);
        var east = b.Junction(1_000, 0);
        var trackIn = b.Edge(west, x, speedMps: 25);
        var trackOut = b.Edge(x, east, speedMps: 25);
        b.Allowed = VehicleClasses.Passenger;
        var south = b.Junction(0, -400);
        var north = b.Junction(0, 400);
        var roadIn = b.Edge(south, x);
        var roadOut = b.Edge(x, north);
        var rail = b.Connect(trackIn, 0, trackOut, 0, LinkControl.Major, lengthM: 8, speedMps: 25);
        var road = b.Connect(roadIn, 0, roadOut, 0, roadControl, lengthM: 8, speedMps: 13.89);
        b.Conflict(road, rail, aYields: true);
        b.Conflict(rail, road, aYields: false);
        var sim = new TrafficSimulation(b.Build(), [VehicleType.SumoDefault, Train], new TrafficOptions { MaxWaitS = 3_600, Threads = threads });
        sim.Schedule(new ScheduledTrip("train", 0, 1, [trackIn, trackOut]));
        for (var i = 0; i < 40; i++)
        {
            sim.Schedule(new ScheduledTrip($"car{i}", i * 4_000L, 0, [roadIn, roadOut]));
        }

        return (sim, x, trackIn, trackOut, roadIn);
    }

    /// <summary>What happened in each step: the barriers at its end, the train's seconds to the crossing at its current
    /// speed (∞ once past), whether its rear has cleared the crossing, and how many cars crossed in the step.</summary>
    private sealed record StepLog(long EndS, BarrierPhase Barriers, BarrierPhase BarriersBefore, double TrainDueS, bool TrainClear, int CarsCrossed);

    private static List<StepLog> Run(TrafficSimulation sim, int crossing, int trackIn, int trackOut, int roadIn, long untilS = 400)
    {
        var log = new List<StepLog>();
        var onRoadIn = new HashSet<Entity>();
        while (sim.Clock.Now < SimTime.FromSeconds(untilS))
        {
            var before = sim.BarriersAt(crossing) ?? BarrierPhase.Open;
            sim.Step();
            var crossed = 0;
            var nowOnRoadIn = sim.Lanes.Slots(sim.Network.Edges[roadIn].FirstLane).ToArray().Select(s => s.Vehicle).ToHashSet();
            crossed += onRoadIn.Count(v => !nowOnRoadIn.Contains(v));
            onRoadIn = nowOnRoadIn;
            var due = double.PositiveInfinity;
            var clear = true;
            foreach (var slot in sim.Lanes.Slots(sim.Network.Edges[trackIn].FirstLane))
            {
                due = slot.SpeedMps > 0.5 ? (TrackInM - slot.PosM) / slot.SpeedMps : due;
                clear = false;
            }

            foreach (var slot in sim.Lanes.Slots(sim.Network.Edges[trackOut].FirstLane))
            {
                clear &= slot.BackM >= 0;
            }

            log.Add(new StepLog(sim.Clock.Now.Milliseconds / 1000, sim.BarriersAt(crossing)!.Value, before, due, clear, crossed));
        }

        return log;
    }

    [Test]
    public void Barriers_CloseBeforeTheTrain_AndOpenAfterIt_AsSumosDefaultsSay()
    {
        var (sim, crossing, trackIn, trackOut, roadIn) = Scene(LinkControl.RailCrossing);
        using (sim)
        {
            var log = Run(sim, crossing, trackIn, trackOut, roadIn);
            var closing = log.FindIndex(s => s.Barriers == BarrierPhase.Closing);
            var closed = log.FindIndex(s => s.Barriers == BarrierPhase.Closed);
            var trainClear = log.FindIndex(closing, s => s.TrainClear);
            var opening = log.FindIndex(s => s.Barriers == BarrierPhase.Opening);
            var open = log.FindIndex(opening, s => s.Barriers == BarrierPhase.Open);
            Assert.Multiple(() =>
            {
                Assert.That(log.Take(closing).All(s => s.Barriers == BarrierPhase.Open), Is.True, "open until the train comes");
                // Closing starts when the train is due within time gap + yellow (15 + 5 s), looked at once per step.
                Assert.That(log[closing].TrainDueS, Is.LessThan(20).And.GreaterThan(18.5));
                Assert.That(log[closing - 1].TrainDueS, Is.GreaterThanOrEqualTo(20));
                Assert.That(log[closed].EndS - log[closing].EndS, Is.EqualTo(5), "yellow time");
                Assert.That(trainClear, Is.GreaterThan(closed), "the train passed while the barriers were down");
                // While the train is on the crossing the barriers look again a step plus the opening delay (3 s) later,
                // so they start opening 1–4 s after its rear has cleared (as SUMO's), and the road gets green after the
                // opening time (3 s).
                Assert.That(log[opening].EndS - log[trainClear].EndS, Is.InRange(1, 4));
                Assert.That(log[open].EndS - log[opening].EndS, Is.EqualTo(3), "opening time");
                Assert.That(log.Skip(open).All(s => s.Barriers == BarrierPhase.Open), Is.True, "one train: one closure");
                // No car enters the crossing while the barriers are down or rising; only cars that could not stop go on amber.
                Assert.That(log.Where(s => s.BarriersBefore is BarrierPhase.Closed or BarrierPhase.Opening).Sum(s => s.CarsCrossed), Is.Zero);
                Assert.That(log.Skip(closing + 1).Take(closed - closing).Sum(s => s.CarsCrossed), Is.LessThanOrEqualTo(1),
                    "on amber only a car too close to stop goes (cars are 55 m apart; braking from 13.9 m/s takes 21 m)");
                Assert.That(log.Skip(open).Sum(s => s.CarsCrossed), Is.GreaterThan(3), "the queue crosses once open");
                Assert.That(sim.TripInfos.Count(t => t.Status == TripStatus.Arrived), Is.EqualTo(41), "every car and the train arrive");
                Assert.That(sim.TripInfos.Count(t => t.Id.StartsWith("car", StringComparison.Ordinal) && t.WaitingTimeS > 0), Is.GreaterThanOrEqualTo(5),
                    "cars queued at the barriers (one arrives every 4 s; they are down for about 30 s)");
                Assert.That(sim.GapViolations, Is.Zero);
                // Down from the amber to the end of the opening time: one closure, as long as the phases logged.
                var stats = sim.BarrierStatistics().Single();
                Assert.That(stats.Junction, Is.EqualTo(crossing));
                Assert.That(stats.Closures, Is.EqualTo(1));
                Assert.That(stats.DownS, Is.EqualTo(log.Count(s => s.Barriers != BarrierPhase.Open)));
                Assert.That(stats.DownS, Is.EqualTo(log[open].EndS - log[closing].EndS));
            });
        }
    }

    [Test]
    public void WithoutBarriers_CarsCrossUntilTheTrainIsSecondsAway()
    {
        // The same crossing as a plain priority link that gives way to the track: cars keep crossing while the barriers
        // would be down (what SUMO's rail_crossing prevents), and there are no barriers to report.
        var (sim, crossing, trackIn, trackOut, roadIn) = Scene(LinkControl.Major);
        using (sim)
        {
            Assert.That(sim.BarriersAt(crossing), Is.Null);
            var crossedWhileDueWithin20S = 0;
            var onRoadIn = new HashSet<Entity>();
            while (sim.Clock.Now < SimTime.FromSeconds(200))
            {
                sim.Step();
                var now = sim.Lanes.Slots(sim.Network.Edges[roadIn].FirstLane).ToArray().Select(s => s.Vehicle).ToHashSet();
                var train = sim.Lanes.Slots(sim.Network.Edges[trackIn].FirstLane).ToArray();
                var due = train.Length > 0 && train[0].SpeedMps > 0.5 ? (TrackInM - train[0].PosM) / train[0].SpeedMps : double.PositiveInfinity;
                crossedWhileDueWithin20S += due < 20 ? onRoadIn.Count(v => !now.Contains(v)) : 0;
                onRoadIn = now;
            }

            Assert.That(crossedWhileDueWithin20S, Is.GreaterThan(0));
        }
    }

    [Test]
    public void Snapshot_TakenWhileTheBarriersAreDown_ContinuesAsTheUninterruptedRun()
    {
        var (reference, crossing, trackIn, trackOut, roadIn) = Scene(LinkControl.RailCrossing);
        using (reference)
        {
            var log = Run(reference, crossing, trackIn, trackOut, roadIn, untilS: 70);
            Assert.That(log[^1].Barriers, Is.Not.EqualTo(BarrierPhase.Open), "the snapshot is taken during the closure");
            var snapshot = reference.Capture();
            using var buffer = new MemoryStream();
            snapshot.Save(buffer);
            buffer.Position = 0;
            var (forked, _, _, _, _) = Scene(LinkControl.RailCrossing);
            using (forked)
            {
                forked.Restore(TrafficSnapshot.Load(buffer));
                Assert.That(forked.BarriersAt(crossing), Is.EqualTo(reference.BarriersAt(crossing)));
                var rest = Run(reference, crossing, trackIn, trackOut, roadIn);
                var forkedRest = Run(forked, crossing, trackIn, trackOut, roadIn);
                Assert.That(forkedRest, Is.EqualTo(rest));
                Assert.That(forked.TripInfos, Is.EqualTo(reference.TripInfos));
                Assert.That(forked.BarrierStatistics(), Is.EqualTo(reference.BarrierStatistics()));
            }
        }
    }

    [Test]
    public void Barriers_SameForAnyThreadCount()
    {
        var (one, crossing, trackIn, trackOut, roadIn) = Scene(LinkControl.RailCrossing);
        var (two, _, _, _, _) = Scene(LinkControl.RailCrossing, threads: 2);
        using (one)
        using (two)
        {
            Assert.That(Run(two, crossing, trackIn, trackOut, roadIn), Is.EqualTo(Run(one, crossing, trackIn, trackOut, roadIn)));
            Assert.That(two.TripInfos, Is.EqualTo(one.TripInfos));
        }
    }

    [Test]
    public void Timing_Validate_NamesTheBadSetting()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficOptions { LevelCrossings = new LevelCrossingTiming { YellowS = -1 } }.Validate());
        Assert.That(e!.Message, Does.Contain("YellowS"));
    }
}
