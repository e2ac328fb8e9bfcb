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
            new ChargingStation(), [], 500, (_, _) => 1).Sessions;
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
        Assert.That(EvCharging.Simulate(trips, rows, at, 35_000, new ChargingStation(), [], 500, null).Sessions, Is.Empty);
    }

    [Test]
    public void MappedStation_NearDestinations_QueuesEvsWhenItsSocketsAreBusy_OthersChargeAtTheirDestination()
    {
        // Three EVs arrive 60 s apart near a one-socket 50 kW station; a fourth arrives 2 km away.
        var trips = Enumerable.Range(0, 4).Select(i => new TripInfo($"ev{i}", "car", 0, 0, 1000 + (60 * i), 1000, 5000, 0, 0, TripStatus.Arrived)).ToArray();
        var rows = trips.Select(t => new TripEmissionRow(t.Id, true, 0, 0, 0, 0, 0, 0, 3_500, 0.7, 0)).ToArray();
        var at = new Dictionary<string, (double, double)> { ["ev0"] = (0, 0), ["ev1"] = (100, 0), ["ev2"] = (0, 300), ["ev3"] = (2000, 0) };
        var station = new ChargingSite(4242, 10, 10, new ChargingStation(50_000), Sockets: 1);
        var outcome = EvCharging.Simulate(trips, rows, at, 35_000, new ChargingStation(), [station], 500, null);
        var byId = outcome.Sessions.ToDictionary(x => x.TripId);
        var oneSessionS = 3.5 / 0.95 / 50 * 3600; // 0.7 → 0.8 of 35 kWh at 50 kW
        Assert.Multiple(() =>
        {
            Assert.That(outcome.NotCharged, Is.Zero);
            Assert.That(new[] { "ev0", "ev1", "ev2" }.All(id => byId[id].StationOsmId == 4242 && byId[id].XM == 10), Is.True);
            Assert.That(byId["ev0"].WaitS, Is.Zero);
            Assert.That(byId["ev1"].StartS, Is.EqualTo(byId["ev0"].EndS).Within(1e-6), "waits for the only socket");
            Assert.That(byId["ev1"].WaitS, Is.EqualTo(oneSessionS - 60).Within(1e-6));
            Assert.That(byId["ev2"].StartS, Is.EqualTo(byId["ev1"].EndS).Within(1e-6));
            Assert.That(byId["ev3"].StationOsmId, Is.Zero, "no station within 500 m: charges at its destination");
            Assert.That(byId["ev3"].EndS - byId["ev3"].StartS, Is.EqualTo(3.5 / 0.95 / 22 * 3600).Within(1e-6));
        });

        var mappedOnly = EvCharging.Simulate(trips, rows, at, 35_000, null, [station], 500, null);
        Assert.That(mappedOnly.NotCharged, Is.EqualTo(1), "at: mapped — the far EV does not charge, and is counted");
        Assert.That(mappedOnly.Sessions, Has.Count.EqualTo(3));
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

    [Test]
    public void Scenario_EvsArrivingNearTheMappedStation_ChargeThereOneAtATime_OthersAtTheirDestinations()
    {
        var run = ScenarioRunner.Run(ScenarioLoader.Parse(TinyCity.ScenarioYaml("vehicles: { evShare: 0.6, charging: { maxWalkM: 400 } }"), Dir));
        var sessions = run.Replications[0].ChargingSessions;
        var atStation = sessions.Where(s => s.StationOsmId == 4242).OrderBy(s => s.StartS).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(atStation, Is.Not.Empty, "destinations within 400 m of x = 900 m use the station");
            Assert.That(atStation.All(s => s.XM == 900 && s.YM == 10), Is.True);
            Assert.That(sessions.Where(s => s.StationOsmId == 0).All(s => Math.Abs(s.XM - 900) > 390), Is.True,
                "the others had no station in reach and charged at their destination");
            Assert.That(atStation.Zip(atStation.Skip(1)).All(p => p.Second.StartS >= p.First.EndS - 1e-6), Is.True, "one socket: no overlap");
            Assert.That(atStation.All(s => s.WaitS >= 0), Is.True);
            Assert.That(run.Kpis["evChargedAtStations"], Is.EqualTo(atStation.Count));
        });

        var destinationsOnly = ScenarioRunner.Run(ScenarioLoader.Parse(
            TinyCity.ScenarioYaml("vehicles: { evShare: 0.6, charging: { at: destination } }"), Dir));
        Assert.That(destinationsOnly.Replications[0].ChargingSessions.All(s => s.StationOsmId == 0), Is.True);
        Assert.That(destinationsOnly.Kpis["evChargingKWh"], Is.EqualTo(run.Kpis["evChargingKWh"]).Within(1e-9), "the same energy, elsewhere");
    }
}
