using System.Globalization;
using System.Xml.Linq;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;
using CityTwin.Scenarios.Tests.TestSupport;
using CityTwin.Traffic.Outputs;

namespace CityTwin.Scenarios.Tests.Parity;

/// <summary>Runs a SUMO scenario of ../shared/data through CityTwin (Krauss, SUMO's defaults) and reads SUMO 1.15's reference outputs.</summary>
internal static class SumoReference
{
    public static string Data(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(TinyCityFixture.RepositoryRoot, "..", "shared", "data", relative));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Ignore($"Shared data not found at {path}; parity tests need ../shared/data beside the repository.");
        }

        return path;
    }

    /// <summary>Runs net + routes (+ additional) for <paramref name="durationS"/>.</summary>
    public static RunResult Run(string net, string[] routes, string[] additional, int durationS)
    {
        var yaml = $"""
            name: parity
            city:
              sumo:
                net: {net}
                routes: [{string.Join(", ", routes)}]
                additional: [{string.Join(", ", additional)}]
            time: {"{"} durationS: {durationS} {"}"}
            traffic: {"{"} model: krauss {"}"}
            lighting: {"{"} enabled: false {"}"}
            energy: {"{"} enabled: false {"}"}
            """;
        return ScenarioRunner.Run(ScenarioLoader.Parse(yaml, Path.GetTempPath()));
    }

    /// <summary>SUMO's trip statistics: arrived count and means of duration, speed (per-trip average) and time loss.</summary>
    public static (int Arrived, double DurationS, double SpeedMps, double TimeLossS) Stats(string statsFile)
    {
        var e = XDocument.Load(statsFile).Root!.Element("vehicleTripStatistics")!;
        double D(string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
        return ((int)D("count"), D("duration"), D("speed"), D("timeLoss"));
    }

    /// <summary>The same statistics from CityTwin's trips (arrived trips only, speed = mean of routeLength / duration, as SUMO).</summary>
    public static (int Arrived, double DurationS, double SpeedMps, double TimeLossS) Stats(IReadOnlyList<TripInfo> trips)
    {
        var arrived = trips.Where(t => t.Status == TripStatus.Arrived && t.DurationS > 0).ToList();
        return (arrived.Count, arrived.Average(t => t.DurationS), arrived.Average(t => t.RouteLengthM / t.DurationS), arrived.Average(t => t.TimeLossS));
    }

    /// <summary>GEH statistic of two hourly counts.</summary>
    public static double Geh(double model, double count) => model + count == 0 ? 0 : Math.Sqrt(2 * (model - count) * (model - count) / (model + count));

    /// <summary>Writes a comparison line (shows in the test output and goes into benchmarks/parity.md).</summary>
    public static void Report(string scenario, string metric, double sumo, double ours, double tolerance)
    {
        var diff = sumo == 0 ? double.NaN : (ours - sumo) / sumo;
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {metric} | {sumo:0.##} | {ours:0.##} | {diff:+0.0%;-0.0%;0.0%} | ±{tolerance:0%} | {(Math.Abs(diff) <= tolerance ? "yes" : "no")} |"));
    }
}
