using CityTwin.Simulation.Emissions;

namespace CityTwin.Simulation.Tests.Emissions;

/// <summary>VSP values re-computed in energy.md §4.3.</summary>
public class VspModelTests
{
    [TestCase(50.0, 0.0, 2.64)]
    [TestCase(100.0, 0.0, 10.14)]
    [TestCase(50.0, 1.0, 17.92)]
    public void VspKWPerTonne_PublishedCases(double kmh, double a, double expected)
    {
        Assert.That(VspModel.VspKWPerTonne(kmh / 3.6, a), Is.EqualTo(expected).Within(0.005));
    }

    [Test]
    public void Mode_Cruise100_Mode7With4Point02GramsCo2()
    {
        int mode = VspModel.Mode(VspModel.VspKWPerTonne(100.0 / 3.6, 0.0));
        Assert.That(mode, Is.EqualTo(7));
        Assert.That(VspModel.Co2GPerS(mode), Is.EqualTo(4.02));
    }

    [TestCase(-5.0, 1)]
    [TestCase(-1.0, 2)]
    [TestCase(0.5, 3)]
    [TestCase(39.0, 14)]
    [TestCase(100.0, 14)]
    public void Mode_Boundaries(double vsp, int expected)
    {
        Assert.That(VspModel.Mode(vsp), Is.EqualTo(expected));
    }

    [Test]
    public void Co2GPerS_InvalidMode_Throws()
    {
        Assert.That(() => VspModel.Co2GPerS(15), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
