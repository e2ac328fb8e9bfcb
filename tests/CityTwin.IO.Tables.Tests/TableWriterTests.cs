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
