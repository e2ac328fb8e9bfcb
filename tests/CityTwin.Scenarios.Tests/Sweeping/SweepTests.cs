using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Sweeping;
using CityTwin.Scenarios.Tests.TestSupport;

namespace CityTwin.Scenarios.Tests.Sweeping;

public sealed class SweepTests : TinyCityFixture
{
    [SetUp]
    public void WriteBase()
    {
        File.WriteAllText(Path.Combine(Dir, "base.yaml"),
            TinyCity.ScenarioYaml() + "\nedits:\n  - edit: signal\n    where: { junction: 3 }\n    cycleS: 60\n");
    }

    [Test]
    public void Grid_RunsEveryCombination_ResumesFinishedOnes_AndWritesOneTable()
    {
        var path = Path.Combine(Dir, "sweep.yaml");
        File.WriteAllText(path, "name: cycles\nscenario: base.yaml\nparameters:\n  edits.0.cycleS: [40, 80]\n  demand.scale: [1, 1.5]\n");
        var sweep = SweepDefinition.Load(path);
        Assert.That(sweep.Variants, Has.Count.EqualTo(4));
        var outDir = Path.Combine(Dir, "out");
        var first = SweepRunner.Run(sweep, outDir, parallel: 2);
        Directory.Delete(Path.Combine(outDir, "runs", sweep.VariantId(3)), recursive: true);
        var second = SweepRunner.Run(sweep, outDir, parallel: 2);
        var lines = File.ReadAllLines(Path.Combine(outDir, "sweep_results.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(first.Select(r => r.Skipped), Is.All.False);
            Assert.That(second.Select(r => r.Skipped), Is.EqualTo(new[] { true, true, true, false }));
            Assert.That(second[3].Kpis["co2Kg"], Is.EqualTo(first[3].Kpis["co2Kg"]), "a re-run variant gives the same result");
            Assert.That(lines, Has.Length.EqualTo(5));
            Assert.That(lines[0], Does.StartWith("variant,edits.0.cycleS,demand.scale,"));
            Assert.That(first[1].Kpis["demandTrips"], Is.GreaterThan(first[0].Kpis["demandTrips"]), "demand.scale 1.5 makes more trips");
            Assert.That(File.Exists(Path.Combine(outDir, "sweep_results.parquet")), Is.True);
        });
    }

    [Test]
    public void BadVariant_StopsTheSweepBeforeAnythingRuns()
    {
        var path = Path.Combine(Dir, "sweep.yaml");
        File.WriteAllText(path, "scenario: base.yaml\nvariants:\n  - { vehicles.evShare: 0.5 }\n  - { vehicles.evShare: 2 }\n  - { edits.5.cycleS: 60 }\n");
        var e = Assert.Throws<ScenarioValidationException>(() => SweepRunner.Run(SweepDefinition.Load(path), Path.Combine(Dir, "out")))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Message, Does.Contain("variant 2").And.Contain("vehicles.evShare: 2 is out of range"));
            Assert.That(e.Message, Does.Contain("variant 3").And.Contain("'edits.5' does not exist"));
            Assert.That(Directory.Exists(Path.Combine(Dir, "out", "runs")), Is.False);
        });
    }
}
