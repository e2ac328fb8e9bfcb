using System.Globalization;
using System.Xml.Linq;

namespace CityTwin.Scenarios.Tests.Parity;

/// <summary>
/// Parity with SUMO 1.15 on real scenarios (issue 5): the same network and demand, Krauss with SUMO's defaults, compared
/// with SUMO's own outputs in ../shared/data/sumo/reference-output-sumo-1.15. Targets: arrived within 2%, mean trip
/// duration and speed within 10%, time loss within 20%; hourly loop counts GEH &lt; 5 at ≥ 85% of loops.
/// Cases whose targets the engine does not meet yet are [Explicit] with the measured gap in the reason; the full table is
/// in benchmarks/parity.md.
/// </summary>
[Category("Parity")]
public sealed class SumoParityTests
{
    private static void AssertTrips(string name, (int Arrived, double DurationS, double SpeedMps, double TimeLossS) sumo,
        (int Arrived, double DurationS, double SpeedMps, double TimeLossS) ours)
    {
        SumoReference.Report(name, "arrived", sumo.Arrived, ours.Arrived, 0.02);
        SumoReference.Report(name, "mean duration (s)", sumo.DurationS, ours.DurationS, 0.10);
        SumoReference.Report(name, "mean speed (m/s)", sumo.SpeedMps, ours.SpeedMps, 0.10);
        SumoReference.Report(name, "mean time loss (s)", sumo.TimeLossS, ours.TimeLossS, 0.20);
        Assert.Multiple(() =>
        {
            Assert.That(ours.Arrived, Is.EqualTo(sumo.Arrived).Within(2).Percent, "arrived");
            Assert.That(ours.DurationS, Is.EqualTo(sumo.DurationS).Within(10).Percent, "mean duration");
            Assert.That(ours.SpeedMps, Is.EqualTo(sumo.SpeedMps).Within(10).Percent, "mean speed");
            Assert.That(ours.TimeLossS, Is.EqualTo(sumo.TimeLossS).Within(20).Percent, "mean time loss");
        });
    }

    private static void Bologna(string name)
    {
        var dir = SumoReference.Data($"sumo/bologna-{name}");
        var run = SumoReference.Run($"{dir}/{name}_buslanes.net.xml",
            [$"{dir}/{name}_vtypes.add.xml", $"{dir}/{name}.rou.xml", $"{dir}/{name}_busses.rou.xml"],
            [$"{dir}/{name}_tls.add.xml", $"{dir}/{name}_detectors.add.xml", $"{dir}/{name}_bus_stops.add.xml"], durationS: 3 * 3600).Replications[0];
        var reference = SumoReference.Data($"sumo/reference-output-sumo-1.15/bologna-{name}.e1_output.xml");

        // Hourly loop counts, first hour (two 1800 s intervals), SUMO's against ours.
        var sumoCounts = XDocument.Load(reference).Root!.Elements("interval")
            .Where(e => double.Parse((string)e.Attribute("end")!, CultureInfo.InvariantCulture) <= 3600)
            .GroupBy(e => (string)e.Attribute("id")!).ToDictionary(g => g.Key, g => g.Sum(e => (int)e.Attribute("nVehContrib")!));
        var ours = run.Detectors.Where(r => r.EndS <= 3600).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var loops = sumoCounts.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (Id: p.Key, Sumo: p.Value, Ours: ours.GetValueOrDefault(p.Key)))
            .Select(l => (l.Id, l.Sumo, l.Ours, Geh: SumoReference.Geh(l.Ours, l.Sumo)))
            .ToList();
        var share = loops.Count(l => l.Geh < 5) / (double)loops.Count;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | loops with GEH < 5 (first hour) | {sumoCounts.Count} loops | {share:P0} | | ≥ 85% | {(share >= 0.85 ? "yes" : "no")} |"));
        // The loops that disagree, for whoever works on the gap next.
        foreach (var loop in loops.Where(l => l.Geh >= 5))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  loop {loop.Id}: SUMO {loop.Sumo}, CityTwin {loop.Ours}, GEH {loop.Geh:0.0}"));
        }

        AssertTrips(name, SumoReference.Stats(SumoReference.Data($"sumo/reference-output-sumo-1.15/bologna-{name}.stats.xml")), SumoReference.Stats(run.Trips));
        Assert.That(share, Is.GreaterThanOrEqualTo(0.85), "share of loops with GEH < 5");
    }

    [Test]
    public void BolognaAcosta() => Bologna("acosta");

    [Test]
    public void BolognaJoined() => Bologna("joined");

    [Test]
    public void MonacoRandomTrips()
    {
        var run = SumoReference.Run(SumoReference.Data("sumo/monaco-generated/monaco.net.xml.gz"), [SumoReference.Data("sumo/monaco-generated/monaco.rou.xml.gz")], [], 3 * 3600).Replications[0];
        AssertTrips("monaco", SumoReference.Stats(SumoReference.Data("sumo/reference-output-sumo-1.15/monaco-random.stats.xml")), SumoReference.Stats(run.Trips));
    }

    private static CityTwin.Scenarios.Running.RunResult Wildau() =>
        SumoReference.Run(SumoReference.Data("counts/wildau/Netzmodell2.net.xml.gz"), [SumoReference.Data("counts/wildau/flows_SUMOV2.2.rou.xml")], [], 61_000);

    [Test]
    public void WildauArrivals_WithItsTrains()
    {
        // SUMO's figures include 216 trains (vClass rail) behind five rail block signals: by 61,000 s it has inserted 2,381
        // vehicles and 2,370 arrived, the trains queued at the signals. Without block signals all trains would arrive (+5.6%).
        var trips = Wildau().Replications[0].Trips;
        var sumo = SumoReference.Stats(SumoReference.Data("sumo/reference-output-sumo-1.15/wildau.stats.xml"));
        var ours = SumoReference.Stats(trips);
        SumoReference.Report("wildau", "arrived", sumo.Arrived, ours.Arrived, 0.02);
        Assert.Multiple(() =>
        {
            Assert.That(ours.Arrived, Is.EqualTo(sumo.Arrived).Within(2).Percent, "arrived");
            Assert.That(trips.Count(t => t.Id.StartsWith("pt_train_RB", StringComparison.Ordinal)), Is.InRange(24, 96),
                "the regional trains queue at the block signals (SUMO: 48 of 180 arrived by 61,000 s; without block signals all 180)");
        });
    }

    [Test]
    public void WildauTripStatistics()
    {
        var run = Wildau().Replications[0];
        foreach (var x in run.LevelCrossings)
        {
            TestContext.Out.WriteLine($"| wildau | level crossing {x.JunctionId}: barriers closed {x.Closures} times (SUMO 62), down {x.DownS:F0} s (SUMO 2,095 s) |");
        }

        // SUMO 1.15 on the same net and flows (seed 1, SaveTLSStates of the crossing; benchmarks/parity.md): 62 closures
        // and 2,095 s down by 61,000 s.
        var crossing = run.LevelCrossings.Single();
        Assert.That(crossing.Closures, Is.InRange(62 * 0.8, 62 * 1.2), "closures of Wildau's level crossing, SUMO 62 ± 20%");
        Assert.That(crossing.DownS, Is.InRange(2_095 * 0.8, 2_095 * 1.2), "time down, SUMO 2,095 s ± 20%");
        AssertTrips("wildau", SumoReference.Stats(SumoReference.Data("sumo/reference-output-sumo-1.15/wildau.stats.xml")), SumoReference.Stats(run.Trips));
    }

    [Test]
    public void WildauRealCounts_GehBelow5AtMostSites()
    {
        var run = Wildau();
        var measured = XDocument.Load(SumoReference.Data("counts/wildau/measurements.xml")).Root!.Elements("singlelink")
            .ToDictionary(e => (string)e.Attribute("link")!, e => (int)e.Attribute("value")!);
        var ids = run.SumoEdgeIds!;
        var rep = run.Replications[0];
        var counted = rep.EdgeData.GroupBy(r => ids[r.Edge]).ToDictionary(g => g.Key, g => g.Sum(r => r.Entered + r.Departed));
        var geh = measured.Select(m => SumoReference.Geh(counted.GetValueOrDefault(m.Key), m.Value)).ToList();
        var share = geh.Count(g => g < 5) / (double)geh.Count;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| wildau | count sites with GEH < 5 (15:00-16:00) | {measured.Count} sites | {share:P0} (max GEH {geh.Max():F1}) | | ≥ 85% | {(share >= 0.85 ? "yes" : "no")} |"));
        Assert.That(share, Is.GreaterThanOrEqualTo(0.85), "share of count sites with GEH < 5");
    }
}
