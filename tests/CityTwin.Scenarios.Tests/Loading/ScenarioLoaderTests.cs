using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Tests.TestSupport;
using CityTwin.Traffic.Junctions;

namespace CityTwin.Scenarios.Tests.Loading;

public sealed class ScenarioLoaderTests : TinyCityFixture
{
    [Test]
    public void ValidFile_GivesTheValuesAndDocumentedDefaults()
    {
        var s = ScenarioLoader.Parse(TinyCity.ScenarioYaml("seed: 42"), Dir);
        Assert.Multiple(() =>
        {
            Assert.That(s.Name, Is.EqualTo("tiny"));
            Assert.That(s.Seed, Is.EqualTo(42UL));
            Assert.That(s.City.CacheFile, Is.EqualTo(Path.Combine(Dir, "corridor.ctw")));
            Assert.That(s.Time.DurationS, Is.EqualTo(400));
            Assert.That(s.Time.StepMs, Is.EqualTo(1000));
            Assert.That(s.Demand.RandomTrips!.Count, Is.EqualTo(60));
            Assert.That(s.Energy.Enabled, Is.False);
            Assert.That(s.Lighting.Control, Is.EqualTo("full"));
            Assert.That(s.Outputs.Tables, Is.EquivalentTo(OutputSettings.AllTables));
        });
    }

    [Test]
    public void UnknownKey_IsReportedWithLineColumnAndSuggestion()
    {
        var yaml = "name: x\ncity:\n  cache: corridor.ctw\ndemnd:\n  scale: 2\n";
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, Dir))!;
        Assert.That(e.Errors.Select(x => x.ToString()), Has.Some.Contains("scenario.yaml:4:1: unknown key 'demnd' (did you mean 'demand'?)"));
    }

    [Test]
    public void TrafficCriticalGap_IsOptional_AndRangeChecked()
    {
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\n", Dir).Traffic.CriticalGapS, Is.Null, "the runner picks by network source");
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\ntraffic: { criticalGapS: 1.5 }\n", Dir).Traffic.CriticalGapS, Is.EqualTo(1.5));
        var bad = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("city:\n  cache: corridor.ctw\ntraffic: { criticalGapS: 30 }\n", Dir))!;
        Assert.That(string.Join("\n", bad.Errors), Does.Contain("traffic.criticalGapS: 30 is out of range"));
    }

    [Test]
    public void TrafficLevelCrossings_DefaultToSumos_AreRead_AndRangeChecked()
    {
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\n", Dir).Traffic.LevelCrossings, Is.EqualTo(new LevelCrossingTiming()));
        var timing = ScenarioLoader.Parse("city:\n  cache: corridor.ctw\ntraffic:\n  levelCrossings: { timeGapS: 30, minOpenS: 10 }\n", Dir)
            .Traffic.LevelCrossings;
        Assert.That(timing, Is.EqualTo(new LevelCrossingTiming { TimeGapS = 30, MinOpenS = 10 }), "the keys not given keep SUMO's defaults");
        var bad = Assert.Throws<ScenarioValidationException>(() =>
            ScenarioLoader.Parse("city:\n  cache: corridor.ctw\ntraffic:\n  levelCrossings: { yellowS: -2, openingDelay: 1 }\n", Dir))!;
        Assert.That(string.Join("\n", bad.Errors), Does.Contain("traffic.levelCrossings.yellowS: -2 is out of range"));
        Assert.That(string.Join("\n", bad.Errors), Does.Contain("unknown key 'traffic.levelCrossings.openingDelay' (did you mean 'openingDelayS'?)"));
    }

    [Test]
    public void TrafficPositionUpdate_DefaultsToAuto_AndOnlyKnownValuesAreAccepted()
    {
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\n", Dir).Traffic.PositionUpdate, Is.EqualTo("auto"));
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\ntraffic: { positionUpdate: ballistic }\n", Dir).Traffic.PositionUpdate,
            Is.EqualTo("ballistic"));
        var bad = Assert.Throws<ScenarioValidationException>(() =>
            ScenarioLoader.Parse("city:\n  cache: corridor.ctw\ntraffic: { positionUpdate: verlet }\n", Dir))!;
        Assert.That(string.Join("\n", bad.Errors), Does.Contain("traffic.positionUpdate"));
    }

    [Test]
    public void Emissions_AreOnByDefault_AndOffRefusesElectricVehiclesAtTheirLine()
    {
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\n", Dir).Emissions.Enabled, Is.True);
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\nemissions: { enabled: false }\n", Dir).Emissions.Enabled, Is.False);
        var bad = Assert.Throws<ScenarioValidationException>(() =>
            ScenarioLoader.Parse("city:\n  cache: corridor.ctw\nemissions: { enabled: false }\nvehicles:\n  evShare: 0.2\n", Dir))!;
        Assert.That(string.Join("\n", bad.Errors), Does.Contain(":5:12: vehicles.evShare needs emissions.enabled: true"));
        var typo = Assert.Throws<ScenarioValidationException>(() =>
            ScenarioLoader.Parse("city:\n  cache: corridor.ctw\nemissions: { enabeld: false }\n", Dir))!;
        Assert.That(string.Join("\n", typo.Errors), Does.Contain("unknown key 'emissions.enabeld'"));
    }

    [Test]
    public void VehiclesCharging_IsReadWithDefaults_AndBadValuesAreRefusedWithTheirPlace()
    {
        var ok = ScenarioLoader.Parse("city:\n  cache: corridor.ctw\nvehicles:\n  evShare: 0.3\n  charging: { at: mapped, maxWalkM: 300 }\n", Dir);
        Assert.That(ok.Charging, Is.EqualTo(new ChargingSettings { At = "mapped", MaxWalkM = 300 }));
        Assert.That(ScenarioLoader.Parse("city:\n  cache: corridor.ctw\n", Dir).Charging, Is.EqualTo(new ChargingSettings()));
        var bad = Assert.Throws<ScenarioValidationException>(() =>
            ScenarioLoader.Parse("city:\n  cache: corridor.ctw\nvehicles:\n  charging:\n    at: everywhere\n    sockts: 3\n", Dir))!;
        var text = string.Join("\n", bad.Errors);
        Assert.That(text, Does.Contain("vehicles.charging.at: 'everywhere' is not allowed; expected one of auto, mapped, destination"));
        Assert.That(text, Does.Contain(":6:5: unknown key 'vehicles.charging.sockts' (did you mean 'sockets'?)"));
    }

    [Test]
    public void EveryProblemIsReportedAtOnce_WithWhatWasExpected()
    {
        var yaml = """
            city:
              cache: corridor.ctw
            seed: abc
            vehicles:
              evShare: 1.5
            traffic:
              model: wiedemann
            time:
              stepMs: 50
            """;
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, Dir))!;
        var text = string.Join("\n", e.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(e.Errors, Has.Count.GreaterThanOrEqualTo(4));
            Assert.That(text, Does.Contain(":3:7: seed: expected a whole number ≥ 0, got 'abc'"));
            Assert.That(text, Does.Contain("vehicles.evShare: 1.5 is out of range; expected a number in 0…1"));
            Assert.That(text, Does.Contain("traffic.model: 'wiedemann' is not allowed; expected one of krauss, idm"));
            Assert.That(text, Does.Contain("time.stepMs: 50 is out of range"));
        });
    }

    [Test]
    public void MissingFile_AndMalformedYaml_NameTheFileAndLine()
    {
        var missing = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("city:\n  osm: nowhere.osm.pbf\n", Dir))!;
        Assert.That(missing.Message, Does.Contain("city.osm: file '").And.Contain("nowhere.osm.pbf' not found"));
        var broken = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("city:\n  cache: x\n\tseed: 1\n", Dir))!;
        Assert.That(broken.Errors[0].Line, Is.InRange(2, 3), "YamlDotNet marks the tab or the end of the token before it");
        Assert.That(broken.Message, Does.Contain($"scenario.yaml:{broken.Errors[0].Line}:").And.Contain("not valid YAML"));
        var unclosed = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("city:\n  cache: [a, b\nseed: 1\n", Dir))!;
        Assert.That(unclosed.Message, Does.Contain("scenario.yaml").And.Contain("not valid YAML"));
    }

    [Test]
    public void Edits_AreReadWithTheirLocation_AndBadEditsAreRefused()
    {
        var yaml = TinyCity.ScenarioYaml() + """

            edits:
              - edit: speedLimit
                where: { street: Main Street }
                kmh: 30
              - edit: signal
                where: { junction: 3 }
              - edit: teleport
              - edit: pv
                share: 0.3
                where: { street: Main Street }
            """;
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse(yaml, Dir))!;
        var text = string.Join("\n", e.Errors);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("edit signal: change something: cycleS, greenSplitsS, offsetS or actuated: true"));
            Assert.That(text, Does.Contain("edit: must be one of closeRoad, speedLimit"));
            Assert.That(text, Does.Contain("edit pv: applies to the whole city; where: is not supported"));
        });
        var ok = ScenarioLoader.Parse(TinyCity.ScenarioYaml() + "\nedits:\n  - edit: speedLimit\n    where: { street: Main Street }\n    kmh: 30\n", Dir);
        var edit = (SpeedLimitEdit)ok.Edits.Single();
        Assert.Multiple(() =>
        {
            Assert.That(edit.SpeedKmh, Is.EqualTo(30));
            Assert.That(edit.Where.Streets, Is.EqualTo(new[] { "Main Street" }));
            Assert.That(edit.Location!.Value.Line, Is.EqualTo(15));
        });
    }

    [Test]
    public void Base_IsInherited_ChildOverrides_EditsAppend_PathsResolveAgainstTheirOwnFile()
    {
        var sub = Directory.CreateDirectory(Path.Combine(Dir, "variants")).FullName;
        File.WriteAllText(Path.Combine(Dir, "base.yaml"), TinyCity.ScenarioYaml("seed: 5") +
            "\nedits:\n  - edit: speedLimit\n    where: { edge: 0 }\n    kmh: 30\n");
        File.WriteAllText(Path.Combine(sub, "child.yaml"),
            "base: ../base.yaml\nname: child\ntime:\n  stepMs: 500\nedits:\n  - edit: closeRoad\n    where: { edge: 1 }\n");
        var s = ScenarioLoader.Load(Path.Combine(sub, "child.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(s.Name, Is.EqualTo("child"));
            Assert.That(s.Seed, Is.EqualTo(5UL));
            Assert.That(s.Time.StepMs, Is.EqualTo(500));
            Assert.That(s.Time.DurationS, Is.EqualTo(400), "nested keys not named by the child come from the base");
            Assert.That(s.City.CacheFile, Is.EqualTo(Path.Combine(Dir, "corridor.ctw")), "the base's relative path resolves against the base's folder");
            Assert.That(s.Edits.Select(x => x.Kind), Is.EqualTo(new[] { "speedLimit", "closeRoad" }));
            Assert.That(s.Edits[0].Location!.Value.File, Does.EndWith("base.yaml"));
        });
    }

    [Test]
    public void BaseCycle_IsRefused()
    {
        File.WriteAllText(Path.Combine(Dir, "a.yaml"), "base: b.yaml\n");
        File.WriteAllText(Path.Combine(Dir, "b.yaml"), "base: a.yaml\n");
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Load(Path.Combine(Dir, "a.yaml")))!;
        Assert.That(e.Message, Does.Contain("makes a cycle"));
    }

    [Test]
    public void ShippedScenarios_AreValid()
    {
        var root = TinyCityFixture.RepositoryRoot;

        var files = Directory.GetFiles(Path.Combine(root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains("sweep", StringComparison.Ordinal)).ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(4));
        foreach (var file in files)
        {
            Assert.DoesNotThrow(() => ScenarioLoader.Load(file), file);
        }
    }
}
