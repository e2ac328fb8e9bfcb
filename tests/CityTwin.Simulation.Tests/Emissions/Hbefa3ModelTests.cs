using CityTwin.Simulation.Emissions;

namespace CityTwin.Simulation.Tests.Emissions;

/// <summary>SUMO HBEFA3 PC_G_EU4 values re-computed in energy.md §4.1.</summary>
public class Hbefa3ModelTests
{
    private const double Kmh50 = 50.0 / 3.6;

    [Test]
    public void EmissionMgPerS_PcGEu4Idle_Co2Is2624Point7()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.CO2, 0.0, 0.0), Is.EqualTo(2624.7).Within(0.05));
    }

    [Test]
    public void EmissionMgPerS_PcGEu4Idle_FuelIs837Point2()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.Fuel, 0.0, 0.0), Is.EqualTo(837.2).Within(0.05));
    }

    [Test]
    public void EmissionMgPerS_PcGEu4Cruise50_Co2Is2336Point9AndPerKm168Point3()
    {
        double mgPerS = Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.CO2, Kmh50, 0.0);
        Assert.That(mgPerS, Is.EqualTo(2336.9).Within(0.05));
        Assert.That(mgPerS / Kmh50, Is.EqualTo(168.3).Within(0.05)); // mg/m = g/km
    }

    [Test]
    public void EmissionMgPerS_PcGEu4Accelerating50_Co2Is5957Point3()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.CO2, Kmh50, 1.0), Is.EqualTo(5957.3).Within(0.05));
    }

    [Test]
    public void EmissionMgPerS_PcGEu4Cruise100_Co2Is5077Point7()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.CO2, 100.0 / 3.6, 0.0), Is.EqualTo(5077.7).Within(0.05));
    }

    [Test]
    public void EmissionMgPerS_HardBraking_NeverNegative()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.CO2, Kmh50, -4.0), Is.GreaterThanOrEqualTo(0.0));
    }

    [Test]
    public void EmissionMgPerS_BelowCoastingDecel_Zero()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcGEu4, Pollutant.CO2, Kmh50, -1.0, coastingDecelMps2: -0.5), Is.EqualTo(0.0));
    }

    [Test]
    public void FuelMlPerS_DieselUses836GramsPerLitre()
    {
        double mg = Hbefa3Model.EmissionMgPerS(Hbefa3Classes.PcDEu6, Pollutant.Fuel, Kmh50, 0.0);
        Assert.That(Hbefa3Model.FuelMlPerS(Hbefa3Classes.PcDEu6, Kmh50, 0.0), Is.EqualTo(mg / 836.0).Within(1e-12));
    }

    [Test]
    public void EmissionMgPerS_BusAtIdle_CoefficientOverThreePointSix()
    {
        Assert.That(Hbefa3Model.EmissionMgPerS(Hbefa3Classes.Bus, Pollutant.CO2, 0.0, 0.0), Is.EqualTo(19030 / 3.6).Within(1e-9));
    }

    [Test]
    public void ByName_KnownClasses_Found()
    {
        Assert.That(Hbefa3Classes.ByName.Keys, Is.SupersetOf(new[] { "PC_G_EU4", "PC_D_EU6", "Bus", "HDV" }));
    }
}
