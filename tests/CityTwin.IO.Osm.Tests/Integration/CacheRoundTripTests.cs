using System.Diagnostics;
using System.Security.Cryptography;
using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model.Cache;
using CityTwin.Model.Reporting;

namespace CityTwin.IO.Osm.Tests.Integration;

public class CacheRoundTripTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "citytwin-ctw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Load_MonacoCache_GivesTheSameSummaryAndLoadsMuchFasterThanImport()
    {
        var path = Path.Combine(_dir, "monaco.ctw");
        var model = ImportedCities.Monaco;
        CityModelCache.Save(model, path);
        CityModelCache.Load(path); // warm-up (JIT)

        var sw = Stopwatch.StartNew();
        var loaded = CityModelCache.Load(path);
        var loadMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        OsmCityImporter.Import(TestPaths.SharedOsm("monaco-2016.osm.pbf"));
        var importMs = sw.Elapsed.TotalMilliseconds;

        Assert.That(new CitySummary(loaded).ToString(), Is.EqualTo(new CitySummary(model).ToString()));
        Assert.That(loaded.Roads.Conflicts.ToArray(), Is.EqualTo(model.Roads.Conflicts.ToArray()));
        // Generous bound for a shared 2-core machine; the benchmark measures the real ratio.
        Assert.That(loadMs * 5, Is.LessThan(importMs), $"load {loadMs:F0} ms vs import {importMs:F0} ms");
    }

    [Test]
    public void Import_SameFileTwice_GivesByteIdenticalCaches()
    {
        var a = Path.Combine(_dir, "a.ctw");
        var b = Path.Combine(_dir, "b.ctw");
        CityModelCache.Save(OsmCityImporter.Import(TestPaths.SharedOsm("helsinki-centre-2019.osm.pbf")), a);
        CityModelCache.Save(OsmCityImporter.Import(TestPaths.SharedOsm("helsinki-centre-2019.osm.pbf")), b);

        Assert.That(SHA256.HashData(File.ReadAllBytes(a)), Is.EqualTo(SHA256.HashData(File.ReadAllBytes(b))));
    }
}
