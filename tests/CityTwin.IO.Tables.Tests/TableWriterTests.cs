using Parquet.Serialization;

namespace CityTwin.IO.Tables.Tests;

public class TableWriterTests
{
    public enum Outcome
    {
        Arrived,
        Removed,
    }

    public readonly record struct Row(string Id, double ValueS, int Count, Outcome Status);

    public sealed class RowBack
    {
        public string Id { get; set; } = "";

        public double ValueS { get; set; }

        public int Count { get; set; }

        public Outcome Status { get; set; }
    }

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("citytwin-tables-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void WriteCsv_QuotesAndInvariantNumbers()
    {
        var path = Path.Combine(_dir, "t.csv");
        TableWriter.WriteCsv(new[] { new Row("a,b", 1.5, 3, Outcome.Removed), new Row("q\"x", double.NaN, -1, Outcome.Arrived) }, path);
        var lines = File.ReadAllLines(path);
        Assert.That(lines, Is.EqualTo(new[] { "Id,ValueS,Count,Status", "\"a,b\",1.5,3,Removed", "\"q\"\"x\",,-1,Arrived" }));
    }

    [Test]
    public async Task WriteParquet_RoundTripsThroughParquetNet()
    {
        var path = Path.Combine(_dir, "t.parquet");
        var rows = Enumerable.Range(0, 1000).Select(i => new Row($"v{i}", i * 0.5, i, i % 3 == 0 ? Outcome.Removed : Outcome.Arrived)).ToList();
        TableWriter.WriteParquet(rows, path);
        await using var stream = File.OpenRead(path);
        var back = await ParquetSerializer.DeserializeAsync<RowBack>(stream);
        Assert.That(back.Data, Has.Count.EqualTo(1000));
        Assert.That(back.Data[999].Id, Is.EqualTo("v999"));
        Assert.That(back.Data[999].ValueS, Is.EqualTo(499.5));
        Assert.That(back.Data[999].Status, Is.EqualTo(Outcome.Removed));
    }

    public enum Small : byte
    {
        Zero,
        Seven = 7,
    }

    /// <summary>A class row (settable, so Parquet.Net can read it back too).</summary>
    public sealed class ClassRow
    {
        public long Big { get; set; }

        public bool Flag { get; set; }

        public float Ratio { get; set; }

        public string? Name { get; set; }

        public Small Kind { get; set; }

        public int this[int i] => i; // indexers are not columns
    }

    public readonly record struct Dated(int Id, DateTime When);

    [Test]
    public void WriteCsv_ClassRows_AllColumnKinds()
    {
        var path = Path.Combine(_dir, "c.csv");
        TableWriter.WriteCsv(new[]
        {
            new ClassRow { Big = 5_000_000_000, Flag = true, Ratio = 0.25f, Name = null, Kind = Small.Seven },
            new ClassRow { Big = -1, Flag = false, Ratio = float.NaN, Name = "x", Kind = Small.Zero },
        }, path);
        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "Big,Flag,Ratio,Name,Kind", "5000000000,true,0.25,,Seven", "-1,false,,x,Zero" }));
    }

    [Test]
    public async Task WriteParquet_KeepsEachColumnsType()
    {
        var path = Path.Combine(_dir, "c.parquet");
        TableWriter.WriteParquet(new[] { new ClassRow { Big = 5_000_000_000, Flag = true, Ratio = 0.5f, Name = null, Kind = Small.Seven } }, path);
        await using var stream = File.OpenRead(path);
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().Select(f => (f.Name, f.ClrType, f.IsNullable)).ToArray();
        Assert.That(fields, Is.EqualTo(new[]
        {
            ("Big", typeof(long), false), ("Flag", typeof(bool), false), ("Ratio", typeof(float), false), ("Name", typeof(ReadOnlyMemory<char>), true), // Parquet.Net 6 reads strings as character memory
            ("Kind", typeof(byte), false),
        }));
        stream.Position = 0;
        var back = (await ParquetSerializer.DeserializeAsync<ClassRow>(stream)).Data.Single();
        Assert.That((back.Big, back.Flag, back.Ratio, back.Name, back.Kind), Is.EqualTo((5_000_000_000L, true, 0.5f, (string?)null, Small.Seven)));
    }

    [Test]
    public void Write_UnsupportedColumnType_NamesTheColumn()
    {
        var e = Assert.Throws<NotSupportedException>(() => TableWriter.WriteCsv(new[] { new Dated(1, DateTime.UnixEpoch) }, Path.Combine(_dir, "d.csv")));
        Assert.That(e!.Message, Does.Contain("Dated.When").And.Contain("DateTime"));
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }

    [Test]
    public void Write_FailingMidway_LeavesNoFileBehind()
    {
        var path = Path.Combine(_dir, "t.csv");
        static IEnumerable<Row> Broken()
        {
            yield return new Row("a", 1, 1, Outcome.Arrived);
            throw new IOException("disk gone");
        }

        Assert.Throws<IOException>(() => TableWriter.WriteCsv(Broken(), path));
        Assert.That(Directory.GetFiles(_dir), Is.Empty, "neither the table nor a temporary file may remain");
    }
}
