using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Lane capacity in steady flow against the analytic values (traffic.md §5.1), measured by a detector.</summary>
public class CapacityTests
{
    private static (double Q, double V) AnalyticIdmCapacity(VehicleType type)
    {
        var p = new CarFollowParameters(type);
        var best = (Q: 0.0, V: 0.0);
        for (var v = 0.01; v < type.MaxSpeedMps; v += 0.001)
        {
            var q = v / (IdmModel.EquilibriumGapM(v, type.MaxSpeedMps, in p) + type.LengthM) * 3600;
            if (q > best.Q)
            {
                best = (q, v);
            }
        }

        return best;
    }

    [TestCase("highway", 2519)]
    [TestCase("city", 1957)]
    [TestCase("2000", 1743)]
    public void IdmCapacity_MatchesBookValue_AndDetectorMeasuresIt(string set, double bookVehPerHour)
    {
        var type = set switch { "highway" => Scenarios.IdmHighway, "city" => Scenarios.IdmCity, _ => Scenarios.Idm2000 };
        var (q, v) = AnalyticIdmCapacity(type);
        Assert.That(q, Is.EqualTo(bookVehPerHour).Within(0.5).Percent, "analytic capacity from the equilibrium relation");

        // A ring at the capacity point: N vehicles at spacing s_e(v*) + l, all at v*.
        var p = new CarFollowParameters(type);
        const int count = 40;
        var spacing = IdmModel.EquilibriumGapM(v, type.MaxSpeedMps, in p) + type.LengthM;
        var length = count * spacing;
        var (network, edges) = NetworkBuilder.Ring(length, segments: 4, speedMps: type.MaxSpeedMps);
        using var sim = Scenarios.OnRing(network, edges, length, count, type, v);
        var loop = new InductionLoop("d0", network.Edges[edges[0]].FirstLane, 10, intervalMs: 600_000);
        sim.Detectors.Add(loop);
        sim.RunUntil(Ecs.Timing.SimTime.FromSeconds(600L));

        Assert.That(sim.Running, Is.EqualTo(count));
        var measured = loop.Rows.Single().Count * 6.0;
        Assert.That(measured, Is.EqualTo(q).Within(2).Percent, $"flow measured on the ring ({set} set)");
        Assert.That(sim.GapViolations, Is.Zero);
    }

    [Test]
    public void KraussCapacity_AtSixtyKmh_Is2482VehPerHour()
    {
        // capacity = 3600 / ((l + minGap)/v + τ) = 2,482 veh/h at 16.66 m/s with SUMO's defaults and sigma 0.
        var type = VehicleType.SumoDefault with { Sigma = 0, SpeedFactorDev = 0, MaxSpeedMps = 16.66 };
        var formula = 3600 / ((type.LengthM + type.MinGapM) / 16.66 + type.TauS);
        Assert.That(formula, Is.EqualTo(2482).Within(1));

        const int count = 40;
        var spacing = 16.66 * type.TauS + type.LengthM + type.MinGapM;
        var length = count * spacing;
        var (network, edges) = NetworkBuilder.Ring(length, speedMps: 16.66);
        using var sim = Scenarios.OnRing(network, edges, length, count, type, 16.66);
        var loop = new InductionLoop("d0", network.Edges[edges[2]].FirstLane, 5, intervalMs: 600_000);
        sim.Detectors.Add(loop);
        sim.Step();
        Assert.That(sim.Running, Is.EqualTo(count), "all vehicles inserted in the first step");
        sim.RunUntil(Ecs.Timing.SimTime.FromSeconds(600L));

        Assert.That(loop.Rows.Single().Count * 6.0, Is.EqualTo(formula).Within(2).Percent);
    }
}
