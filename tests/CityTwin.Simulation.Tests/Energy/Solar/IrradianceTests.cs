using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Tests.Energy.Solar;

/// <summary>Erbs decomposition (pvlib <c>test_erbs</c>) and isotropic transposition.</summary>
public class IrradianceTests
{
    [Test]
    public void Erbs_HighSunClearSky_MatchesPvlib()
    {
        IrradianceComponents c = Irradiance.Erbs(1000.0, 10.0, 1);
        Assert.That(c.DirectNormalWm2, Is.EqualTo(794.2).Within(0.5));
        Assert.That(c.DiffuseHorizontalWm2, Is.EqualTo(217.9).Within(0.5));
    }

    [Test]
    public void Erbs_LowSun_MatchesPvlib()
    {
        IrradianceComponents c = Irradiance.Erbs(50.0, 85.0, 1);
        Assert.That(c.DirectNormalWm2, Is.EqualTo(96.7).Within(0.5));
        Assert.That(c.DiffuseHorizontalWm2, Is.EqualTo(41.6).Within(0.5));
    }

    [Test]
    public void Erbs_Components_ReassembleGhi()
    {
        IrradianceComponents c = Irradiance.Erbs(600.0, 40.0, 180);
        double reassembled = (c.DirectNormalWm2 * Math.Cos(40.0 * Math.PI / 180.0)) + c.DiffuseHorizontalWm2;
        Assert.That(reassembled, Is.EqualTo(600.0).Within(1e-9));
    }

    [Test]
    public void PlaneOfArrayWm2_HorizontalPlane_EqualsGhi()
    {
        IrradianceComponents c = Irradiance.Erbs(600.0, 40.0, 180);
        Assert.That(Irradiance.PlaneOfArrayWm2(c, 40.0, 150.0, 0.0, 180.0), Is.EqualTo(600.0).Within(1e-9));
    }

    [Test]
    public void PlaneOfArrayWm2_NorthFacadeWithSunInSouth_OnlyDiffuseAndGround()
    {
        var c = new IrradianceComponents(600.0, 500.0, 200.0);
        double poa = Irradiance.PlaneOfArrayWm2(c, 40.0, 180.0, 90.0, 0.0, 0.2);
        Assert.That(poa, Is.EqualTo((200.0 / 2.0) + (0.2 * 600.0 / 2.0)).Within(1e-9));
    }

    [Test]
    public void PlaneOfArrayWm2_SurfaceFacingTheSun_GetsFullBeam()
    {
        var c = new IrradianceComponents(600.0, 500.0, 200.0);
        double poa = Irradiance.PlaneOfArrayWm2(c, 40.0, 180.0, 40.0, 180.0, 0.0);
        double expected = 500.0 + (200.0 * (1.0 + Math.Cos(40.0 * Math.PI / 180.0)) / 2.0);
        Assert.That(poa, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void ExtraterrestrialNormalWm2_Perihelion_HigherThanAphelion()
    {
        Assert.That(Irradiance.ExtraterrestrialNormalWm2(3), Is.GreaterThan(1400.0));
        Assert.That(Irradiance.ExtraterrestrialNormalWm2(185), Is.LessThan(1330.0));
    }
}
