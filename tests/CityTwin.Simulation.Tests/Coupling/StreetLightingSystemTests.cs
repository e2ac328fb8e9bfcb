using CityTwin.Ecs.Core;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Tests.Coupling;

public class StreetLightingSystemTests
{
    private static readonly QueryDescription LampQuery = new QueryDescription().WithAll<LampRef, LampFixture, LampEnergy>();

    [Test]
    public void LampsAreEntities_TheirEnergyIsTheLedgers_SyncedEveryHourAndOnRead()
    {
        var city = CouplingCities.ImportOrIgnore("helsinki-centre-2019.osm.pbf");
        using var traffic = CouplingCities.Traffic(city, trips: 150, departS: 600);
        var luminaires = Enumerable.Range(0, city.Lamps.Count)
            .Select(i => Luminaire.Typical(LightingClass.M4, i % 2 == 0 ? LuminaireTechnology.Led : LuminaireTechnology.HighPressureSodium)).ToArray();
        using var world = World.Create();
        var system = StreetLightingSystem.Create(world, traffic, city, new DateTime(2019, 11, 20, 22, 0, 0), 2, luminaires, null, new PresenceSettings());
        Assert.That(world.CountEntities(in LampQuery), Is.EqualTo(city.Lamps.Count));
        for (var t = 0; t < 3600; t++)
        {
            traffic.Step();
            system.Update(traffic.Clock.Tick);
            if (t == 3598)
            {
                // Synced at the full hour only: one step before it, the entities still show nothing.
                Assert.That(SumEntitiesKWh(world), Is.Zero);
            }
        }

        Assert.That(SumEntitiesKWh(world), Is.EqualTo(system.Lighting.Ledger.TotalKWh()).Within(1e-9), "synced at the full hour");
        var fromEntities = system.LampRows();
        var fromLedger = system.Lighting.LampRows();
        Assert.Multiple(() =>
        {
            Assert.That(fromEntities, Is.EqualTo(fromLedger));
            Assert.That(fromEntities.Sum(r => r.EnergyKWh), Is.GreaterThan(0));
            Assert.That(system.RoadRows().Sum(r => r.EnergyKWh), Is.EqualTo(fromLedger.Where(r => r.Edge >= 0).Sum(r => r.EnergyKWh)).Within(1e-9),
                "roads sum the lamps near a road");
        });

        // Each entity carries its own luminaire.
        world.Query(in LampQuery, (ref LampRef r, ref LampFixture f, ref LampEnergy _) =>
            Assert.That(f.Luminaire, Is.EqualTo(luminaires[r.ModelIndex])));
    }

    private static double SumEntitiesKWh(World world)
    {
        var sum = 0.0;
        foreach (ref var chunk in world.Query(in LampQuery))
        {
            var energy = chunk.GetSpan<LampEnergy>();
            for (var i = 0; i < chunk.Count; i++)
            {
                sum += energy[i].EnergyKWh;
            }
        }

        return sum;
    }
}
