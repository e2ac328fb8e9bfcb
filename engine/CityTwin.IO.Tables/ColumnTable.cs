using System.Globalization;
using System.Text;
using Parquet.Schema;
using CityTwin.Model.Files;

namespace CityTwin.IO.Tables;

/// <summary>
/// A table whose columns are only known at run time (e.g. one column per swept parameter and per KPI): text columns
/// then number columns, all of one length. Written as CSV or Parquet, atomically like <see cref="TableWriter"/>.
/// </summary>
public sealed class ColumnTable
{
    private readonly List<(string Name, List<string> Values)> _text = [];
    private readonly List<(string Name, List<double> Values)> _numbers = [];

    /// <summary>Rows so far.</summary>
    public int RowCount { get; private set; }

    /// <summary>Appends a row; columns are created on first use (earlier rows get empty/NaN).</summary>
    /// <param name="text">Text cells by column.</param>
    /// <param name="numbers">Number cells by column.</param>
    public void Add(IEnumerable<KeyValuePair<string, string>> text, IEnumerable<KeyValuePair<string, double>> numbers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(numbers);
        foreach (var (name, value) in text)
        {
            Column(_text, name, "").Add(value);
        }

        foreach (var (name, value) in numbers)
        {
            Column(_numbers, name, double.NaN).Add(value);
        }

        RowCount++;
        foreach (var (_, values) in _text)
        {
            while (values.Count < RowCount)
            {
                values.Add("");
            }
        }

        foreach (var (_, values) in _numbers)
        {
            while (values.Count < RowCount)
            {
                values.Add(double.NaN);
            }
        }
    }

    /// <summary>Writes CSV (empty cell for NaN).</summary>
    /// <param name="path">Destination.</param>
    public void WriteCsv(string path) => Atomic(path, stream =>
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(string.Join(',', _text.Select(c => Quote(c.Name)).Concat(_numbers.Select(c => Quote(c.Name)))));
        for (var r = 0; r < RowCount; r++)
        {
            w.WriteLine(string.Join(',', _text.Select(c => Quote(c.Values[r]))
                .Concat(_numbers.Select(c => double.IsNaN(c.Values[r]) ? "" : c.Values[r].ToString("R", CultureInfo.InvariantCulture)))));
        }
    });

    /// <summary>Writes Parquet (string and double columns).</summary>
    /// <param name="path">Destination.</param>
    public void WriteParquet(string path) => Atomic(path, stream =>
    {
        var textFields = _text.Select(c => new DataField<string>(c.Name)).ToList();
        var numberFields = _numbers.Select(c => new DataField<double>(c.Name)).ToList();
        TableWriter.WriteRowGroup(stream, [.. textFields, .. numberFields], group =>
        {
            for (var i = 0; i < _text.Count; i++)
            {
                group.WriteAsync(textFields[i], _text[i].Values, null).GetAwaiter().GetResult();
            }

            for (var i = 0; i < _numbers.Count; i++)
            {
                group.WriteAsync<double>(numberFields[i], _numbers[i].Values.ToArray().AsMemory(), null).GetAwaiter().GetResult();
            }
        });
    });

    private List<T> Column<T>(List<(string Name, List<T> Values)> columns, string name, T empty)
    {
        foreach (var (n, values) in columns)
        {
            if (n == name)
            {
                return values;
            }
        }

        var list = Enumerable.Repeat(empty, RowCount).ToList();
        columns.Add((name, list));
        return list;
    }

    private static string Quote(string s) => TableWriter.Quote(s);

    private static void Atomic(string path, Action<Stream> write) => AtomicFile.Write(path, write);
}
