using CityTwin.Simulation.Energy.Grid;

namespace CityTwin.Simulation.Tests.Energy.Grid;

public class FeederClusteringTests
{
    private static (double[] X, double[] Y) ThreeTowns(int seed)
    {
        // Three well-separated groups of 50 buildings around (0,0), (5000,0) and (0,5000) metres.
        var rng = new Random(seed);
        var x = new double[150];
        var y = new double[150];
        for (int i = 0; i < 150; i++)
        {
            int g = i / 50;
            x[i] = (g == 1 ? 5000.0 : 0.0) + (rng.NextDouble() * 200.0);
            y[i] = (g == 2 ? 5000.0 : 0.0) + (rng.NextDouble() * 200.0);
        }

        return (x, y);
    }

    [Test]
    public void KMeans_ThreeSeparatedTowns_OneFeederPerTown()
    {
        (double[] x, double[] y) = ThreeTowns(1);
        FeederAssignment a = FeederClustering.KMeans(x, y, 3, seed: 42);
        for (int g = 0; g < 3; g++)
        {
            int feeder = a.FeederOfBuilding[g * 50];
            for (int i = g * 50; i < (g + 1) * 50; i++)
            {
                Assert.That(a.FeederOfBuilding[i], Is.EqualTo(feeder), $"building {i}");
            }
        }

        Assert.That(a.BuildingCounts(), Is.EquivalentTo(new[] { 50, 50, 50 }));
        Assert.That(a.Generated, Is.True);
    }

    [Test]
    public void KMeans_SameSeed_SameAssignment()
    {
        var rng = new Random(3);
        double[] x = Enumerable.Range(0, 500).Select(_ => rng.NextDouble() * 1000.0).ToArray();
        double[] y = Enumerable.Range(0, 500).Select(_ => rng.NextDouble() * 1000.0).ToArray();
        FeederAssignment a = FeederClustering.KMeans(x, y, 7, seed: 11);
        FeederAssignment b = FeederClustering.KMeans(x, y, 7, seed: 11);
        Assert.That(b.FeederOfBuilding, Is.EqualTo(a.FeederOfBuilding));
        Assert.That(b.SubstationX, Is.EqualTo(a.SubstationX));
    }

    [Test]
    public void KMeans_MoreFeedersThanBuildings_Throws()
    {
        Assert.That(() => FeederClustering.KMeans([0.0], [0.0], 2, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Nearest_MappedSubstations_ClosestWins()
    {
        FeederAssignment a = FeederClustering.Nearest([0.0, 90.0, 40.0], [0.0, 0.0, 0.0], [0.0, 100.0], [0.0, 0.0]);
        Assert.That(a.FeederOfBuilding, Is.EqualTo(new[] { 0, 1, 0 }));
        Assert.That(a.Generated, Is.False);
    }
}
