using CityTwin.Model.Geometry;

namespace CityTwin.Model.Tests.Geometry;

public class LocalTransverseMercatorTests
{
    [Test]
    public void Forward_Centre_IsOrigin()
    {
        var p = new LocalTransverseMercator(7.42, 43.73);
        p.Forward(7.42, 43.73, out var x, out var y);

        Assert.That(Math.Abs(x) + Math.Abs(y), Is.LessThan(1e-9));
    }

    [Test]
    public void Forward_OnTheEquatorialCentralMeridian_GivesTheMeridianArc()
    {
        // WGS 84 meridian arc from the equator to 45° N: 4,984,944.378 m (standard geodesy tables).
        var p = new LocalTransverseMercator(0, 0);
        p.Forward(0, 45, out var x, out var y);

        Assert.That(x, Is.EqualTo(0).Within(1e-9));
        Assert.That(y, Is.EqualTo(4_984_944.378).Within(0.001));
    }

    [Test]
    public void Forward_UtmZone32_MatchesPublishedVaduzCoordinates()
    {
        // UTM 32N (central meridian 9°, k0 = 0.9996, false easting 500 km): Vaduz (9.5209, 47.1410) maps to
        // (539497.4, 5220964.7) (style.md §3, ProjNET). Our projection has k0 = 1 and no false origin, so scale it.
        var p = new LocalTransverseMercator(9, 0);
        p.Forward(9.5209, 47.1410, out var x, out var y);

        Assert.That((x * 0.9996) + 500_000, Is.EqualTo(539_497.4).Within(0.1));
        Assert.That(y * 0.9996, Is.EqualTo(5_220_964.7).Within(0.1));
    }

    [TestCase(7.40, 43.72)]
    [TestCase(7.49, 43.77)]
    [TestCase(24.95, 60.17)]
    [TestCase(-0.5, 51.5)]
    public void Inverse_AfterForward_RoundTripsToMicrodegrees(double lon, double lat)
    {
        var p = new LocalTransverseMercator(lon + 0.05, lat - 0.03);
        p.Forward(lon, lat, out var x, out var y);
        p.Inverse(x, y, out var lon2, out var lat2);

        Assert.That(lon2, Is.EqualTo(lon).Within(1e-10));
        Assert.That(lat2, Is.EqualTo(lat).Within(1e-10));
    }

    [Test]
    public void Constructor_InvalidCentre_Throws()
    {
        Assert.That(() => new LocalTransverseMercator(200, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new LocalTransverseMercator(0, double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
