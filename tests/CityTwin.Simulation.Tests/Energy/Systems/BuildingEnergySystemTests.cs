using CityTwin.Ecs.Core;
using CityTwin.Ecs.Timing;
using CityTwin.Simulation.Energy;
using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Systems;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Energy.Systems;

public class BuildingEnergySystemTests
{
    private static readonly HourlyWeather Weather = SyntheticWeather.Create(50.87, 9.71, 1.0);
    private static readonly QueryDescription BuildingQuery = new QueryDescription().WithAll<BuildingRef, ThermalState, BuildingEnergy>();
    private static readonly QueryDescription PvQuery = new QueryDescription().WithAll<PvArray>();
    private static readonly QueryDescription FeederQuery = new QueryDescription().WithAll<FeederRef, FeederLoad>();

    private static BuildingDescription[] City(int count)
    {
        var b = new BuildingDescription[count];
        for (var i = 0; i < count; i++)
        {
            b[i] = Buildings.BuildingYearKernelTests.Building(i);
            b[i].X = (i % 10) * 30.0;
            b[i].Y = (i / 10) * 30.0;
        }

        return b;
    }

    private static readonly EnergyYearOptions Options = new() { BuildingsPerFeeder = 15, PvAdoptionShare = 0.4, Kernel = new KernelOptions { Parallel = false } };

    [Test]
    public void Create_MakesOneEntityPerSimulatedBuildingPvSystemAndFeeder()
    {
        var city = City(60);
        city[5].FootprintAreaM2 = 0;
        using var world = World.Create();
        var system = BuildingEnergySystem.Create(world, city, Weather, Options);
        Assert.Multiple(() =>
        {
            Assert.That(world.CountEntities(in BuildingQuery), Is.EqualTo(59));
            Assert.That(system.SkippedCount, Is.EqualTo(1));
            Assert.That(world.CountEntities(in FeederQuery), Is.EqualTo(4));
            var pv = world.CountEntities(in PvQuery);
            Assert.That(pv, Is.InRange(10, 40), "about 40% of 59 roofs");
        });
    }

    [Test]
    public void HourlyTicks_GiveTheSameYearAsOneTick()
    {
        var city = City(40);
        var once = EnergyYearRunner.Run(city, Weather, Options);

        using var world = World.Create();
        var system = BuildingEnergySystem.Create(world, city, Weather, Options);
        system.Initialize();
        var clock = new SimClock(SimTime.FromHours(1));
        while (system.HoursDone < system.HourCount)
        {
            system.Update(clock.Tick);
            clock.Advance();
        }

        var hourly = EnergyYearRunner.Collect(system, city.Length);
        Assert.Multiple(() =>
        {
            Assert.That(hourly.HeatingKWh, Is.EqualTo(once.HeatingKWh).Within(1e-9).Percent);
            Assert.That(hourly.CoolingKWh, Is.EqualTo(once.CoolingKWh).Within(1e-9).Percent);
            Assert.That(hourly.PvKWh, Is.EqualTo(once.PvKWh).Within(1e-9).Percent);
            Assert.That(hourly.PeakHeatingW, Is.EqualTo(once.PeakHeatingW), "peaks and temperatures do not depend on the window");
            Assert.That(hourly.FeederHourlyNetLoadW, Is.EqualTo(once.FeederHourlyNetLoadW));
            Assert.That(once.HeatingKWh.Sum(), Is.GreaterThan(0));
        });
    }

    [Test]
    public void TicksShorterThanAnHour_AdvanceOnlyWholeHours_AndFeederEntitiesSumTheirRows()
    {
        using var world = World.Create();
        var system = BuildingEnergySystem.Create(world, City(30), Weather, Options, startHourOfYear: 24 * 20);
        system.Initialize();
        var clock = new SimClock(SimTime.FromSeconds(900L)); // 15 minutes
        for (var i = 0; i < 3; i++)
        {
            system.Update(clock.Tick);
            clock.Advance();
        }

        Assert.That(system.HoursDone, Is.Zero, "45 minutes: no whole hour yet");
        for (var i = 0; i < 4 * 48 - 3; i++)
        {
            system.Update(clock.Tick);
            clock.Advance();
        }

        Assert.That(system.HoursDone, Is.EqualTo(48));
        foreach (ref var chunk in world.Query(in FeederQuery))
        {
            var refs = chunk.GetSpan<FeederRef>();
            var loads = chunk.GetSpan<FeederLoad>();
            for (var i = 0; i < chunk.Count; i++)
            {
                var row = system.FeederHourlyNetLoadW.AsSpan(refs[i].Index * system.HourCount + 24 * 20, 48).ToArray();
                Assert.That(loads[i].NetEnergyKWh, Is.EqualTo(row.Sum() / 1000).Within(1e-9));
                Assert.That(loads[i].PeakNetW, Is.EqualTo(row.Max()));
                Assert.That(loads[i].PeakHour, Is.InRange(24 * 20, 24 * 22 - 1));
                Assert.That(loads[i].NetEnergyKWh, Is.GreaterThan(0), "winter: buildings use more than PV gives");
            }
        }
    }

    [Test]
    public void PvArrayAddedMidYear_ProducesFromThenOn()
    {
        var city = City(10);
        var options = new EnergyYearOptions { BuildingsPerFeeder = 10, Kernel = new KernelOptions { Parallel = false } };
        using var world = World.Create();
        var system = BuildingEnergySystem.Create(world, city, Weather, options);
        system.Initialize();
        Assert.That(world.CountEntities(in PvQuery), Is.Zero);
        var half = new SimTick(0, SimTime.Zero, SimTime.FromHours(4380L));
        system.Update(half);
        var slot = -1;
        world.Query(in BuildingQuery, (ref BuildingRef b, ref ThermalState _, ref BuildingEnergy _) =>
        {
            if (b.ModelIndex == 3)
            {
                slot = b.Slot;
            }
        });
        var pv = world.Create(new PvArray { BuildingModelIndex = 3, Slot = slot, CapacityKWp = 5 });
        system.Update(new SimTick(1, SimTime.FromHours(4380L), SimTime.FromHours(4380L)));
        var result = EnergyYearRunner.Collect(system, city.Length);
        var output = world.Get<PvArray>(pv).EnergyKWh;
        Assert.Multiple(() =>
        {
            // July to December of 5 kWp in central Germany; the synthetic year is clear-sky based, so above measured yields.
            Assert.That(output, Is.InRange(5 * 300.0, 5 * 1000.0));
            Assert.That(result.PvKWh[3], Is.EqualTo(output));
            Assert.That(result.PvKWh.Where((_, i) => i != 3), Is.All.Zero);
        });
    }
}
