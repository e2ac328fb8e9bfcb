using CityTwin.Ecs.Randomness;
using CityTwin.Scenarios.Running;
using CityTwin.Traffic.Demand;

namespace CityTwin.Scenarios.Tests.Running;

public sealed class DemandScalingTests
{
    [Test]
    public void Scale_KeepsTheExpectedShare_WithUniqueIds_AndIsSeeded()
    {
        var trips = Enumerable.Range(0, 2000).Select(i => new TripRequest($"t{i}", i * 1000L, 0, 1)).ToList();
        var up = DemandScaling.Scale(trips, 1.5, new SeededRandom(7));
        var down = DemandScaling.Scale(trips, 0.25, new SeededRandom(7));
        Assert.Multiple(() =>
        {
            Assert.That(up, Has.Count.InRange(2900, 3100));
            Assert.That(up.Select(t => t.Id).Distinct().Count(), Is.EqualTo(up.Count));
            Assert.That(down, Has.Count.InRange(440, 560));
            Assert.That(DemandScaling.Scale(trips, 1.5, new SeededRandom(7)).Select(t => t.Id), Is.EqualTo(up.Select(t => t.Id)));
            Assert.That(DemandScaling.Scale(trips, 0, new SeededRandom(7)), Is.Empty);
            Assert.That(DemandScaling.Scale(trips, 1, new SeededRandom(7)), Is.SameAs(trips));
        });
    }
}
