using CityTwin.Simulation.Energy.Grid;

namespace CityTwin.Simulation.Tests.Energy.Grid;

public class SyntheticFeederTests
{
    [Test]
    public void MinimumSpanningTree_BuildingsInARow_ChainFromSubstation()
    {
        FeederLine[] lines = SyntheticFeeder.MinimumSpanningTree(0, 0, [30.0, 10.0, 20.0], [0.0, 0.0, 0.0]);
        RadialFeeder f = RadialFeeder.Create(4, 0, lines);
        Assert.That(f.Parent[2], Is.EqualTo(0)); // building 1 at 10 m
        Assert.That(f.Parent[3], Is.EqualTo(2)); // building 2 at 20 m
        Assert.That(f.Parent[1], Is.EqualTo(3)); // building 0 at 30 m
        Assert.That(f.ResistanceToParentOhm[1], Is.EqualTo(SyntheticFeeder.NayyResistanceOhmPerKm * 0.010).Within(1e-12));
    }

    [Test]
    public void MinimumSpanningTree_PowerFlow_VoltageFallsAlongTheChain()
    {
        double[] x = Enumerable.Range(1, 20).Select(i => i * 25.0).ToArray();
        double[] y = new double[20];
        RadialFeeder f = RadialFeeder.Create(21, 0, SyntheticFeeder.MinimumSpanningTree(0, 0, x, y));
        var p = new double[21];
        var q = new double[21];
        for (int i = 1; i < 21; i++)
        {
            p[i] = 3_000.0;
        }

        var solver = new BackwardForwardSweep(f);
        PowerFlowResult r = solver.Solve(p, q, 400.0);
        Assert.That(r.Converged, Is.True);
        Assert.That(r.MinVoltageBus, Is.EqualTo(20));
        for (int i = 1; i < 21; i++)
        {
            Assert.That(solver.VoltagePu[i], Is.LessThan(solver.VoltagePu[i - 1]));
        }
    }

    [Test]
    public void MinimumSpanningTree_TotalLength_NoLongerThanStar()
    {
        var rng = new Random(5);
        double[] x = Enumerable.Range(0, 60).Select(_ => rng.NextDouble() * 300.0).ToArray();
        double[] y = Enumerable.Range(0, 60).Select(_ => rng.NextDouble() * 300.0).ToArray();
        double mst = SyntheticFeeder.MinimumSpanningTree(150, 150, x, y).Sum(l => l.ResistanceOhm);
        double star = x.Select((xi, i) => Math.Sqrt(((xi - 150) * (xi - 150)) + ((y[i] - 150) * (y[i] - 150)))).Sum() / 1000.0 * SyntheticFeeder.NayyResistanceOhmPerKm;
        Assert.That(mst, Is.LessThan(star));
    }
}
