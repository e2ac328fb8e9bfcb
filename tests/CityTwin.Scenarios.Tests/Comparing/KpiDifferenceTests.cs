using CityTwin.Scenarios.Comparing;

namespace CityTwin.Scenarios.Tests.Comparing;

public sealed class KpiDifferenceTests
{
    [Test]
    public void RelativeDifferenceAndSignificance()
    {
        var d = new KpiDifference("co2Kg", 200, 150, -50, -60, -40, 3, 3);
        Assert.Multiple(() =>
        {
            Assert.That(d.RelativeDifference, Is.EqualTo(-0.25).Within(1e-12));
            Assert.That(d.Significant, Is.True);
            Assert.That(new KpiDifference("x", 0, 1, 1, -1, 3, 3, 3).Significant, Is.False);
            Assert.That(new KpiDifference("x", 1, 2, 1, 1, 1, 1, 1).Significant, Is.False, "no interval from one replication");
            Assert.That(double.IsNaN(new KpiDifference("x", 0, 1, 1, -1, 3, 3, 3).RelativeDifference), Is.True);
        });
    }
}
