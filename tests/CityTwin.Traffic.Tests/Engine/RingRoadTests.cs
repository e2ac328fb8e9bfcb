using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>
/// Sugiyama et al. (2008): 22 vehicles on a 230 m ring. With a string-unstable parameter set a small perturbation grows
/// into stop-and-go waves that travel backwards at 15–20 km/h; with a stable set it decays (traffic.md §5.3).
/// </summary>
public class RingRoadTests
{
    private const double RingM = 230;
    private const int Vehicles = 22;

    // Human-like city driving: 36 km/h desired, 4 m cars, 1.2 s headway, 0.2 s steps. With a = 1.2 m/s² IDM is
    // string-unstable at this density (95.7 veh/km); with a = 2 m/s², b = 3 m/s² it is stable. (A scan over a showed
    // the boundary between 1.2 and 1.5 m/s²; weaker acceleration gives slower waves, −6.6 km/h at 0.5 m/s².)
    private static readonly VehicleType Unstable = Scenarios.Idm("sugiyama-unstable", 30 / 3.6 * 1.2, 1.2, 2, 1.2, 2.0, 4.0);
    private static readonly VehicleType Stable = Scenarios.Idm("sugiyama-stable", 30 / 3.6 * 1.2, 1.2, 2, 2.0, 3.0, 4.0);

    private static (double SpeedStdKmh, double WaveSpeedKmh, double MinSpeedKmh) Run(VehicleType type)
    {
        var (network, edges) = NetworkBuilder.Ring(RingM, segments: 4, speedMps: 30 / 3.6 * 1.2);
        // Uniform start at a common speed, with one vehicle 1 m behind its slot: the perturbation.
        using var sim = Scenarios.OnRing(network, edges, RingM, Vehicles, type, 3.0, laps: 400,
            options: new TrafficOptions { StepMs = 200, DiscretionaryLaneChanges = false }, positionOffsetM: i => i == 0 ? -1.0 : 0.0);
        var segment = RingM / edges.Length;
        var edgeOrder = edges.Select((e, i) => (e, i)).ToDictionary(x => network.Edges[x.e].FirstLane, x => x.i);
        double RingPosition(in Kinematics k) => edgeOrder[k.Lane] * segment + k.PosM;

        sim.RunUntil(SimTime.FromSeconds(600L));
        var speeds = new List<double>();
        var jamTrack = new List<double>();
        var previous = double.NaN;
        var unwrapped = 0.0;
        for (var t = 0; t < 120; t++)
        {
            for (var sub = 0; sub < 5; sub++)
            {
                sim.Step();
            }

            var slowest = double.MaxValue;
            var jamAt = 0.0;
            sim.World.Query(new QueryDescription().WithAll<Kinematics>(), (ref Kinematics k) =>
            {
                speeds.Add(k.SpeedMps * 3.6);
                if (k.SpeedMps < slowest)
                {
                    slowest = k.SpeedMps;
                    jamAt = RingPosition(in k);
                }
            });

            if (!double.IsNaN(previous))
            {
                var step = jamAt - previous;
                step -= RingM * Math.Round(step / RingM);
                unwrapped += step;
            }

            previous = jamAt;
            jamTrack.Add(unwrapped);
        }

        Assert.That(sim.Running, Is.EqualTo(Vehicles));
        Assert.That(sim.GapViolations, Is.Zero);
        var mean = speeds.Average();
        var std = Math.Sqrt(speeds.Select(v => (v - mean) * (v - mean)).Average());
        // Least-squares slope of the jam position (sampled once a second) over the window, m/s → km/h.
        var n = jamTrack.Count;
        var tMean = (n - 1) / 2.0;
        var xMean = jamTrack.Average();
        var slope = Enumerable.Range(0, n).Sum(i => (i - tMean) * (jamTrack[i] - xMean)) / Enumerable.Range(0, n).Sum(i => (i - tMean) * (i - tMean));
        return (std, slope * 3.6, speeds.Min());
    }

    [Test]
    public void UnstableSet_PerturbationGrowsIntoBackwardStopAndGoWave()
    {
        var (std, wave, min) = Run(Unstable);
        TestContext.Out.WriteLine($"speed std {std:F1} km/h, jam wave {wave:F1} km/h, min speed {min:F1} km/h");
        Assert.That(std, Is.GreaterThan(3), "speeds spread: stop-and-go");
        Assert.That(min, Is.LessThan(2), "vehicles come (nearly) to a stop in the jam");
        Assert.That(wave, Is.InRange(-20.0, -15.0), "the jam travels backwards at 15–20 km/h (Sugiyama 2008)");
    }

    [Test]
    public void StableSet_PerturbationDecays()
    {
        var (std, _, min) = Run(Stable);
        TestContext.Out.WriteLine($"speed std {std:F2} km/h, min speed {min:F1} km/h");
        Assert.That(std, Is.LessThan(0.5), "the perturbation has died out after 10 minutes");
        Assert.That(min, Is.GreaterThan(5));
    }
}
