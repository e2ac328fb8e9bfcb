using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Editing;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Tests.TestSupport;

namespace CityTwin.Scenarios.Tests.Running;

/// <summary>The shipped Monaco scenarios on the bundled extract (shortened to ten minutes of traffic).</summary>
public sealed class MonacoScenarioTests
{
    private static ScenarioCity? _city;

    private static string Root => TinyCityFixture.RepositoryRoot;

    private static Scenario Load(string name) => ScenarioLoader.Load(Path.Combine(Root, "scenarios", "monaco", name)) with
    {
        Time = new TimeWindow { StartLocal = new DateTime(2026, 11, 23, 17, 0, 0), DurationS = 600 },
        Demand = new DemandSettings { RandomTrips = new RandomTripSettings { Count = 600, DepartWindowS = 500 } },
    };

    private static RunResult Run(Scenario s)
    {
        _city ??= ScenarioCity.Load(s.City);
        return ScenarioRunner.Run(ScenarioEditor.Prepare(s, _city.Model), _city, new RunOptions());
    }

    [Test]
    public void Baseline_HasTrafficLightingAndBuildingEnergy()
    {
        var k = Run(Load("baseline.yaml")).Kpis;
        Assert.Multiple(() =>
        {
            Assert.That(k["vehiclesInserted"], Is.EqualTo(600));
            Assert.That(k["vehiclesArrived"], Is.GreaterThan(50), "trips take about 11 minutes on average; many are still running at 600 s");
            Assert.That(k["streetLamps"], Is.GreaterThan(1000), "assumeLit generates lamps along Monaco's streets");
            Assert.That(k["streetLightingKWh"], Is.GreaterThan(0));
            Assert.That(k["buildingHeatingKWh"], Is.GreaterThan(0));
            Assert.That(k["peakFeederLoadKW"], Is.GreaterThan(0));
            Assert.That(k["co2Kg"], Is.GreaterThan(0));
        });
    }

    [Test]
    public void EditScenarios_ChangeWhatTheyShould()
    {
        var baseline = Run(Load("baseline.yaml")).Kpis;
        var led = Run(Load("led-adaptive-lighting.yaml")).Kpis;
        var closure = Run(Load("road-closure.yaml"));
        var signals = Run(Load("signal-retiming.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(led["streetLightingKWh"], Is.LessThan(baseline["streetLightingKWh"] * 0.6), "LED with presence control saves energy");
            Assert.That(led["co2Kg"], Is.EqualTo(baseline["co2Kg"]), "lighting does not change traffic");
            Assert.That(closure.Prepared.City.Roads.Edges.ToArray().Count(e => e.Allowed == Model.Roads.VehicleClasses.None), Is.GreaterThan(0));
            Assert.That(closure.Kpis["meanTripDurationS"], Is.Not.EqualTo(baseline["meanTripDurationS"]));
            Assert.That(signals.Prepared.SignalPlans, Is.Not.Empty);
            Assert.That(signals.Prepared.SignalPlans.Values.Select(p => p.Actuated), Is.All.True);
        });
    }

    [Test]
    public void EvChargingAndStreetLighting_LandOnTheFeeders()
    {
        var scenario = Load("baseline.yaml") with { EvShare = 0.5 };
        var rep = Run(scenario).Replications[0];
        Assert.Multiple(() =>
        {
            Assert.That(rep.ChargingSessions, Is.Not.Empty);
            Assert.That(rep.ChargingSessions.Select(x => x.Feeder), Is.All.GreaterThanOrEqualTo(0));
            Assert.That(rep.FeederEvKW!.Sum(), Is.EqualTo(rep.ChargingSessions.Sum(x => x.GridKWh)).Within(1e-6), "every kWh charged is on some feeder hour");
            Assert.That(rep.Kpis["evChargingKWh"], Is.GreaterThan(0));
            Assert.That(rep.FeederLightingKW!.Sum(), Is.EqualTo(rep.Kpis["streetLightingKWh"]).Within(1e-6).Percent,
                "every street-lighting kWh of the run is on some feeder hour");
        });
    }

    [Test]
    public void EnvelopeRetrofit_AndPv_ChangeBuildingEnergy()
    {
        var baseline = Run(Load("baseline.yaml")).Kpis;
        var retrofit = Run(Load("baseline.yaml") with
        {
            Edits = [new Definition.EnvelopeEdit { UFactor = 0.6 }, new Definition.PvEdit { Share = 0.3 }],
        }).Kpis;
        Assert.Multiple(() =>
        {
            Assert.That(retrofit["buildingHeatingKWh"], Is.LessThan(0.9 * baseline["buildingHeatingKWh"]));
            Assert.That(retrofit["pvKWh"], Is.GreaterThan(0));
            Assert.That(baseline["pvKWh"], Is.Zero);
        });
    }
}
