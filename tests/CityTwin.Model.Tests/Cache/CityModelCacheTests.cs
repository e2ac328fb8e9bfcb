using System.Security.Cryptography;
using CityTwin.Model.Cache;
using CityTwin.Model.Tests.TestSupport;

namespace CityTwin.Model.Tests.Cache;

public class CityModelCacheTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "citytwin-cache-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Load_AfterSave_GivesAnIdenticalModel()
    {
        var model = SmallCity.Create();
        var path = Path.Combine(_dir, "city.ctw");
        CityModelCache.Save(model, path);

        var loaded = CityModelCache.Load(path);

        Assert.That(loaded.Roads.Edges.ToArray(), Is.EqualTo(model.Roads.Edges.ToArray()));
        Assert.That(loaded.Roads.Connections.ToArray(), Is.EqualTo(model.Roads.Connections.ToArray()));
        Assert.That(loaded.Roads.SignalStates.ToArray(), Is.EqualTo(model.Roads.SignalStates.ToArray()));
        Assert.That(loaded.Roads.Names, Is.EqualTo(model.Roads.Names));
        Assert.That(loaded.Buildings.Buildings.ToArray(), Is.EqualTo(model.Buildings.Buildings.ToArray()));
        Assert.That(loaded.Buildings.Points.ToArray(), Is.EqualTo(model.Buildings.Points.ToArray()));
        Assert.That(loaded.Lamps.GetTag(0, "highway"), Is.EqualTo("street_lamp"));
        Assert.That(loaded.Lamps.GeneratedCount, Is.EqualTo(1));
        Assert.That(loaded.Projection.CentreLonDeg, Is.EqualTo(7.42));
        Assert.That(loaded.Report.Entries.Single().ToString(), Is.EqualTo(model.Report.Entries.Single().ToString()));
        Assert.That(loaded.Report.SourceName, Is.EqualTo("small.osm"));
    }

    [Test]
    public void Save_SameModelTwice_WritesIdenticalBytes()
    {
        var a = Path.Combine(_dir, "a.ctw");
        var b = Path.Combine(_dir, "b.ctw");
        CityModelCache.Save(SmallCity.Create(), a);
        CityModelCache.Save(SmallCity.Create(), b);

        Assert.That(SHA256.HashData(File.ReadAllBytes(a)), Is.EqualTo(SHA256.HashData(File.ReadAllBytes(b))));
    }

    [Test]
    public void Save_IntoAFolderThatDoesNotExist_CreatesIt()
    {
        var path = Path.Combine(_dir, "new", "deeper", "city.ctw");
        CityModelCache.Save(SmallCity.Create(), path);

        Assert.That(CityModelCache.Load(path).Roads.Names, Is.EqualTo(SmallCity.Create().Roads.Names));
    }

    [Test]
    public void Save_LeavesNoTemporaryFiles()
    {
        var path = Path.Combine(_dir, "city.ctw");
        CityModelCache.Save(SmallCity.Create(), path);
        CityModelCache.Save(SmallCity.Create(), path);

        Assert.That(Directory.GetFiles(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "city.ctw" }));
    }

    [Test]
    public void Load_OtherFormatVersion_IsRefusedWithAMessageSayingSo()
    {
        var path = Path.Combine(_dir, "old.ctw");
        CityModelCache.Save(SmallCity.Create(), path);
        var bytes = File.ReadAllBytes(path);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), CityModelCache.FormatVersion + 1);
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<CacheFormatException>(() => CityModelCache.Load(path));
        Assert.That(ex!.Message, Does.Contain("old.ctw").And.Contain($"version {CityModelCache.FormatVersion + 1}").And.Contain("re-create"));
    }

    [Test]
    public void Load_FlippedPayloadByte_FailsTheChecksum()
    {
        var path = Path.Combine(_dir, "bad.ctw");
        CityModelCache.Save(SmallCity.Create(), path);
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<CacheFormatException>(() => CityModelCache.Load(path));
        Assert.That(ex!.Message, Does.Contain("checksum"));
    }

    [Test]
    public void Load_TruncatedFile_IsRefused()
    {
        var path = Path.Combine(_dir, "cut.ctw");
        CityModelCache.Save(SmallCity.Create(), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length - 100).ToArray());

        Assert.That(() => CityModelCache.Load(path), Throws.TypeOf<CacheFormatException>().With.Message.Contains("truncated"));
    }

    [Test]
    public void Load_NotACache_IsRefused()
    {
        var path = Path.Combine(_dir, "text.ctw");
        File.WriteAllText(path, "this is not a city cache at all, just some text that is long enough");

        Assert.That(() => CityModelCache.Load(path), Throws.TypeOf<CacheFormatException>().With.Message.Contains("not a CityTwin city cache"));
    }
}
