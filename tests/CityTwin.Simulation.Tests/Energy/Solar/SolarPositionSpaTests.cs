using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Tests.Energy.Solar;

/// <summary>
/// NREL SPA's published example (Reda &amp; Andreas, NREL/TP-560-34302, spa.c header; energy.md §2.1 and §7.2):
/// 2003-10-17 12:30:30 local, UTC−7, 39.742476 N, 105.1786 W, 820 mbar, 11 °C.
/// </summary>
public class SolarPositionSpaTests
{
    private const double Latitude = 39.742476;
    private const double Longitude = -105.1786;
    private static readonly DateTime SpaInstantUtc = new(2003, 10, 17, 19, 30, 30, DateTimeKind.Utc);

    [Test]
    public void JulianDay_SpaInstant_MatchesSpa()
    {
        Assert.That(SolarCalculator.JulianDay(SpaInstantUtc), Is.EqualTo(2452930.312847).Within(1e-6));
    }

    [Test]
    public void Position_SpaExample_ZenithWithinOneHundredthDegree()
    {
        SolarPosition p = SolarCalculator.Position(SpaInstantUtc, Latitude, Longitude, 820.0, 11.0);
        Assert.That(p.ZenithDeg, Is.EqualTo(50.11162).Within(0.01));
    }

    [Test]
    public void Position_SpaExample_AzimuthWithinOneHundredthDegree()
    {
        SolarPosition p = SolarCalculator.Position(SpaInstantUtc, Latitude, Longitude, 820.0, 11.0);
        Assert.That(p.AzimuthDeg, Is.EqualTo(194.34024).Within(0.01));
    }

    [Test]
    public void Position_SpaExample_DeclinationMatchesSpa()
    {
        SolarPosition p = SolarCalculator.Position(SpaInstantUtc, Latitude, Longitude, 820.0, 11.0);
        Assert.That(p.DeclinationDeg, Is.EqualTo(-9.31434).Within(0.01));
    }

    [Test]
    public void Position_NextDaySameTime_MatchesSpaApparentZenithAndAzimuth()
    {
        SolarPosition p = SolarCalculator.Position(SpaInstantUtc.AddDays(1), Latitude, Longitude, 820.0, 11.0);
        Assert.That(p.ZenithDeg, Is.EqualTo(50.478260).Within(0.01));
        Assert.That(p.AzimuthDeg, Is.EqualTo(194.311132).Within(0.01));
    }

    [Test]
    public void CosAngleOfIncidence_SpaSlopeAndRotation_MatchesSpaIncidence()
    {
        // SPA: slope 30°, azimuth rotation −10° from south, i.e. the surface faces 170° from north.
        SolarPosition p = SolarCalculator.Position(SpaInstantUtc, Latitude, Longitude, 820.0, 11.0);
        double incidenceDeg = Math.Acos(Irradiance.CosAngleOfIncidence(p.ZenithDeg, p.AzimuthDeg, 30.0, 170.0)) * 180.0 / Math.PI;
        Assert.That(incidenceDeg, Is.EqualTo(25.18700).Within(0.01));
    }

    [Test]
    public void RefractionDeg_SpaConditions_MatchesSpaApparentMinusTrueElevation()
    {
        // SPA: e0 = 39.872046°, apparent elevation 39.888378°.
        Assert.That(SolarCalculator.RefractionDeg(39.872046, 820.0, 11.0), Is.EqualTo(39.888378 - 39.872046).Within(1e-5));
    }

    [Test]
    public void Position_SouthernHemisphereNoon_SunIsNorth()
    {
        // Sydney (151.2 E), local solar noon ≈ 02:00 UTC on 21 June: the sun culminates due north.
        SolarPosition p = SolarCalculator.Position(new DateTime(2025, 6, 21, 1, 58, 0, DateTimeKind.Utc), -33.87, 151.21);
        Assert.That(Math.Min(p.AzimuthDeg, 360.0 - p.AzimuthDeg), Is.LessThan(3.0));
        Assert.That(p.ElevationDeg, Is.EqualTo(90.0 - 33.87 - 23.44).Within(0.3));
    }
}
