using CityTwin.Simulation.Energy.Pv;

namespace CityTwin.Simulation.Tests.Energy.Pv;

/// <summary>PVWatts v5 against pvlib's test values (energy.md §2.3, §7.2).</summary>
public class PvWattsTests
{
    [Test]
    public void DcPowerW_PvlibCase_Is88Point65()
    {
        Assert.That(PvWatts.DcPowerW(900.0, 30.0, 100.0, -0.003), Is.EqualTo(88.65).Within(1e-9));
    }

    [Test]
    public void DefaultSystemLossPercent_PvWattsDefaults_Is14Point075661()
    {
        Assert.That(PvWatts.DefaultSystemLossPercent, Is.EqualTo(14.075660688).Within(1e-8));
    }

    [TestCase(90.0, 85.58556604752516)]
    [TestCase(50.0, 47.60843624)]
    [TestCase(100.0, 95.0)]
    public void InverterAcW_PvlibCases_MatchPvlib(double dcW, double expectedAcW)
    {
        Assert.That(PvWatts.InverterAcW(dcW, 100.0, 0.95), Is.EqualTo(expectedAcW).Within(1e-6));
    }

    [Test]
    public void InverterAcW_Overload_ClippedAtAcRating()
    {
        Assert.That(PvWatts.InverterAcW(130.0, 100.0, 0.95), Is.EqualTo(95.0));
    }

    [TestCase(0.0)]
    [TestCase(-5.0)]
    public void InverterAcW_NoDc_IsZero(double dcW)
    {
        Assert.That(PvWatts.InverterAcW(dcW, 100.0, 0.95), Is.EqualTo(0.0));
    }

    [Test]
    public void FaimanCellTemperatureC_PvlibCase_Is35Point203()
    {
        Assert.That(PvWatts.FaimanCellTemperatureC(900.0, 20.0, 5.0), Is.EqualTo(35.203).Within(0.0005));
    }
}
