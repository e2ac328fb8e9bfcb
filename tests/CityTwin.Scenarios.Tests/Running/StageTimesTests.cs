using CityTwin.Scenarios.Running;

namespace CityTwin.Scenarios.Tests.Running;

public sealed class StageTimesTests
{
    [Test]
    public void Add_SumsARepeatedStage_AndKeepsTheOrderOfFirstUse()
    {
        var times = new StageTimes();
        times.Add("load city", 0.25);
        times.Add("traffic", 1.0);
        times.Add("load city", 0.5);
        var other = new StageTimes();
        other.Add("traffic", 2.0);
        other.Add("outputs", 0.125);
        times.AddAll(other);
        Assert.Multiple(() =>
        {
            Assert.That(times.Stages.Select(s => s.Key), Is.EqualTo(new[] { "load city", "traffic", "outputs" }));
            Assert.That(times.Stages.Select(s => s.Value), Is.EqualTo(new[] { 0.75, 3.0, 0.125 }));
            Assert.That(times.ToString(), Is.EqualTo("load city 0.75 s · traffic 3.00 s · outputs 0.13 s"));
        });
    }

    [Test]
    public void Lap_AddsTheTimeSinceItsStart_AndReturnsTheNextStart()
    {
        var times = new StageTimes();
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var next = times.Lap("stage", start);
        Assert.Multiple(() =>
        {
            Assert.That(next, Is.GreaterThanOrEqualTo(start));
            Assert.That(times.Stages.Single().Value, Is.EqualTo(System.Diagnostics.Stopwatch.GetElapsedTime(start, next).TotalSeconds));
        });
    }
}
