using CityTwin.Scenarios.Comparing;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Tests.TestSupport;

namespace CityTwin.Scenarios.Tests.Running;

public sealed class ScenarioRunnerTests : TinyCityFixture
{
    [Test]
    public void Run_WritesKpisTablesAndGeoJson_WithEveryDocumentedKpi()
    {
        var scenario = ScenarioLoader.Parse(TinyCity.ScenarioYaml("lighting: { control: adaptive, technology: led }"), Dir);
        var outDir = Path.Combine(Dir, "run");
        var result = ScenarioRunner.Run(scenario, new RunOptions { OutputDirectory = outDir });
        var kpis = KpiSet.Load(Path.Combine(outDir, "kpis.json"));
        Assert.Multiple(() =>
        {
            foreach (var name in KpiSet.NumericNames)
            {
                Assert.That(kpis.TryGet(name, out _), Is.True, name);
            }

            Assert.That(kpis.Text("scenario"), Is.EqualTo("tiny"));
            Assert.That(kpis.Text("engineVersion"), Is.Not.Empty);
            Assert.That(kpis["vehiclesInserted"], Is.EqualTo(kpis["vehiclesArrived"] + kpis["vehiclesRunning"] + kpis["vehiclesRemoved"]));
            Assert.That(kpis["vehiclesArrived"], Is.GreaterThan(40));
            Assert.That(kpis["streetLamps"], Is.EqualTo(40));
            Assert.That(kpis["streetLightingKWh"], Is.GreaterThan(0));
            Assert.That(kpis["co2Kg"], Is.GreaterThan(0));
            foreach (var table in new[] { "tripinfo", "edgedata", "summary", "emissions", "edge_emissions", "lamps", "lighting_roads" })
            {
                Assert.That(File.Exists(Path.Combine(outDir, table + ".csv")), Is.True, table);
                Assert.That(File.Exists(Path.Combine(outDir, table + ".parquet")), Is.True, table);
            }

            Assert.That(File.ReadAllText(Path.Combine(outDir, "roads.geojson")), Does.Contain("\"edge\""));
            Assert.That(File.ReadAllText(Path.Combine(outDir, "lamps.geojson")), Does.Contain("\"energy_kwh\""));
            Assert.That(Directory.GetDirectories(Dir).Where(d => d.Contains(".partial-", StringComparison.Ordinal)), Is.Empty, "no temporary folder left");
            Assert.That(result.Replications[0].Trips, Has.Count.EqualTo((int)kpis["vehiclesArrived"] + (int)kpis["vehiclesRemoved"]));
            var stages = result.StageTimes.Stages.Select(s => s.Key).ToList();
            Assert.That(stages, Is.EqualTo(new[]
            {
                "load city", "edits", "demand", "set-up and routing", "observers set-up", "traffic", "traffic results", "building energy",
                "EV charging and feeders", "outputs",
            }));
            Assert.That(result.StageTimes.Stages.Select(s => s.Value), Has.All.GreaterThanOrEqualTo(0));
        });
    }

    [Test]
    public void EmissionsOff_GivesTheSameTraffic_WithoutEmissions_AndAnEvEditIsRefused()
    {
        var on = ScenarioRunner.Run(ScenarioLoader.Parse(TinyCity.ScenarioYaml(), Dir));
        var off = ScenarioRunner.Run(ScenarioLoader.Parse(TinyCity.ScenarioYaml("emissions: { enabled: false }"), Dir));
        Assert.Multiple(() =>
        {
            Assert.That(on.Kpis["co2Kg"], Is.GreaterThan(0));
            Assert.That(off.Kpis["co2Kg"], Is.Zero);
            Assert.That(off.Kpis["fuelL"], Is.Zero);
            Assert.That(off.Replications[0].TripEmissions, Is.Empty);
            Assert.That(off.Replications[0].Notes, Has.Some.StartsWith("emissions off"));
            Assert.That(off.Kpis["meanTripDurationS"], Is.EqualTo(on.Kpis["meanTripDurationS"]), "the traffic does not depend on its observers");
            Assert.That(off.Kpis["vehiclesArrived"], Is.EqualTo(on.Kpis["vehiclesArrived"]));
        });
        var withEvEdit = ScenarioLoader.Parse(TinyCity.ScenarioYaml("emissions: { enabled: false }\nedits:\n  - edit: ev\n    share: 0.5"), Dir);
        var e = Assert.Throws<ScenarioValidationException>(() => ScenarioRunner.Run(withEvEdit))!;
        Assert.That(string.Join("\n", e.Errors), Does.Contain("edit ev: needs emissions.enabled: true"));
    }

    [Test]
    public void SameSeed_SameKpis_OtherSeed_OtherKpis_ReplicationsAreAveraged()
    {
        var scenario = ScenarioLoader.Parse(TinyCity.ScenarioYaml(), Dir);
        var a = ScenarioRunner.Run(scenario);
        var b = ScenarioRunner.Run(scenario);
        var c = ScenarioRunner.Run(scenario with { Seed = 2 });
        var three = ScenarioRunner.Run(scenario with { Replications = 3 }, new RunOptions { OutputDirectory = Path.Combine(Dir, "reps") });
        Assert.Multiple(() =>
        {
            Assert.That(b.Kpis["meanTripDurationS"], Is.EqualTo(a.Kpis["meanTripDurationS"]));
            Assert.That(b.Kpis["co2Kg"], Is.EqualTo(a.Kpis["co2Kg"]));
            Assert.That(c.Kpis["meanTripDurationS"], Is.Not.EqualTo(a.Kpis["meanTripDurationS"]));
            Assert.That(three.Replications.Select(r => r.Seed), Is.EqualTo(new ulong[] { 1, 2, 3 }));
            Assert.That(three.Kpis["co2Kg"], Is.EqualTo(three.Replications.Average(r => r.Kpis["co2Kg"])).Within(1e-9));
            Assert.That(File.ReadAllLines(Path.Combine(Dir, "reps", "replications.csv")), Has.Length.EqualTo(4));
            Assert.That(three.StageTimes.Stages.Count(s => s.Key == "traffic"), Is.EqualTo(1), "replications' stages are summed, not repeated");
            Assert.That(three.StageTimes.Stages.Single(s => s.Key == "traffic").Value,
                Is.EqualTo(three.Replications.Sum(r => r.StageTimes.Stages.Single(s => s.Key == "traffic").Value)).Within(1e-12));
        });
        var samples = RunComparer.Samples(Path.Combine(Dir, "reps"));
        Assert.That(samples["co2Kg"], Has.Length.EqualTo(3));
    }

    [Test]
    public void RoadClosure_ChangesTheTraffic_AndCompareShowsIt()
    {
        var baseline = ScenarioLoader.Parse(TinyCity.ScenarioYaml("seed: 4"), Dir);
        var slow = ScenarioLoader.Parse(TinyCity.ScenarioYaml("seed: 4") + "\nedits:\n  - edit: speedLimit\n    where: { street: Main Street }\n    kmh: 20\n", Dir);
        ScenarioRunner.Run(baseline with { Replications = 2 }, new RunOptions { OutputDirectory = Path.Combine(Dir, "a") });
        ScenarioRunner.Run(slow with { Replications = 2 }, new RunOptions { OutputDirectory = Path.Combine(Dir, "b") });
        var rows = RunComparer.Compare(Path.Combine(Dir, "a"), Path.Combine(Dir, "b"));
        var duration = rows.Single(r => r.Name == "meanTripDurationS");
        Assert.Multiple(() =>
        {
            Assert.That(duration.Difference, Is.GreaterThan(0), "a 20 km/h limit lengthens trips");
            Assert.That(duration.Significant, Is.True);
            Assert.That(rows.Select(r => r.Name), Does.Not.Contain("wallSeconds"));
        });
    }

    [Test]
    public void OdMatrixDemand_WithScale_GivesTheScaledTripCount()
    {
        File.WriteAllText(Path.Combine(Dir, "zones.csv"), "zone,edge_index\nwest,0\nwest,11\neast,5\neast,6\n");
        File.WriteAllText(Path.Combine(Dir, "od.csv"), "origin,destination,trips,begin_s,end_s\nwest,east,40,0,200\neast,west,20,0,200\n");
        var yaml = """
            name: od
            city: { cache: corridor.ctw }
            time: { durationS: 600 }
            demand:
              odMatrix: { matrix: od.csv, zones: zones.csv }
              scale: 1.5
            energy: { enabled: false }
            """;
        var k = ScenarioRunner.Run(ScenarioLoader.Parse(yaml, Dir)).Kpis;
        Assert.Multiple(() =>
        {
            Assert.That(k["demandTrips"], Is.InRange(75, 105), "60 trips × 1.5");
            Assert.That(k["vehiclesInserted"], Is.EqualTo(k["demandTrips"]));
            Assert.That(k["vehiclesArrived"], Is.GreaterThan(60));
        });
    }
}
