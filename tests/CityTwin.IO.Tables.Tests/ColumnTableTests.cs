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

public sealed class CsvTableReaderTests
{
    public sealed record Cell(string Name, double Value);

    [Test]
    public void ReadsWhatTableWriterWrites_IncludingQuotedCells_AndNamesBadCells()
    {
        var path = Path.Combine(Path.GetTempPath(), "citytwin-csvreader-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            TableWriter.WriteCsv(new[] { new Cell("plain", 1.25), new Cell("with, comma and \"quote\"", double.NaN) }, path);
            var t = CsvTableReader.Read(path);
            Assert.Multiple(() =>
            {
                Assert.That(t.Header, Is.EqualTo(new[] { "Name", "Value" }));
                Assert.That(t.Texts("Name"), Is.EqualTo(new[] { "plain", "with, comma and \"quote\"" }));
                Assert.That(t.Numbers("Value")[0], Is.EqualTo(1.25));
                Assert.That(double.IsNaN(t.Numbers("Value")[1]), Is.True);
                Assert.That(() => t.Numbers("Missing"), Throws.TypeOf<InvalidDataException>().With.Message.Contains("no column 'Missing'"));
            });
            File.WriteAllText(path, "a,b\n1,2\n3\n");
            Assert.That(() => CsvTableReader.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":3: expected 2 cells, found 1"));
            File.WriteAllText(path, "a,b\n1,x\n");
            Assert.That(() => CsvTableReader.Read(path).Numbers("b"), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":2: column b: expected a number, got 'x'"));
            // Quoted cells across lines keep the line numbers of later rows right; CRLF, a last line without a line
            // break, and empty cells read as written.
            File.WriteAllText(path, "a,b\r\n\"two\nlines\",1\r\n\"\",\"2.5\"\r\nz,");
            var t2 = CsvTableReader.Read(path);
            Assert.That(t2.Texts("a"), Is.EqualTo(new[] { "two\nlines", "", "z" }));
            Assert.That(t2.Numbers("b").Take(2), Is.EqualTo(new[] { 1.0, 2.5 }));
            Assert.That(double.IsNaN(t2.Numbers("b")[2]), Is.True);
            Assert.That(t2.Rows, Has.Count.EqualTo(3));
            File.WriteAllText(path, "a,b\n\"x\ny\",1\n3,q\n");
            Assert.That(() => CsvTableReader.Read(path).Numbers("b"), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":4: column b"));
            File.WriteAllText(path, "a,b\n\"x\"y,1\n");
            Assert.That(() => CsvTableReader.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":2: unexpected 'y' after a quoted cell"));
            File.WriteAllText(path, "a,b\n\"open,1\n");
            Assert.That(() => CsvTableReader.Read(path), Throws.TypeOf<InvalidDataException>().With.Message.Contains(":2: a quoted cell is not closed"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
