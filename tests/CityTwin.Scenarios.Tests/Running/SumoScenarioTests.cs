using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Tests.TestSupport;

namespace CityTwin.Scenarios.Tests.Running;

/// <summary>A scenario naming SUMO files (Bologna acosta from ../shared/data, EPL-2.0), run through the scenario runner.</summary>
public sealed class SumoScenarioTests
{
    [Test]
    public void SumoNetRoutesAndAdditionals_RunAsAScenario()
    {
        var root = TinyCityFixture.RepositoryRoot;

        var data = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "sumo", "bologna-acosta"));
        if (!Directory.Exists(data))
        {
            Assert.Ignore($"Shared data not found at {data}; this integration test needs ../shared/data beside the repository.");
        }

        var yaml = $"""
            name: acosta
            city:
              sumo:
                net: {data}/acosta_buslanes.net.xml
                routes: [{data}/acosta_vtypes.add.xml, {data}/acosta.rou.xml, {data}/acosta_busses.rou.xml]
                additional: [{data}/acosta_tls.add.xml, {data}/acosta_detectors.add.xml]
            time: {"{"} durationS: 900 {"}"}
            energy: {"{"} enabled: false {"}"}
            outputs: {"{"} sumoXml: true, formats: [csv], report: false {"}"}
            edits:
              - edit: demandScale
                factor: 0.5
            """;
        var scenario = ScenarioLoader.Parse(yaml, Path.GetTempPath());
        var outDir = Path.Combine(Path.GetTempPath(), "citytwin-sumo-scenario-" + Guid.NewGuid().ToString("N"));
        var result = ScenarioRunner.Run(scenario, new RunOptions { OutputDirectory = outDir });
        var edgeXml = File.ReadAllText(Path.Combine(outDir, "edgedata.xml"));
        var e1Xml = File.ReadAllText(Path.Combine(outDir, "e1.xml"));
        var tripXml = File.ReadAllText(Path.Combine(outDir, "tripinfo.xml"));
        Directory.Delete(outDir, recursive: true);
        var k = result.Kpis;
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Demand.SumoRoutes, Is.True, "a SUMO city with routes uses them by default");
            Assert.That(k["demandTrips"], Is.InRange(4000, 4800), "about half of acosta's 8,779 trips");
            Assert.That(k["vehiclesInserted"], Is.GreaterThan(1000));
            Assert.That(k["vehiclesArrived"], Is.GreaterThan(500));
            Assert.That(k["co2Kg"], Is.GreaterThan(0));
            Assert.That(edgeXml, Does.Contain("<meandata").And.Contain("<edge id=\"").And.Not.Contain("<edge id=\"0\""), "SUMO edge ids, not indices");
            Assert.That(e1Xml, Does.Contain("nVehContrib="), "the additional file's induction loops report in e1 format");
            Assert.That(tripXml, Does.Contain("<tripinfo id="));
            Assert.That(result.Replications[0].Notes, Has.Some.Contains("HBEFA2/P_7_7"), "old emission classes are noted, not fatal");
        });
    }

    [Test]
    public void EmissionsOff_RunsTypesWithOldEmissionClasses_WithoutTheirNote()
    {
        var data = Path.GetFullPath(Path.Combine(TinyCityFixture.RepositoryRoot, "..", "shared", "data", "sumo", "bologna-acosta"));
        if (!Directory.Exists(data))
        {
            Assert.Ignore($"Shared data not found at {data}; this integration test needs ../shared/data beside the repository.");
        }

        var yaml = $"""
            name: acosta-traffic-only
            city:
              sumo:
                net: {data}/acosta_buslanes.net.xml
                routes: [{data}/acosta_vtypes.add.xml, {data}/acosta.rou.xml]
            time: {"{"} durationS: 300 {"}"}
            energy: {"{"} enabled: false {"}"}
            emissions: {"{"} enabled: false {"}"}
            """;
        var result = ScenarioRunner.Run(ScenarioLoader.Parse(yaml, Path.GetTempPath()));
        Assert.Multiple(() =>
        {
            Assert.That(result.Kpis["vehiclesInserted"], Is.GreaterThan(300));
            Assert.That(result.Kpis["co2Kg"], Is.Zero);
            Assert.That(result.Replications[0].Notes, Has.None.Contains("HBEFA2/P_7_7"), "no emission-class note when emissions are off");
            Assert.That(result.Replications[0].Notes, Has.Some.StartsWith("emissions off"));
        });
    }
}
