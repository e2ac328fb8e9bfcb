using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Energy.Buildings;

public class BuildingYearKernelTests
{
    private static readonly HourlyWeather Weather = SyntheticWeather.Create(50.9, 9.7, 1.0);
    private static readonly HourlyDrivers Drivers = HourlyDrivers.Create(Weather);

    internal static BuildingDescription Building(int i) => new()
    {
        FootprintAreaM2 = 80.0 + (37.0 * (i % 11)),
        Storeys = 1 + (i % 5),
        Use = (BuildingUse)(i % 11),
        ConstructionYear = 1850 + (i * 7 % 170),
        FacadeAzimuthDeg = i * 13.0 % 360.0,
        SharedWallFraction = i % 3 == 0 ? 0.25 : 0.0,
    };

    private static (BuildingSet Set, BuildingThermalModel[] Models) Set(int count)
    {
        var set = new BuildingSet(count);
        var models = new BuildingThermalModel[count];
        for (int i = 0; i < count; i++)
        {
            models[i] = BuildingThermalModel.Create(Building(i));
            set.Set(i, models[i], i % 2 == 0 ? 5.0 : 0.0);
        }

        return (set, models);
    }

    [Test]
    public void Run_EveryBuilding_MatchesReferenceStepModelHourByHour()
    {
        // Closed form against the ISO 13790 probe implementation; 13 = 8 (Vector512) + 4 (Vector256) + 1 (scalar).
        (BuildingSet set, BuildingThermalModel[] models) = Set(13);
        var results = new BuildingYearResults(13);
        BuildingYearKernel.Run(set, Drivers, results, new KernelOptions { WarmupHours = 0, Parallel = false });
        for (int b = 0; b < 13; b++)
        {
            BuildingThermalModel m = models[b];
            double[] use = Drivers.UseDrivers[(int)m.Description.Use];
            double[] solar = Drivers.FacadeSolarWm2[HourlyDrivers.OrientationClassOf(m.Description.FacadeAzimuthDeg)];
            double theta = 20.0, heat = 0.0, cool = 0.0;
            for (int h = 0; h < Drivers.HourCount; h++)
            {
                Rc5R1CStep s = Rc5R1CModel.Step(
                    m.Zone, Drivers.OutdoorC[h], Drivers.OutdoorC[h], theta, m.ConditionedFloorAreaM2 * use[4 * h],
                    m.SolarAperturePerFacadeM2 * solar[h], use[(4 * h) + 1], use[(4 * h) + 2]);
                theta = s.MassTemperatureEndC;
                heat += Math.Max(s.HeatingCoolingW, 0.0);
                cool -= Math.Min(s.HeatingCoolingW, 0.0);
            }

            Assert.That(results.HeatingKWh[b], Is.EqualTo(heat / 1000.0).Within(1e-6 * (1.0 + (heat / 1000.0))), $"building {b} heating");
            Assert.That(results.CoolingKWh[b], Is.EqualTo(cool / 1000.0).Within(1e-6 * (1.0 + (cool / 1000.0))), $"building {b} cooling");
        }
    }

    [Test]
    public void Run_ParallelAndSerial_BitIdentical()
    {
        (BuildingSet set, _) = Set(1003);
        int[] groups = [0, 100, 517, 518, 1003];
        var serial = new BuildingYearResults(1003);
        var parallel = new BuildingYearResults(1003);
        var rowsSerial = new double[4 * Drivers.HourCount];
        var rowsParallel = new double[4 * Drivers.HourCount];
        BuildingYearKernel.Run(set, Drivers, serial, new KernelOptions { Parallel = false }, groups, rowsSerial);
        BuildingYearKernel.Run(set, Drivers, parallel, new KernelOptions { Parallel = true }, groups, rowsParallel);
        Assert.That(parallel.HeatingKWh, Is.EqualTo(serial.HeatingKWh));
        Assert.That(parallel.CoolingKWh, Is.EqualTo(serial.CoolingKWh));
        Assert.That(rowsParallel, Is.EqualTo(rowsSerial));
    }

    [Test]
    public void Run_GroupRows_SumToBuildingTotals()
    {
        (BuildingSet set, _) = Set(50);
        var r = new BuildingYearResults(50);
        var rows = new double[2 * Drivers.HourCount];
        BuildingYearKernel.Run(set, Drivers, r, null, [0, 20, 50], rows);
        double fromRows = rows.Sum() / 1000.0;
        double fromBuildings = r.ElectricityKWh.Sum() - r.PvKWh.Sum();
        Assert.That(fromRows, Is.EqualTo(fromBuildings).Within(1e-6 * Math.Abs(fromBuildings)));
    }

    [Test]
    public void Run_NoBuildingHasNegativeDemand()
    {
        (BuildingSet set, _) = Set(200);
        var r = new BuildingYearResults(200);
        BuildingYearKernel.Run(set, Drivers, r);
        Assert.That(r.HeatingKWh, Has.All.GreaterThanOrEqualTo(0.0));
        Assert.That(r.CoolingKWh, Has.All.GreaterThanOrEqualTo(0.0));
        Assert.That(r.PeakHeatingW, Has.All.GreaterThanOrEqualTo(0.0));
    }

    [Test]
    public void Run_UnconditionedBuilding_NoHeatingOrCooling()
    {
        var set = new BuildingSet(1);
        set.Set(0, BuildingThermalModel.Create(new BuildingDescription { FootprintAreaM2 = 100, Storeys = 1, Use = BuildingUse.Unconditioned, ConstructionYear = 1990 }), 0.0);
        var r = new BuildingYearResults(1);
        BuildingYearKernel.Run(set, Drivers, r);
        Assert.That(r.HeatingKWh[0], Is.EqualTo(0.0));
        Assert.That(r.CoolingKWh[0], Is.EqualTo(0.0));
    }

    [Test]
    public void Run_WrongGroupBoundaries_Throws()
    {
        (BuildingSet set, _) = Set(10);
        Assert.That(
            () => BuildingYearKernel.Run(set, Drivers, new BuildingYearResults(10), null, [0, 5]),
            Throws.ArgumentException);
    }
}
