using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

public class CityModelCacheLayoutTests
{
    private static readonly Type[] Owners =
    [
        typeof(CityTwin.Model.Roads.RoadNetwork), typeof(CityTwin.Model.Buildings.BuildingSet), typeof(CityTwin.Model.Lighting.StreetLampSet),
        typeof(CityTwin.Model.Energy.GridAssetSet),
    ];

    /// <summary>The padding masks cover exactly the fields' bytes of every struct the cache writes.</summary>
    [Test]
    public void FieldMask_CoversExactlyTheFields()
    {
        var types = Owners.SelectMany(o => o.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(p => p.Name.EndsWith("Array", StringComparison.Ordinal) && p.PropertyType.IsArray && p.PropertyType.GetElementType()!.IsValueType)
            .Select(p => p.PropertyType.GetElementType()!).Distinct().ToList();
        Assert.That(types, Has.Count.GreaterThanOrEqualTo(14), "the arrays CityModelCache writes");
        Assert.Multiple(() =>
        {
            foreach (var type in types)
            {
                var mask = (byte[]?)typeof(StructPadding<>).MakeGenericType(type).GetField("FieldMask")!.GetValue(null);
                var size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
                var fieldBytes = mask?.Count(b => b == 0xFF) ?? size;
                Assert.That(fieldBytes, Is.EqualTo(FieldBytes(type)), type.Name);
            }
        });
    }

    /// <summary>
    /// Padding holds whatever was in memory (zeros under the JIT, leftovers in the native build); the cache must not
    /// depend on it: the same city gives the same bytes.
    /// </summary>
    [Test]
    public void Save_WithGarbageInPadding_WritesTheSameBytes()
    {
        var dir = Directory.CreateTempSubdirectory("citytwin-padding-").FullName;
        try
        {
            var clean = Path.Combine(dir, "clean.ctw");
            CityModelCache.Save(SmallCity.Create(), clean);

            var dirty = SmallCity.Create();
            var junctions = MemoryMarshal.AsBytes(dirty.Roads.JunctionArray.AsSpan());
            var mask = StructPadding<CityTwin.Model.Roads.Junction>.FieldMask!;
            for (var i = 0; i < junctions.Length; i++)
            {
                junctions[i] |= (byte)~mask[i % mask.Length]; // fields unchanged, padding all ones
            }

            var dirtyPath = Path.Combine(dir, "dirty.ctw");
            CityModelCache.Save(dirty, dirtyPath);

            Assert.That(File.ReadAllBytes(dirtyPath), Is.EqualTo(File.ReadAllBytes(clean)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int FieldBytes(Type type) =>
        type.IsEnum ? FieldBytes(Enum.GetUnderlyingType(type))
        : type.IsPrimitive ? (type == typeof(bool) ? 1 : type == typeof(char) ? 2 : Marshal.SizeOf(type))
        : type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Sum(f => FieldBytes(f.FieldType));
}
