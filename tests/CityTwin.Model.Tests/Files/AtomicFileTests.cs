using CityTwin.Model.Files;

namespace CityTwin.Model.Tests.Files;

/// <summary>The one write-then-move helper behind every output, cache and report: nothing half-written, nothing left over.</summary>
public class AtomicFileTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "citytwin-atomic-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void Write_ReplacesTheTargetAndLeavesNoTemporaryFile()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "table.csv");
        File.WriteAllText(path, "old");
        AtomicFile.WriteText(path, w => w.Write("a,b\n1,2\n"));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(path), Is.EqualTo("a,b\n1,2\n"u8.ToArray()), "UTF-8 without a byte-order mark");
            Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void Write_ThatFails_KeepsTheOldContentAndRemovesItsTemporaryFile()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "city.ctw");
        File.WriteAllText(path, "old");
        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of a new file"u8);
            throw new InvalidOperationException("disk full");
        }));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Is.EqualTo("disk full"));
            Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
            Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void Write_CreatesTheFolderOnlyWhenAsked()
    {
        var path = Path.Combine(_dir, "new", "report.html");
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteText(path, w => w.Write("x")));
        AtomicFile.WriteText(path, w => w.Write("x"), createDirectory: true);
        Assert.That(File.ReadAllText(path), Is.EqualTo("x"));
    }
}
