using CityTwin.Simulation.Energy.Solar;
using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Tests.Lighting;

public class LightingControlTests
{
    private static readonly AstroClock Frankfurt = new(50.1, 8.7, 1.0);

    [Test]
    public void BurningHours_Year_EqualsNightLengthFromSunModel()
    {
        double expected = 0.0;
        var first = new DateOnly(2025, 1, 1);
        for (int d = 0; d < 365; d++)
        {
            SunriseSunset today = SolarCalculator.SunriseSunset(first.AddDays(d), 50.1, 8.7, 1.0);
            SunriseSunset tomorrow = SolarCalculator.SunriseSunset(first.AddDays(d + 1), 50.1, 8.7, 1.0);
            expected += (1440.0 + tomorrow.SunriseMin - today.SunsetMin) / 60.0;
        }

        double hours = Frankfurt.BurningHours(first, 365);
        Assert.That(hours, Is.EqualTo(expected).Within(1e-6));
        Assert.That(hours, Is.InRange(4000.0, 4300.0)); // energy.md §3.2: ≈ 4,000–4,200 h at mid-latitudes
    }

    [Test]
    public void BurningHours_Offsets_ShortenEachNight()
    {
        var withOffsets = new AstroClock(50.1, 8.7, 1.0, sunsetOffsetMin: 15, sunriseOffsetMin: -15);
        var first = new DateOnly(2025, 3, 1);
        Assert.That(withOffsets.BurningHours(first, 10), Is.EqualTo(Frankfurt.BurningHours(first, 10) - 5.0).Within(1e-9));
    }

    [Test]
    public void Night_PolarDay_NoBurning()
    {
        var tromso = new AstroClock(69.65, 18.96, 1.0);
        Assert.That(tromso.BurningHours(new DateOnly(2025, 6, 21), 1), Is.EqualTo(0.0));
    }

    [Test]
    public void LevelAt_D60_StepsAcrossMidnight()
    {
        Assert.That(DimmingProgram.D60.LevelAt(18 * 60), Is.EqualTo(1.0));
        Assert.That(DimmingProgram.D60.LevelAt(21 * 60), Is.EqualTo(0.7));
        Assert.That(DimmingProgram.D60.LevelAt(23 * 60), Is.EqualTo(0.5));
        Assert.That(DimmingProgram.D60.LevelAt(3 * 60), Is.EqualTo(0.5));
        Assert.That(DimmingProgram.D60.LevelAt(6 * 60), Is.EqualTo(1.0));
    }

    [Test]
    public void EnergyWh_Led70WFullPower4100Hours_287kWh()
    {
        var led = new Luminaire(LuminaireTechnology.Led, 70.0, dimmable: true);
        double perNight = DimmingProgram.None.EnergyWh(led, 1020.0, 1440.0 + 420.0); // 17:00 → 07:00, 14 h
        Assert.That(perNight, Is.EqualTo(70.0 * 14.0).Within(1e-9));

        // energy.md §7.2 sanity: 4,100 burning hours at full power → 287 kWh/a (here as 4,100 one-hour periods).
        double yearKWh = 4100 * DimmingProgram.None.EnergyWh(led, 1020.0, 1080.0) / 1000.0;
        Assert.That(yearKWh, Is.EqualTo(287.0).Within(1e-9));
    }

    [Test]
    public void EnergyWh_D60FourteenHourNight_ExactStepIntegral()
    {
        // 17–20 h 100 %, 20–22 h 70 %, 22–05 h 50 %, 05–07 h 100 %: 3 + 1.4 + 3.5 + 2 = 9.9 full-power hours.
        var led = new Luminaire(LuminaireTechnology.Led, 70.0, dimmable: true);
        double wh = DimmingProgram.D60.EnergyWh(led, 1020.0, 1440.0 + 420.0);
        Assert.That(wh, Is.EqualTo(70.0 * 9.9).Within(1e-9));
        Assert.That(wh, Is.LessThan(70.0 * 14.0));
    }

    [Test]
    public void EnergyWh_HpsIgnoresDimming()
    {
        Luminaire hps = Luminaire.Typical(LightingClass.M4, LuminaireTechnology.HighPressureSodium);
        Assert.That(hps.SystemPowerW, Is.EqualTo(115.0).Within(1e-9));
        Assert.That(DimmingProgram.D60.EnergyWh(hps, 1020.0, 1860.0), Is.EqualTo(115.0 * 14.0).Within(1e-9));
    }

    [Test]
    public void PresenceAdaptive_EmptyRoad_StaysAtBaseAllNight()
    {
        var c = new PresenceAdaptiveControl(10, 0.3, 1.0, 60_000, 2);
        var levels = new double[10];
        for (long t = 0; t < 14 * 3_600_000L; t += 60_000)
        {
            c.Levels(t, levels);
            Assert.That(levels, Has.All.EqualTo(0.3));
        }
    }

    [Test]
    public void PresenceAdaptive_OneCar_BoostsLampsInRangeForHoldTime()
    {
        var c = new PresenceAdaptiveControl(10, 0.3, 1.0, 60_000, 2);
        c.Detect(5, 1_000);
        var levels = new double[10];
        c.Levels(1_000, levels);
        Assert.That(levels, Is.EqualTo(new[] { 0.3, 0.3, 0.3, 1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.3 }));
        c.Levels(60_999, levels);
        Assert.That(levels[3], Is.EqualTo(1.0));
        c.Levels(61_000, levels);
        Assert.That(levels, Has.All.EqualTo(0.3));
    }

    [Test]
    public void PresenceAdaptive_DetectionAtRoadEnd_SpreadClipped()
    {
        var c = new PresenceAdaptiveControl(4, 0.2, 1.0, 10_000, 3);
        c.Detect(0, 0);
        Assert.That(c.LevelAt(3, 0), Is.EqualTo(1.0));
        Assert.That(() => c.Detect(4, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Typical_LedReplacesHpsAtAbout63Percent()
    {
        Assert.That(Luminaire.Typical(LightingClass.M4, LuminaireTechnology.Led).SystemPowerW, Is.EqualTo(63.0));
    }
}
