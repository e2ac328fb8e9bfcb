using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Tests.Energy.Solar;

/// <summary>Sunrise/sunset against NREL SPA values (energy.md §2.1), tolerance 2 minutes.</summary>
public class SunriseSunsetTests
{
    private const double Latitude = 39.742476;
    private const double Longitude = -105.1786;
    private const double ToleranceMin = 2.0;

    private static double Minutes(int h, int m, int s) => (h * 60.0) + m + (s / 60.0);

    [Test]
    public void SunriseSunset_SpaExampleDate_WithinTwoMinutesOfSpa()
    {
        SunriseSunset r = SolarCalculator.SunriseSunset(new DateOnly(2003, 10, 17), Latitude, Longitude, -7.0);
        Assert.That(r.Kind, Is.EqualTo(DaylightKind.Normal));
        Assert.That(r.SunriseMin, Is.EqualTo(Minutes(6, 12, 43)).Within(ToleranceMin));
        Assert.That(r.SunsetMin, Is.EqualTo(Minutes(17, 20, 19)).Within(ToleranceMin));
    }

    [TestCase(2015, 1, 2, 7, 21, 55, 12, 4, 45, 16, 47, 43)]
    [TestCase(2015, 8, 2, 5, 0, 27, 12, 6, 58, 19, 13, 58)]
    public void SunriseSunset_PvlibSpaGoldenDates_WithinTwoMinutes(
        int year, int month, int day, int rh, int rm, int rs, int th, int tm, int ts, int sh, int sm, int ss)
    {
        SunriseSunset r = SolarCalculator.SunriseSunset(new DateOnly(year, month, day), Latitude, Longitude, -7.0);
        Assert.That(r.SunriseMin, Is.EqualTo(Minutes(rh, rm, rs)).Within(ToleranceMin));
        Assert.That(r.SolarNoonMin, Is.EqualTo(Minutes(th, tm, ts)).Within(ToleranceMin));
        Assert.That(r.SunsetMin, Is.EqualTo(Minutes(sh, sm, ss)).Within(ToleranceMin));
    }

    [Test]
    public void SunriseSunset_TromsoMidsummer_IsPolarDay()
    {
        SunriseSunset r = SolarCalculator.SunriseSunset(new DateOnly(2025, 6, 21), 69.65, 18.96, 2.0);
        Assert.That(r.Kind, Is.EqualTo(DaylightKind.PolarDay));
        Assert.That(r.DaylightHours, Is.EqualTo(24.0));
    }

    [Test]
    public void SunriseSunset_TromsoMidwinter_IsPolarNight()
    {
        SunriseSunset r = SolarCalculator.SunriseSunset(new DateOnly(2025, 12, 21), 69.65, 18.96, 1.0);
        Assert.That(r.Kind, Is.EqualTo(DaylightKind.PolarNight));
        Assert.That(r.DaylightHours, Is.EqualTo(0.0));
    }

    [Test]
    public void SunriseSunset_Sunrise_SunElevationIsMinusPoint833()
    {
        // Self-consistency: at the computed sunrise the geometric elevation is the horizon altitude −0.833°.
        SunriseSunset r = SolarCalculator.SunriseSunset(new DateOnly(2025, 3, 1), 50.0, 9.7, 1.0);
        DateTime utc = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(r.SunriseMin - 60.0);
        SolarPosition p = SolarCalculator.Position(utc, 50.0, 9.7, 0.0, 10.0); // zero pressure: no refraction
        Assert.That(p.ElevationDeg, Is.EqualTo(SolarCalculator.SunriseAltitudeDeg).Within(0.01));
    }
}
