using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Tests.TestSupport;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Emissions;
using CityTwin.Traffic.Outputs;

namespace CityTwin.Scenarios.Tests.Running;

public sealed class EvChargingTests : TinyCityFixture
{
    [Test]
    public void Session_RestoresTheDepartureCharge_AtTheStationsPower_AndTheHoursSumToItsEnergy()
    {
        // 35 kWh battery at 0.5 → 0.8: 10.5 kWh stored, 11.053 kWh from the grid, 30.1 min at 22 kW.
        var trips = new[] { new TripInfo("ev", "car", 0, 0, 3000, 3000, 20_000, 0, 0, TripStatus.Arrived) };
        var rows = new[] { new TripEmissionRow("ev", true, 0, 0, 0, 0, 0, 0, 10_500, 0.5, 0) };
        var sessions = EvCharging.Simulate(trips, rows, new Dictionary<string, (double, double)> { ["ev"] = (10, 20) }, 35_000,
            new ChargingStation(), (_, _) => 1);
        var s = sessions.Single();
        var hourly = EvCharging.HourlyFeederKW(sessions, 2, 8760, 100);
        Assert.Multiple(() =>
        {
            Assert.That(s.GridKWh, Is.EqualTo(10.5 / 0.95).Within(1e-9));
            Assert.That(s.EndS - s.StartS, Is.EqualTo(10.5 / 0.95 / 22 * 3600).Within(1e-6));
            Assert.That(s.Feeder, Is.EqualTo(1));
            Assert.That(hourly.Sum(), Is.EqualTo(s.GridKWh).Within(1e-9), "kW averaged over whole hours sum to the session's kWh");
            Assert.That(hourly[8760 + 100], Is.GreaterThan(0), "the session starts in hour 0 of the run = hour 100 of the year");
            Assert.That(hourly[100], Is.Zero, "nothing on another feeder");
        });
    }

    [Test]
    public void NonElectric_Removed_OrFull_VehiclesDoNotCharge()
    {
        var trips = new[]
        {
            new TripInfo("petrol", "car", 0, 0, 100, 100, 1000, 0, 0, TripStatus.Arrived),
            new TripInfo("stuck", "car", 0, 0, 400, 400, 1000, 0, 0, TripStatus.Removed),
            new TripInfo("full", "car", 0, 0, 100, 100, 1000, 0, 0, TripStatus.Arrived),
        };
        var rows = new[]
        {
            new TripEmissionRow("petrol", false, 1, 0, 0, 0, 0, 1, 0, 0, 0),
            new TripEmissionRow("stuck", true, 0, 0, 0, 0, 0, 0, 100, 0.79, 0),
            new TripEmissionRow("full", true, 0, 0, 0, 0, 0, 0, -10, 0.8, 0),
        };
        var at = trips.ToDictionary(t => t.Id, _ => (0.0, 0.0));
        Assert.That(EvCharging.Simulate(trips, rows, at, 35_000, new ChargingStation(), null), Is.Empty);
    }

    [Test]
    public void Scenario_EvChargingEnergy_IsTheBatteryEnergyOfArrivedEvsOverTheChargerEfficiency()
    {
        var run = ScenarioRunner.Run(ScenarioLoader.Parse(TinyCity.ScenarioYaml("vehicles: { evShare: 0.5 }"), Dir));
        var rep = run.Replications[0];
        var arrived = rep.Trips.Where(t => t.Status == TripStatus.Arrived).Select(t => t.Id).ToHashSet();
        var used = rep.TripEmissions.Where(e => e.Electric && arrived.Contains(e.Id)).Sum(e => (EvCharging.DepartureStateOfCharge - e.FinalStateOfCharge) * 35_000);
        Assert.Multiple(() =>
        {
            Assert.That(rep.ChargingSessions, Is.Not.Empty);
            Assert.That(run.Kpis["evChargingKWh"], Is.EqualTo(rep.ChargingSessions.Sum(s => s.GridKWh)).Within(1e-9));
            Assert.That(run.Kpis["evChargingKWh"], Is.EqualTo(used / 1000 / 0.95).Within(1e-6));
            Assert.That(run.Kpis["evBatteryKWh"], Is.GreaterThanOrEqualTo(used / 1000 - 1e-9), "running EVs used energy too but have not charged yet");
        });
    }
}
