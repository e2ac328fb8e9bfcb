using CityTwin.Ecs.Timing;

namespace CityTwin.Ecs.Tests.Timing;

public class SimTimeTests
{
    [Test]
    public void FromSeconds_TenthOfSecond_IsExactly100Ms()
    {
        Assert.That(SimTime.FromSeconds(0.1).Milliseconds, Is.EqualTo(100));
        Assert.That(SimTime.FromSeconds(2.0005).Milliseconds, Is.EqualTo(2001), "rounds half away from zero");
        Assert.That(SimTime.FromHours(2).Seconds, Is.EqualTo(7200));
    }

    [Test]
    public void FromSeconds_NotFinite_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimTime.FromSeconds(double.NaN));
    }

    [Test]
    public void ToString_FormatsClockTime()
    {
        Assert.That(SimTime.FromSeconds(3661).ToString(), Is.EqualTo("01:01:01"));
        Assert.That(new SimTime(SimTime.MsPerDay + 1500).ToString(), Is.EqualTo("1.00:00:01.500"));
    }
}

public class SimClockTests
{
    [Test]
    public void Advance_ManySmallSteps_DoesNotDrift()
    {
        var clock = new SimClock(SimTime.FromSeconds(0.1));
        for (var i = 0; i < 36_000; i++)
        {
            clock.Advance();
        }

        // 36,000 additions of 0.1 in floating point would be off; integer ms lands exactly on one hour.
        Assert.That(clock.Now, Is.EqualTo(SimTime.FromHours(1)));
        Assert.That(clock.Tick.StepIndex, Is.EqualTo(36_000));
    }

    [Test]
    public void Tick_IsMultipleOf_SelectsHourlySteps()
    {
        var clock = new SimClock(SimTime.FromSeconds(900));
        var hourly = 0;
        for (var i = 0; i < 96; i++)
        {
            hourly += clock.Tick.IsMultipleOf(SimTime.FromHours(1)) ? 1 : 0;
            clock.Advance();
        }

        Assert.That(hourly, Is.EqualTo(24));
    }

    [Test]
    public void StepsUntil_RoundsUp()
    {
        var clock = new SimClock(SimTime.FromSeconds(1), start: SimTime.FromSeconds(10));
        Assert.That(clock.StepsUntil(SimTime.FromSeconds(12.5)), Is.EqualTo(3));
        Assert.That(clock.StepsUntil(SimTime.FromSeconds(5)), Is.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SimClock(SimTime.Zero));
    }
}
