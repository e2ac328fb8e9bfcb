using System.Globalization;
using System.Text;

namespace CityTwin.IO.Tables;

/// <summary>
/// Reads a CSV table as written by <see cref="TableWriter"/> (RFC 4180: header row, comma-separated, double-quoted
/// cells with doubled quotes) into columns by name, for reports that rebuild from a run folder.
/// </summary>
public sealed class CsvTableReader
{
    private readonly Dictionary<string, int> _index;

    private CsvTableReader(string[] header, List<string[]> rows, string source)
    {
        Header = header;
        Rows = rows;
        Source = source;
        _index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows (cells as text).</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The file read.</summary>
    public string Source { get; }

    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">A row has another number of cells than the header, or a quote is not closed.</exception>
    public static CsvTableReader Read(string path)
    {
        var lines = ParseRecords(File.ReadAllText(path), path);
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{path}: empty file, expected a header row");
        }

        var header = lines[0].Cells;
        var rows = new List<string[]>(lines.Count - 1);
        foreach (var (line, cells) in lines.Skip(1))
        {
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{line}: expected {header.Length} cells, found {cells.Length}");
            }

            rows.Add(cells);
        }

        return new CsvTableReader(header, rows, path);
    }

    /// <summary>Whether a column exists.</summary>
    /// <param name="name">Column name.</param>
    /// <returns>True when present.</returns>
    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>A numeric column (empty cells are NaN).</summary>
    /// <param name="name">Column name.</param>
    /// <returns>The values.</returns>
    /// <exception cref="InvalidDataException">No such column, or a cell is not a number.</exception>
    public double[] Numbers(string name)
    {
        var i = Column(name);
        var values = new double[Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            var cell = Rows[r][i];
            if (cell.Length == 0)
            {
                values[r] = double.NaN;
            }
            else if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[r]))
            {
                throw new InvalidDataException($"{Source}:{r + 2}: column {name}: expected a number, got '{cell}'");
            }
        }

        return values;
    }

    /// <summary>A text column.</summary>
    /// <param name="name">Column name.</param>
    /// <returns>The values.</returns>
    public string[] Texts(string name)
    {
        var i = Column(name);
        return Rows.Select(r => r[i]).ToArray();
    }

    private int Column(string name) => _index.TryGetValue(name, out var i)
        ? i
        : throw new InvalidDataException($"{Source}: no column '{name}' (columns: {string.Join(", ", Header)})");

    private static List<(int Line, string[] Cells)> ParseRecords(string text, string source)
    {
        var records = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells.ToArray()));
                cells.Clear();
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"{source}:{recordLine}: a quoted cell is not closed");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells.ToArray()));
        }

        return records;
    }
}
