using CityTwin.Scenarios.Comparing;

namespace CityTwin.Scenarios.Tests.Comparing;

public sealed class RunComparerTests
{
    [Test]
    public void WelchInterval_MatchesAHandComputedCase()
    {
        // A: 10, 12, 14 (mean 12, var 4); B: 20, 21, 22, 23 (mean 21.5, var 5/3). se² = 4/3 + 5/12 = 1.75;
        // Welch df = 1.75² / ((4/3)²/2 + (5/12)²/3) = 3.0625 / (0.888889 + 0.0578704) = 3.23477; t(0.975, 3.23477) = 3.0551…
        var rows = RunComparer.Compare(
            new Dictionary<string, double[]> { ["x"] = [10, 12, 14], ["seed"] = [1, 2, 3] },
            new Dictionary<string, double[]> { ["x"] = [20, 21, 22, 23], ["seed"] = [1, 2, 3, 4] });
        var x = rows.Single();
        var halfWidth = (x.Ci95High - x.Ci95Low) / 2;
        Assert.Multiple(() =>
        {
            Assert.That(x.Name, Is.EqualTo("x"));
            Assert.That(x.Difference, Is.EqualTo(9.5));
            Assert.That(halfWidth / Math.Sqrt(1.75), Is.EqualTo(3.0551).Within(0.01));
            Assert.That(x.Significant, Is.True);
        });
    }

    [Test]
    public void PairedInterval_UsesPerReplicationDifferences()
    {
        // Differences 2, 3, 4: mean 3, sd 1, se 1/√3, t(0.975, 2) = 4.3027 → ±2.4841. Welch would be far wider.
        var a = new Dictionary<string, double[]> { ["x"] = [10, 20, 30] };
        var b = new Dictionary<string, double[]> { ["x"] = [12, 23, 34] };
        var paired = RunComparer.Compare(a, b, paired: true).Single();
        var welch = RunComparer.Compare(a, b).Single();
        Assert.Multiple(() =>
        {
            Assert.That(paired.Paired, Is.True);
            Assert.That(paired.Ci95High - paired.Difference, Is.EqualTo(2.4841).Within(1e-3));
            Assert.That(paired.Significant, Is.True);
            Assert.That(welch.Significant, Is.False, "unpaired, the city-wide spread between seeds hides the change");
        });
    }

    [Test]
    public void OneReplication_GivesAZeroWidthInterval_AndAMissingRunIsAClearError()
    {
        var x = RunComparer.Compare(new Dictionary<string, double[]> { ["x"] = [1] }, new Dictionary<string, double[]> { ["x"] = [2] }).Single();
        Assert.That((x.Ci95Low, x.Ci95High), Is.EqualTo((1.0, 1.0)));
        var e = Assert.Throws<InvalidDataException>(() => RunComparer.Compare("/nonexistent/a", "/nonexistent/b"))!;
        Assert.That(e.Message, Does.Contain("/nonexistent/a: not a finished run (no kpis.json)"));
    }
}
