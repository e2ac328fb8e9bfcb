using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Energy.Buildings;

public class BuildingThermalModelTests
{
    [Test]
    public void ConstructionArchetypes_TabulaMfh1960s_TableValues()
    {
        EnvelopeArchetype e = ConstructionArchetypes.For(BuildingUse.MultiResidential, 1965);
        Assert.That(e.Name, Is.EqualTo("TABULA DE MFH E"));
        Assert.That(e.WallU, Is.EqualTo(1.2));
        Assert.That(e.RoofU, Is.EqualTo(0.51));
        Assert.That(e.WindowU, Is.EqualTo(3.0));
        Assert.That(e.BaseU, Is.EqualTo(1.08));
    }

    [TestCase(1859, "A")]
    [TestCase(1860, "B")]
    [TestCase(2016, "L")]
    public void ConstructionArchetypes_ClassBoundaries_Inclusive(int year, string cls)
    {
        Assert.That(ConstructionArchetypes.For(BuildingUse.SingleResidential, year).Name, Is.EqualTo($"TABULA DE SFH {cls}"));
    }

    [Test]
    public void ConstructionArchetypes_NonResidential_Bmvbs()
    {
        Assert.That(ConstructionArchetypes.For(BuildingUse.Office, 1990).Name, Is.EqualTo("BMVBS NR C"));
    }

    [Test]
    public void Create_KnownBox_AreasAndConductances()
    {
        // 10 × 10 m, 3 storeys of 3 m, MFH 1965: façade 40 × 9 = 360 m², window 0.225 → 81 m².
        var d = new BuildingDescription { FootprintAreaM2 = 100, PerimeterM = 40, Storeys = 3, Use = BuildingUse.MultiResidential, ConstructionYear = 1965 };
        BuildingThermalModel m = BuildingThermalModel.Create(d);
        Assert.That(m.ConditionedFloorAreaM2, Is.EqualTo(255.0).Within(1e-9));
        Assert.That(m.WindowAreaM2, Is.EqualTo(81.0).Within(1e-9));
        Assert.That(m.Zone.WindowWK, Is.EqualTo(243.0).Within(1e-9));
        double opaque = (1.2 * 279.0) + (0.51 * 100.0) + (0.7 * 1.08 * 100.0);
        Assert.That(m.Zone.OpaqueWK, Is.EqualTo(opaque).Within(1e-9));
        Assert.That(m.Zone.CapacityJK, Is.EqualTo(162_000.0 * 255.0).Within(1e-6));
    }

    [Test]
    public void Create_SharedWalls_LessWindowAndWall()
    {
        var d = new BuildingDescription { FootprintAreaM2 = 100, PerimeterM = 40, Storeys = 3, Use = BuildingUse.MultiResidential, ConstructionYear = 1965 };
        BuildingThermalModel alone = BuildingThermalModel.Create(d);
        d.SharedWallFraction = 0.5;
        BuildingThermalModel terraced = BuildingThermalModel.Create(d);
        Assert.That(terraced.WindowAreaM2, Is.EqualTo(alone.WindowAreaM2 / 2.0).Within(1e-9));
        Assert.That(terraced.Zone.OpaqueWK, Is.LessThan(alone.Zone.OpaqueWK));
    }

    [Test]
    public void Create_ZeroFootprint_Throws()
    {
        Assert.That(() => BuildingThermalModel.Create(new BuildingDescription { Storeys = 1 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Year_OldAndNewApartmentBlocks_HeatingIntensityInTabulaRange()
    {
        // Annual heating need per m² for a mid-European climate (synthetic year for Bad Hersfeld, 50.9 N): the TABULA
        // DE archetypes imply roughly 100–250 kWh/m²a for unrenovated 1958–68 blocks and below 60 for 2016+ ones.
        HourlyDrivers drivers = HourlyDrivers.Create(SyntheticWeather.Create(50.87, 9.71, 1.0));
        var set = new BuildingSet(2);
        set.Set(0, BuildingThermalModel.Create(new BuildingDescription { FootprintAreaM2 = 300, Storeys = 4, Use = BuildingUse.MultiResidential, ConstructionYear = 1965 }), 0);
        set.Set(1, BuildingThermalModel.Create(new BuildingDescription { FootprintAreaM2 = 300, Storeys = 4, Use = BuildingUse.MultiResidential, ConstructionYear = 2020 }), 0);
        var r = new BuildingYearResults(2);
        BuildingYearKernel.Run(set, drivers, r);
        double oldIntensity = r.HeatingKWh[0] / set.FloorAreaM2[0];
        double newIntensity = r.HeatingKWh[1] / set.FloorAreaM2[1];
        Assert.That(oldIntensity, Is.InRange(80.0, 250.0));
        Assert.That(newIntensity, Is.InRange(5.0, 60.0));
    }
}
