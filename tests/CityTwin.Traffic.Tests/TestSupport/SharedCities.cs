using System.Collections.Concurrent;
using CityTwin.IO.Osm;
using CityTwin.Model;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>
/// Real OSM extracts from <c>../shared/data/osm</c> (next to the repository root), imported once per test run.
/// Tests that need one are ignored, with the path in the message, when the data is not there.
/// </summary>
public static class SharedCities
{
    /// <summary>Helsinki centre, 2019 (small and fast).</summary>
    public const string Helsinki = "helsinki-centre-2019.osm.pbf";

    /// <summary>Monaco, 2016.</summary>
    public const string Monaco = "monaco-2016.osm.pbf";

    private static readonly ConcurrentDictionary<string, Lazy<CityModel>> Cache = new();

    /// <summary>Imports an extract (cached), or marks the test ignored when the file is missing.</summary>
    public static CityModel ImportOrIgnore(string fileName)
    {
        var path = FindOsmFile(fileName);
        if (path is null)
        {
            Assert.Ignore($"Shared data not found: {fileName} is expected in ../shared/data/osm next to the repository " +
                $"root (searched up from {TestContext.CurrentContext.TestDirectory}).");
        }

        return Cache.GetOrAdd(path!, p => new Lazy<CityModel>(() => OsmCityImporter.Import(p))).Value;
    }

    /// <summary>Path of a shared OSM extract, or null when the repository root or the file cannot be found.</summary>
    public static string? FindOsmFile(string fileName)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "osm", fileName));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
