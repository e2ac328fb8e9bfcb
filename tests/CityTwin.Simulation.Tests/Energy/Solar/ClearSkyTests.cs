using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Tests.Energy.Solar;

/// <summary>Haurwitz clear-sky GHI against pvlib's test values (energy.md §2.2).</summary>
public class ClearSkyTests
{
    [TestCase(90.0, 1035.0920)]
    [TestCase(50.0, 778.7667)]
    [TestCase(30.0, 487.8941)]
    [TestCase(10.0, 135.7417)]
    [TestCase(5.0, 48.6299)]
    public void HaurwitzGhiWm2_PvlibElevations_MatchPvlib(double elevationDeg, double expectedWm2)
    {
        Assert.That(ClearSky.HaurwitzGhiWm2(90.0 - elevationDeg), Is.EqualTo(expectedWm2).Within(1e-3));
    }

    [TestCase(90.0)]
    [TestCase(120.0)]
    public void HaurwitzGhiWm2_SunAtOrBelowHorizon_IsZero(double zenithDeg)
    {
        Assert.That(ClearSky.HaurwitzGhiWm2(zenithDeg), Is.EqualTo(0.0));
    }
}
