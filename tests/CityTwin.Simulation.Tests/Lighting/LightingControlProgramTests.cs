using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Tests.Lighting;

public class LightingControlProgramTests
{
    private static readonly DateOnly Evening = new(2025, 1, 15);
    private static readonly AstroClock Clock = new(50.1, 8.7, 1.0);

    [Test]
    public void LevelAt_Daytime_Off()
    {
        var p = new LightingControlProgram(Clock, DimmingProgram.D60);
        Assert.That(p.LevelAt(Evening, 13 * 60), Is.EqualTo(0.0));
    }

    [Test]
    public void LevelAt_D60Night_FollowsSchedule()
    {
        var p = new LightingControlProgram(Clock, DimmingProgram.D60);
        Assert.That(p.LevelAt(Evening, 19 * 60), Is.EqualTo(1.0));
        Assert.That(p.LevelAt(Evening, 1440 + (2 * 60)), Is.EqualTo(0.5));
    }

    [Test]
    public void LevelAt_PresenceIdle_CappedAtBaseAndBoostedOnDetection()
    {
        var presence = new PresenceAdaptiveControl(3, 0.3, 1.0, 30_000, 1);
        var p = new LightingControlProgram(Clock, DimmingProgram.D60, presence);
        Assert.That(p.LevelAt(Evening, 19 * 60, lamp: 2, nowMs: 0), Is.EqualTo(0.3));
        presence.Detect(1, 0);
        Assert.That(p.LevelAt(Evening, 1440 + (2 * 60), lamp: 2, nowMs: 10_000), Is.EqualTo(1.0));
        Assert.That(p.LevelAt(Evening, 1440 + (2 * 60), lamp: 2, nowMs: 30_000), Is.EqualTo(0.3));
    }

    [Test]
    public void Ledger_CityTotal_EqualsSumOverLamps()
    {
        var led = new Luminaire(LuminaireTechnology.Led, 50.0, dimmable: true);
        var ledger = new LampEnergyLedger([led, led, led]);
        var presence = new PresenceAdaptiveControl(3, 0.3, 1.0, 60_000, 0);
        var p = new LightingControlProgram(Clock, DimmingProgram.D60, presence);
        Clock.Night(Evening, out double on, out double off);
        presence.Detect(0, 0);
        long nowMs = 0;
        for (double minute = on; minute < off; minute += 1.0, nowMs += 60_000)
        {
            for (int lamp = 0; lamp < 3; lamp++)
            {
                ledger.Record(lamp, p.LevelAt(Evening, minute, lamp, nowMs), 60.0, presence.IsBoosted(lamp, nowMs));
            }
        }

        Assert.That(ledger.TotalKWh(), Is.EqualTo(ledger.TotalKWh([0, 1, 2])).Within(1e-12));
        Assert.That(ledger.EnergyWh[0], Is.GreaterThan(ledger.EnergyWh[1]));
        Assert.That(ledger.BoostedS[0], Is.EqualTo(60.0));
        Assert.That(ledger.BurningS[1] / 3600.0, Is.EqualTo((off - on) / 60.0).Within(1.0 / 60.0));
        Assert.That(ledger.DimmedS[1], Is.EqualTo(ledger.BurningS[1]));
    }
}
