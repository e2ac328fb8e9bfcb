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
    public void Load_MonacoCache_GivesTheSameModel()
    {
        var path = Path.Combine(_dir, "monaco.ctw");
        var model = ImportedCities.Monaco;
        CityModelCache.Save(model, path);

        var loaded = CityModelCache.Load(path);

        // Speed is measured by benchmarks/CityTwin.Benchmarks/Import, never asserted here.
        Assert.That(new CitySummary(loaded).ToString(), Is.EqualTo(new CitySummary(model).ToString()));
        Assert.That(loaded.Roads.Conflicts.ToArray(), Is.EqualTo(model.Roads.Conflicts.ToArray()));
        Assert.That(loaded.Buildings.Points.ToArray(), Is.EqualTo(model.Buildings.Points.ToArray()));
        Assert.That(loaded.Roads.Junctions.ToArray(), Is.EqualTo(model.Roads.Junctions.ToArray()));
    }

    [Test]
    public void Load_BadHersfeldCache_KeepsTheGridAssets()
    {
        var path = Path.Combine(_dir, "bad-hersfeld.ctw");
        var model = ImportedCities.BadHersfeld;
        CityModelCache.Save(model, path);

        var loaded = CityModelCache.Load(path);

        Assert.That(model.Assets.Count, Is.GreaterThan(0));
        Assert.That(loaded.Assets.Assets.ToArray(), Is.EqualTo(model.Assets.Assets.ToArray()));
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
