using CityTwin.Simulation.Emissions;

namespace CityTwin.Simulation.Tests.Emissions;

/// <summary>SUMO Energy model with the Kia Soul defaults (energy.md §4.5).</summary>
public class EvEnergyModelTests
{
    [Test]
    public void StepEnergyWh_Cruise50_82Point9WhPerKm()
    {
        double v = 50.0 / 3.6;
        double wh = EvEnergyModel.StepEnergyWh(EvParameters.KiaSoul, v, v);
        Assert.That(wh, Is.EqualTo(1.151).Within(0.0005));
        Assert.That(wh / (v / 1000.0), Is.EqualTo(82.9).Within(0.05));
    }

    [Test]
    public void StepEnergyWh_Cruise100_171Point7WhPerKm()
    {
        double v = 100.0 / 3.6;
        Assert.That(EvEnergyModel.StepEnergyWh(EvParameters.KiaSoul, v, v) / (v / 1000.0), Is.EqualTo(171.7).Within(0.05));
    }

    [Test]
    public void StepEnergyWh_Accelerating50_8Point25Wh()
    {
        double v = 50.0 / 3.6;
        Assert.That(EvEnergyModel.StepEnergyWh(EvParameters.KiaSoul, v, v - 1.0), Is.EqualTo(8.25).Within(0.01));
    }

    [Test]
    public void BatteryPowerW_Braking_Recuperates()
    {
        Assert.That(EvEnergyModel.BatteryPowerW(EvParameters.KiaSoul, 10.0, 12.0), Is.LessThan(0.0));
    }

    [Test]
    public void Battery_DefaultStart_HalfFullAndClamped()
    {
        var b = new EvBattery(EvParameters.KiaSoul.BatteryCapacityWh);
        Assert.That(b.StateOfCharge, Is.EqualTo(0.5));
        Assert.That(b.Apply(100_000.0), Is.EqualTo(17_500.0));
        Assert.That(b.StateOfCharge, Is.EqualTo(0.0));
    }

    [Test]
    public void ChargingStation_OneHourAt22kW_StoresPowerTimesEfficiency()
    {
        var b = new EvBattery(100_000.0, 0.0);
        var s = new ChargingStation();
        double grid = s.Charge(ref b, 3600.0);
        Assert.That(grid, Is.EqualTo(22_000.0).Within(1e-6));
        Assert.That(b.ChargeWh, Is.EqualTo(20_900.0).Within(1e-6));
    }

    [Test]
    public void ChargingStation_Curve_InterpolatesBySoc()
    {
        var s = new ChargingStation(50_000.0, 0.95, [0.5, 1.0], [45_000.0, 20_000.0]);
        Assert.That(s.GridPowerW(0.2), Is.EqualTo(45_000.0));
        Assert.That(s.GridPowerW(0.75), Is.EqualTo(32_500.0).Within(1e-9));
        Assert.That(s.GridPowerW(1.0), Is.EqualTo(0.0));
    }
}
