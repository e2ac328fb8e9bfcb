using System.Text.RegularExpressions;
using CityTwin.Scenarios.Comparing;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Reporting;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Tests.TestSupport;

namespace CityTwin.Scenarios.Tests.Reporting;

public sealed partial class ReportTests : TinyCityFixture
{
    private string RunInto(string name, string extra = "", string edits = "")
    {
        var yaml = TinyCity.ScenarioYaml("lighting: { technology: led, control: adaptive }\nseed: 3" + extra) + edits;
        var dir = Path.Combine(Dir, name);
        ScenarioRunner.Run(ScenarioLoader.Parse(yaml, Dir) with { Name = name }, new RunOptions { OutputDirectory = dir });
        return dir;
    }

    [Test]
    public void RunReport_IsSelfContained_ShowsEveryKpi_TheMapAndTheAttribution()
    {
        var dir = RunInto("base");
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        var kpis = KpiSet.Load(Path.Combine(dir, "kpis.json"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(html, Does.Contain("© OpenStreetMap contributors"));
            foreach (var (name, _) in kpis.Numbers)
            {
                Assert.That(html, Does.Contain($"<td>{name}</td>"), name);
            }

            Assert.That(Paths().Matches(html), Has.Count.EqualTo(12), "one path per edge of the corridor");
            Assert.That(html, Does.Not.Match("(src|href)=\"?(https?:)?//"), "nothing is loaded from elsewhere");
            Assert.That(html, Does.Contain("<svg class=\"chart\"").And.Contain("Street-lighting power").And.Contain("Mean speed"));
            Assert.That(html, Does.Contain("Mean speed (km/h)").And.Contain("Street-lighting energy (kWh)"), "map layers");
            Assert.That(RunReport.Render(RunData.Load(dir)), Is.EqualTo(html), "the report is a pure function of the run folder");
        });
    }

    [Test]
    public void MissingFiles_AreListedInThePage_AndANonRunIsRefused()
    {
        var dir = RunInto("partial", "\noutputs: { tables: [summary], geojson: false }");
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("Not in this run folder").And.Contain("<li>roads.geojson</li>").And.Contain("<li>edgedata.csv</li>"));
            Assert.That(html, Does.Contain("No map"));
            Assert.That(() => RunReport.Write(Dir), Throws.TypeOf<InvalidDataException>().With.Message.Contains("not a finished run"));
        });
    }

    [Test]
    public void CompareReport_ColoursSlowerEdgesAsWorse_AndListsTheDifferences()
    {
        var a = RunInto("a");
        var b = RunInto("b", "", "\nedits:\n  - edit: speedLimit\n    where: { edge: [0, 1, 2] }\n    kmh: 15\n");
        var rows = RunComparer.Compare(a, b);
        var outDir = Path.Combine(Dir, "cmp");
        var html = File.ReadAllText(CompareReport.Write(a, b, rows, outDir));
        var colours = Paths().Matches(html).ToDictionary(m => int.Parse(m.Groups["edge"].Value), m => m.Groups["c"].Value.Split('|')[0]);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("b vs a").And.Contain("© OpenStreetMap contributors"));
            Assert.That(html, Does.Contain("<td>meanTripDurationS</td>"));
            Assert.That(Red(colours[1]), Is.GreaterThan(Green(colours[1])), "edge 1 got slower: a 'worse' (red) colour");
            Assert.That(colours[8], Is.EqualTo("#f2f2f2").Or.Not.EqualTo(colours[1]), "an unchanged edge is not coloured like a slowed one");
        });
    }

    private static int Red(string hex) => Convert.ToInt32(hex.Substring(1, 2), 16);

    private static int Green(string hex) => Convert.ToInt32(hex.Substring(3, 2), 16);

    [GeneratedRegex("<path d=\"[^\"]+\" stroke=\"[^\"]+\" data-c=\"(?<c>[^\"]+)\"><title>[^<]*\\(edge (?<edge>\\d+)\\)</title>")]
    private static partial Regex Paths();
}
