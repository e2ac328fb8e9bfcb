using CityTwin.Simulation.Energy.Grid;

namespace CityTwin.Simulation.Tests.Energy.Grid;

/// <summary>IEEE 33-bus (Baran &amp; Wu) validation: losses 202.677 kW / 135.141 kvar, V_min 0.91309 pu at bus 18.</summary>
public class BackwardForwardSweepTests
{
    private static PowerFlowResult SolveIeee33(out BackwardForwardSweep solver)
    {
        RadialFeeder feeder = RadialFeeder.Create(33, 0, Ieee33BusFeeder.LineList());
        solver = new BackwardForwardSweep(feeder);
        return solver.Solve(Ieee33BusFeeder.ActiveLoadW(), Ieee33BusFeeder.ReactiveLoadVar(), Ieee33BusFeeder.NominalVoltageV);
    }

    [Test]
    public void Solve_Ieee33_DataSumsToPublishedLoad()
    {
        Assert.That(Ieee33BusFeeder.ActiveLoadW().Sum(), Is.EqualTo(3_715_000.0));
        Assert.That(Ieee33BusFeeder.ReactiveLoadVar().Sum(), Is.EqualTo(2_300_000.0));
    }

    [Test]
    public void Solve_Ieee33_ActiveLossesAre202Point677kW()
    {
        PowerFlowResult r = SolveIeee33(out _);
        Assert.That(r.Converged, Is.True);
        Assert.That(r.LossesW / 1000.0, Is.EqualTo(202.677).Within(0.001));
    }

    [Test]
    public void Solve_Ieee33_ReactiveLossesAre135Point141kvar()
    {
        PowerFlowResult r = SolveIeee33(out _);
        Assert.That(r.LossesVar / 1000.0, Is.EqualTo(135.141).Within(0.001));
    }

    [Test]
    public void Solve_Ieee33_LowestVoltageIsAtBus18()
    {
        PowerFlowResult r = SolveIeee33(out BackwardForwardSweep solver);
        Assert.That(r.MinVoltageBus + 1, Is.EqualTo(18));
        Assert.That(r.MinVoltagePu, Is.EqualTo(0.91309).Within(0.000005));
        Assert.That(solver.VoltagePu[32], Is.EqualTo(0.91659).Within(0.000005));
    }

    [Test]
    public void Solve_Ieee33_ConvergesInAboutElevenSweeps()
    {
        PowerFlowResult r = SolveIeee33(out _);
        Assert.That(r.Iterations, Is.InRange(8, 14));
    }

    [Test]
    public void Solve_NoLoad_FlatVoltageAndNoLosses()
    {
        RadialFeeder feeder = RadialFeeder.Create(33, 0, Ieee33BusFeeder.LineList());
        PowerFlowResult r = new BackwardForwardSweep(feeder).Solve(new double[33], new double[33], 400.0);
        Assert.That(r.LossesW, Is.EqualTo(0.0));
        Assert.That(r.MinVoltagePu, Is.EqualTo(1.0));
    }

    [Test]
    public void Solve_TwoBusAnalytic_MatchesClosedForm()
    {
        // 400 V, R = 0.1 Ω, P = 10 kW at unity: exact V solves V² − V·V0 + P·R = 0 (per unit, real).
        RadialFeeder feeder = RadialFeeder.Create(2, 0, [new FeederLine(0, 1, 0.1, 0.0)]);
        PowerFlowResult r = new BackwardForwardSweep(feeder).Solve([0.0, 10_000.0], [0.0, 0.0], 400.0);
        double pr = 10_000.0 / 1e6 * (0.1 / (400.0 * 400.0 / 1e6));
        double v = (1.0 + Math.Sqrt(1.0 - (4.0 * pr))) / 2.0;
        Assert.That(r.MinVoltagePu, Is.EqualTo(v).Within(1e-9));
        Assert.That(r.LossesW, Is.EqualTo(10_000.0 * ((1.0 / v) - 1.0)).Within(1e-3));
    }
}
