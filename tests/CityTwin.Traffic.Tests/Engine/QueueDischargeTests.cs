using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>
/// How a queue at a signal starts and discharges: Krauss moved by SUMO's default (Euler) update, and SUMO's
/// junction-blocking rule (moving vehicles ahead do not block, halted ones do), also across short lanes.
/// </summary>
public class QueueDischargeTests
{
    private static readonly VehicleType Driver = VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 };

    /// <summary>A (300 m) → signal → [B (8 m) →] C (300 m); red for the first 60 s, then green; 12 vehicles queue on A.</summary>
    private static (TrafficSimulation Sim, int A) QueueAtSignal(PositionUpdate update, bool shortPiece)
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var a = b.Edge(j0, j1);
        List<int> route = [a];
        if (shortPiece)
        {
            var j2 = b.Junction(308, 0);
            var j3 = b.Junction(608, 0);
            var piece = b.Edge(j1, j2);
            var c = b.Edge(j2, j3);
            b.Connect(a, 0, piece, 0, LinkControl.Signal, signalLink: 0);
            b.Connect(piece, 0, c, 0);
            route.AddRange([piece, c]);
        }
        else
        {
            var j3 = b.Junction(600, 0);
            var c = b.Edge(j1, j3);
            b.Connect(a, 0, c, 0, LinkControl.Signal, signalLink: 0);
            route.Add(c);
        }

        b.Signal(j1, (60, "r"), (600, "G"));
        var sim = new TrafficSimulation(b.Build(), [Driver], new TrafficOptions { PositionUpdate = update });
        for (var i = 0; i < 12; i++)
        {
            sim.Schedule(new ScheduledTrip($"v{i}", i * 2_000L, 0, [.. route]) { DepartSpeed = DepartSpeed.Desired });
        }

        return (sim, a);
    }

    /// <summary>Step (from 0) in which each queued vehicle, front first, starts moving after the signal turns green.</summary>
    private static List<long> StartSteps(TrafficSimulation sim, int a, out List<double> standingGapsM)
    {
        sim.RunUntil(SimTime.FromSeconds(59L));
        var lane = sim.Network.Edges[a].FirstLane;
        var queue = sim.Lanes.Slots(lane).ToArray();
        standingGapsM = queue.Zip(queue.Skip(1), (leader, follower) => leader.BackM - follower.PosM).ToList();
        var started = new long[queue.Length];
        Array.Fill(started, -1);
        while (sim.Clock.Now < SimTime.FromSeconds(120L))
        {
            sim.Step();
            for (var k = 0; k < queue.Length; k++)
            {
                if (started[k] < 0 && sim.World.IsAlive(queue[k].Vehicle) && sim.World.Get<Kinematics>(queue[k].Vehicle).SpeedMps > 0)
                {
                    started[k] = sim.Clock.StepIndex;
                }
            }
        }

        return [.. started];
    }

    [Test]
    public void Krauss_QueuesAtMinGapAndStartsOneStepPerVehicle_AsSumo()
    {
        var (sim, a) = QueueAtSignal(PositionUpdate.Auto, shortPiece: false);
        using (sim)
        {
            var starts = StartSteps(sim, a, out var gaps);
            TestContext.Out.WriteLine($"standing gaps {string.Join(", ", gaps.Select(g => g.ToString("F2")))}; start steps {string.Join(", ", starts)}");
            Assert.Multiple(() =>
            {
                Assert.That(gaps, Has.Count.EqualTo(11));
                Assert.That(gaps, Has.All.EqualTo(Driver.MinGapM).Within(1e-6), "Krauss (Euler update) stops exactly minGap behind its leader");
                Assert.That(starts.Zip(starts.Skip(1), (x, y) => y - x), Has.All.EqualTo(1), "each vehicle starts the step after its leader");
            });
        }
    }

    [Test]
    public void Krauss_Ballistic_BrakesIntoTheGapAndStartsSlower()
    {
        // The option still gives the ballistic update; with Krauss the queue then starts about two steps per vehicle.
        var (sim, a) = QueueAtSignal(PositionUpdate.Ballistic, shortPiece: false);
        using (sim)
        {
            var starts = StartSteps(sim, a, out var gaps);
            Assert.That(gaps.Min(), Is.LessThan(Driver.MinGapM - 0.5));
            Assert.That(starts[^1] - starts[0], Is.GreaterThan(15));
        }
    }

    [Test]
    public void QueueDischargesThroughAShortPiece_AsFastAsWithoutIt()
    {
        // A signal before an 8 m piece (Bologna's joined signals) must not let one vehicle at a time through: a vehicle
        // follows its moving leader onto the piece (the junction-blocking rule only stops it for halted vehicles).
        double LastCrossingS(bool shortPiece)
        {
            var (sim, _) = QueueAtSignal(PositionUpdate.Auto, shortPiece);
            using (sim)
            {
                sim.RunUntil(SimTime.FromSeconds(200L));
                Assert.That(sim.Arrived, Is.EqualTo(12));
                return sim.TripInfos.Max(t => t.ArrivalS);
            }
        }

        var without = LastCrossingS(false);
        var with = LastCrossingS(true);
        TestContext.Out.WriteLine($"last arrival without the piece {without:F0} s, with it {with:F0} s");
        Assert.That(with, Is.LessThanOrEqualTo(without + 2), "8 m more to drive, and no stop on the piece");
    }

    /// <summary>
    /// A (200 m) → C (20 m, red at its end for the first 120 s); three cars, the third right behind the second. At 100 s:
    /// the trips on A and on C, and the third's trip index. <paramref name="crossStreet"/>: a cross street (without
    /// traffic) at the junction between A and C gives the link from A a foe.
    /// </summary>
    private static (LaneSlot[] OnA, LaneSlot[] OnC, int Third, int Arrived) QueueBehindRed(bool crossStreet)
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(200, 0);
        var j2 = b.Junction(220, 0);
        var j3 = b.Junction(500, 0);
        var a = b.Edge(j0, j1);
        var c = b.Edge(j1, j2);
        var d = b.Edge(j2, j3);
        var aToC = b.Connect(a, 0, c, 0);
        if (crossStreet)
        {
            b.Conflict(aToC, b.Connect(b.Edge(b.Junction(200, -200), j1), 0, b.Edge(j1, b.Junction(200, 200)), 0, LinkControl.Minor), aYields: false);
        }

        b.Connect(c, 0, d, 0, LinkControl.Signal, signalLink: 0);
        b.Signal(j2, (120, "r"), (600, "G"));
        using var sim = new TrafficSimulation(b.Build(), [Driver], new TrafficOptions());
        foreach (var (id, departMs) in new[] { ("first", 0L), ("second", 20_000L), ("third", 21_500L) })
        {
            sim.Schedule(new ScheduledTrip(id, departMs, 0, [a, c, d]) { DepartSpeed = DepartSpeed.Desired });
        }

        sim.RunUntil(SimTime.FromSeconds(100L));
        var onA = sim.Lanes.Slots(sim.Network.Edges[a].FirstLane).ToArray();
        var onC = sim.Lanes.Slots(sim.Network.Edges[c].FirstLane).ToArray();
        TestContext.Out.WriteLine($"on A: {string.Join(", ", onA.Select(x => $"{x.Trip}@{x.PosM:F1}"))}; on C: {string.Join(", ", onC.Select(x => $"{x.Trip}@{x.PosM:F1}"))}");
        var third = sim.TripIndexOf("third");
        sim.RunUntil(SimTime.FromSeconds(300L));
        return (onA, onC, third, sim.Arrived);
    }

    [Test]
    public void JunctionBlocking_AVehicleThatWouldStandAcrossTheJunctionWaitsBeforeIt()
    {
        // The first car stops at C's end, the second behind it on C; the third must wait before the line: the room left
        // before the halted cars (less what the moving ones will take) does not fit it, and it would stand across a
        // junction that the cross street needs kept clear.
        var (onA, onC, third, arrived) = QueueBehindRed(crossStreet: true);
        Assert.Multiple(() =>
        {
            Assert.That(onC, Has.Length.EqualTo(2), "two cars fit on C");
            Assert.That(onA.Select(x => x.Trip), Does.Contain(third), "the third waits on A");
            Assert.That(onA.Single(x => x.Trip == third).PosM, Is.LessThanOrEqualTo(200), "before the line, not across it");
            Assert.That(arrived, Is.EqualTo(3));
        });
    }

    [Test]
    public void JunctionBlocking_AJunctionWithoutFoes_IsNotKeptClear()
    {
        // As SUMO (MSVehicle::keepClear needs link->hasFoes()): with nothing to cross, the third drives up to the second
        // and stands across the junction.
        var (onA, onC, third, arrived) = QueueBehindRed(crossStreet: false);
        Assert.Multiple(() =>
        {
            Assert.That(onC.Select(x => x.Trip), Does.Contain(third), "the third's front is on C");
            Assert.That(onC.Single(x => x.Trip == third).BackM, Is.LessThan(0), "its back still on A: across the junction");
            Assert.That(arrived, Is.EqualTo(3));
        });
    }

    [Test]
    public void PathAcrossAJunction_IsDriven_AndAFollowerKeepsItsDistanceAcrossIt()
    {
        // A (300 m) → C (300 m) through a junction whose internal path is 20 m (SUMO's internal lane): the trip is 20 m
        // longer and takes 20 m / v longer than through a junction without one, and a follower 1.5 s behind never comes
        // closer than minGap while its leader is on the path (the leader is on C at a negative position meanwhile).
        TripInfo[] Run(double junctionM, out double minGapSeenM)
        {
            var b = new NetworkBuilder();
            var j0 = b.Junction(0, 0);
            var j1 = b.Junction(300, 0);
            var j2 = b.Junction(600, 0);
            var a = b.Edge(j0, j1);
            var c = b.Edge(j1, j2);
            b.Connect(a, 0, c, 0, lengthM: junctionM);
            using var sim = new TrafficSimulation(b.Build(), [Driver], new TrafficOptions { StepMs = 100 });
            sim.Schedule(new ScheduledTrip("leader", 0, 0, [a, c]) { DepartSpeed = DepartSpeed.Desired });
            sim.Schedule(new ScheduledTrip("follower", 1_500, 0, [a, c]) { DepartSpeed = DepartSpeed.Desired });
            var laneA = sim.Network.Edges[a].FirstLane;
            var laneC = sim.Network.Edges[c].FirstLane;
            minGapSeenM = double.PositiveInfinity;
            while (sim.Arrived < 2 && sim.Clock.Now < SimTime.FromSeconds(120L))
            {
                sim.Step();
                var onA = sim.Lanes.Slots(laneA).ToArray();
                var onC = sim.Lanes.Slots(laneC).ToArray();
                if (onA.Length == 1 && onC.Length == 1)
                {
                    // Follower on A, leader on the path or on C: the gap counts A's rest and the path.
                    minGapSeenM = Math.Min(minGapSeenM, 300 - onA[0].PosM + junctionM + onC[0].BackM);
                }
            }

            return [.. sim.TripInfos.OrderBy(t => t.Id)];
        }

        var plain = Run(0, out _);
        var withPath = Run(20, out var minGap);
        var leaderPlain = plain.Single(t => t.Id == "leader");
        var leader = withPath.Single(t => t.Id == "leader");
        Assert.Multiple(() =>
        {
            // Within one 0.1 s step's travel (the last step's move past the arrival point is counted, as in SUMO).
            Assert.That(leader.RouteLengthM - leaderPlain.RouteLengthM, Is.EqualTo(20).Within(1.5), "the path is part of the route");
            Assert.That(leader.DurationS - leaderPlain.DurationS, Is.EqualTo(20 / 13.89).Within(0.11), "and takes its time");
            Assert.That(minGap, Is.GreaterThanOrEqualTo(Driver.MinGapM - 1e-6), "the follower sees its leader on the path");
            Assert.That(withPath.All(t => t.Status == Outputs.TripStatus.Arrived), Is.True);
        });
    }

    [Test]
    public void SlowJunctionPath_VehicleSlowsToItsLimitBeforeTheLineAndKeepsItOnThePath()
    {
        // A turn whose internal path (12 m) is limited to 6 m/s, as SUMO's internal lanes of turns are.
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(300, 0);
        var j2 = b.Junction(300, 300);
        var a = b.Edge(j0, j1);
        var c = b.Edge(j1, j2);
        b.Connect(a, 0, c, 0, lengthM: 12, speedMps: 6);
        using var sim = new TrafficSimulation(b.Build(), [Driver], new TrafficOptions { StepMs = 100 });
        sim.Schedule(new ScheduledTrip("turner", 0, 0, [a, c]) { DepartSpeed = DepartSpeed.Desired });
        var laneA = sim.Network.Edges[a].FirstLane;
        var laneC = sim.Network.Edges[c].FirstLane;
        var cruise = 0.0;
        var onPath = new List<double>();
        while (sim.Arrived < 1 && sim.Clock.Now < SimTime.FromSeconds(120L))
        {
            sim.Step();
            foreach (var s in sim.Lanes.Slots(laneA))
            {
                cruise = s.PosM is > 100 and < 150 ? Math.Max(cruise, s.SpeedMps) : cruise;
            }

            foreach (var s in sim.Lanes.Slots(laneC))
            {
                if (s.PosM < 0)
                {
                    onPath.Add(s.SpeedMps);
                }
            }
        }

        TestContext.Out.WriteLine($"cruise {cruise:F2} m/s; on the path {string.Join(", ", onPath.Select(v => v.ToString("F2")))}");
        Assert.Multiple(() =>
        {
            Assert.That(cruise, Is.EqualTo(13.89).Within(0.05), "at the lane's speed before the turn");
            // It crossed the line at the speed it chose just before it (from which it can slow to 6 m/s by the line), and
            // from its first step on the path on it drives at the path's limit.
            Assert.That(onPath[0], Is.LessThanOrEqualTo(Math.Sqrt(36 + 2 * Driver.DecelMps2 * 13.89 * 0.1) + 1e-6), "slowed down before the line");
            Assert.That(onPath.Skip(1), Has.All.LessThanOrEqualTo(6 + 1e-6), "and keeps the limit on the path");
            Assert.That(onPath, Has.Count.GreaterThan(10), "12 m at 6 m/s in 0.1 s steps");
            Assert.That(sim.Arrived, Is.EqualTo(1));
        });
    }
}
