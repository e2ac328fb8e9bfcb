using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>
/// Delay at a fixed-time signal against Webster (1958) (traffic.md §5.4). With uniform arrivals the queue is the
/// deterministic D/D/1 queue, whose mean delay is Webster's first term c(1−λ)²/(2(1−λx)); λ (effective green ratio) and
/// s (saturation flow) are the model's own, measured from a saturated run of the same junction.
/// </summary>
public class SignalDelayTests
{
    private const double ApproachM = 600;
    private const int GreenS = 27;
    private const int CycleS = 60;
    private const double SpeedMps = 13.89;

    private static readonly VehicleType Driver = VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0 };

    private static (TrafficSimulation Sim, InductionLoop Line) Junction(double headwayS, double hours) =>
        Junction(Enumerable.Range(0, (int)(hours * 3600 / headwayS)).Select(i => i * headwayS).ToList());

    private static (TrafficSimulation Sim, InductionLoop Line) Junction(IReadOnlyList<double> departuresS)
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(ApproachM, 0);
        var j2 = b.Junction(ApproachM + 300, 0);
        var approach = b.Edge(j0, j1, speedMps: SpeedMps);
        var exit = b.Edge(j1, j2, speedMps: SpeedMps);
        b.Connect(approach, 0, exit, 0, LinkControl.Signal, signalLink: 0);
        b.Signal(j1, (GreenS, "G"), (CycleS - GreenS, "r"));
        var network = b.Build();
        var sim = new TrafficSimulation(network, [Driver], new TrafficOptions { StepMs = 100, DiscretionaryLaneChanges = false });
        for (var i = 0; i < departuresS.Count; i++)
        {
            sim.Schedule(new ScheduledTrip($"v{i}", (long)Math.Round(departuresS[i] * 10) * 100, 0, [approach, exit])
            {
                DepartLane = DepartLane.First, DepartPos = DepartPos.Base, DepartSpeed = DepartSpeed.Given(SpeedMps),
            });
        }

        var line = new InductionLoop("stop-line", network.Edges[exit].FirstLane, 0.01, 3_600_000) { RecordPassages = true };
        sim.Detectors.Add(line);
        return (sim, line);
    }

    /// <summary>Saturation flow (veh/s) and effective green ratio, from the discharge of full greens.</summary>
    private static (double S, double Lambda) MeasureDischarge()
    {
        var (saturated, satLine) = Junction(headwayS: 1.0, hours: 0.5);
        using (saturated)
        {
            saturated.RunUntil(SimTime.FromSeconds(1800L));
        }

        var greens = satLine.PassageTimesS.GroupBy(t => (int)Math.Floor(t / CycleS)).Where(g => g.Key >= 5 && g.Key < 25).ToList();
        var perCycle = greens.Average(g => g.Count());
        var headways = greens.SelectMany(g => g.Order().Skip(4).Zip(g.Order().Skip(5), (a, c) => c - a)).ToList();
        var hSat = headways.Average();
        var s = 1 / hSat;
        var lambda = perCycle * hSat / CycleS;
        TestContext.Out.WriteLine($"saturation headway {hSat:F3} s ({3600 * s:F0} veh/h), {perCycle:F2} veh/cycle, effective green {lambda * CycleS:F2} s");
        Assert.That(3600 * s, Is.InRange(1500, 2600), "saturation flow of a passenger-car lane");
        return (s, lambda);
    }

    /// <summary>Delay of each vehicle: stop-line crossing time minus its free-flow crossing time.</summary>
    private static List<double> Delays(IReadOnlyList<double> departuresS, InductionLoop line)
    {
        var freeFlowS = (ApproachM - Driver.LengthM) / SpeedMps;
        return line.PassageTimesS.Select((t, i) => t - (Math.Round(departuresS[i] * 10) / 10 + freeFlowS)).ToList();
    }

    [Test]
    public void UniformArrivals_MeanDelayMatchesWebsterFirstTerm()
    {
        var (s, lambda) = MeasureDischarge();

        // Uniform arrivals at 590 veh/h (one every 6.1 s): delay = crossing time − free-flow crossing time, for vehicles
        // well after warm-up. Webster's term is for a fluid arriving at every phase of the cycle; a headway that divides
        // the cycle (6 s) would sample ten fixed phases only (+4.9% here, a sampling error, not the model's). At 6.1 s the
        // 600 measured vehicles arrive at 600 distinct phases 0.1 s apart (61 and 600 are coprime): the whole cycle.
        const double headway = 6.1;
        var departures = Enumerable.Range(0, 900).Select(i => i * headway).ToList();
        var (sim, line) = Junction(departures);
        using (sim)
        {
            sim.RunUntil(SimTime.FromSeconds(5700L));
        }

        var all = Delays(departures, line);
        Assert.That(all.Min(), Is.EqualTo(0).Within(0.05), "a vehicle arriving on green behind no queue is not delayed");
        var delays = all.Skip(100).Take(600).ToList();
        var q = 1 / headway;
        var x = q / (lambda * s);
        var webster = CycleS * (1 - lambda) * (1 - lambda) / (2 * (1 - lambda * x));
        TestContext.Out.WriteLine($"x = {x:F3}, simulated mean delay {delays.Average():F2} s, Webster first term {webster:F2} s");
        Assert.That(x, Is.LessThan(0.9));
        // Measured: 11.63 s against 11.55 s (+0.7%).
        Assert.That(delays.Average(), Is.EqualTo(webster).Within(2).Percent);
    }

    [Test]
    public void RandomArrivals_MeanDelayWithinFifteenPercentOfWebster()
    {
        var (s, lambda) = MeasureDischarge();
        var random = new Ecs.Randomness.SeededRandom(2024);
        foreach (var qVehPerHour in new[] { 500.0, 700.0 })
        {
            var q = qVehPerHour / 3600;
            var departures = new List<double>();
            for (var t = random.NextExponential(1 / q); t < 4 * 3600; t += Math.Max(1.0, random.NextExponential(1 / q)))
            {
                departures.Add(t);
            }

            var (sim, line) = Junction(departures);
            using (sim)
            {
                sim.RunUntil(SimTime.FromSeconds(4 * 3600L + 300));
            }

            var delays = Delays(departures, line).Skip(100).ToList();
            var rate = departures.Count / (4.0 * 3600);
            var x = rate / (lambda * s);
            var webster = CycleS * (1 - lambda) * (1 - lambda) / (2 * (1 - lambda * x)) + x * x / (2 * rate * (1 - x)) -
                          0.65 * Math.Pow(CycleS / (rate * rate), 1.0 / 3) * Math.Pow(x, 2 + 5 * lambda);
            TestContext.Out.WriteLine($"q = {3600 * rate:F0} veh/h, x = {x:F3}: simulated {delays.Average():F2} s, Webster {webster:F2} s");
            Assert.That(x, Is.LessThanOrEqualTo(0.85));
            Assert.That(delays.Average(), Is.EqualTo(webster).Within(15).Percent);
        }
    }
}
