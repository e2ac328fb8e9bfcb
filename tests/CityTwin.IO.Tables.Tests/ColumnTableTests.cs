using Parquet.Serialization;

namespace CityTwin.IO.Tables.Tests;

public sealed class ColumnTableTests
{
    public sealed class Row
    {
        public string? Variant { get; set; }

        public string? Mode { get; set; }

        public double Co2Kg { get; set; }

        public double Arrived { get; set; }
    }

    [Test]
    public void ColumnsAppearOnFirstUse_EarlierRowsGetEmptyCells_CsvAndParquetAgree()
    {
        var table = new ColumnTable();
        table.Add([new("Variant", "a")], [new("Co2Kg", 1.5)]);
        table.Add([new("Variant", "b,c"), new("Mode", "x")], [new("Co2Kg", 2), new("Arrived", 10)]);
        var dir = Path.Combine(Path.GetTempPath(), "citytwin-columntable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            table.WriteCsv(Path.Combine(dir, "t.csv"));
            table.WriteParquet(Path.Combine(dir, "t.parquet"));
            var lines = File.ReadAllLines(Path.Combine(dir, "t.csv"));
            var rows = ParquetSerializer.DeserializeAsync<Row>(Path.Combine(dir, "t.parquet")).GetAwaiter().GetResult().Data;
            Assert.Multiple(() =>
            {
                Assert.That(lines, Is.EqualTo(new[] { "Variant,Mode,Co2Kg,Arrived", "a,,1.5,", "\"b,c\",x,2,10" }));
                Assert.That(table.RowCount, Is.EqualTo(2));
                Assert.That(rows.Select(r => r.Variant), Is.EqualTo(new[] { "a", "b,c" }));
                Assert.That(rows.Select(r => r.Co2Kg), Is.EqualTo(new[] { 1.5, 2.0 }));
                Assert.That(double.IsNaN(rows.First().Arrived), Is.True);
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
