using System.Globalization;

namespace CityTwin.IO.Tables;

/// <summary>
/// Reads a CSV table as written by <see cref="TableWriter"/> (RFC 4180: header row, comma-separated, double-quoted
/// cells with doubled quotes) into columns by name, for reports that rebuild from a run folder.
/// </summary>
/// <remarks>Implementation note: the file is kept as one string and each cell as its position in it; numbers are parsed
/// from those spans and text cells become strings only when asked for. A run's <c>feeders.csv</c> (1.4 million rows,
/// 42 MB) took 1.7–2.9 s to read as a string per cell, most of a run's report time.</remarks>
public sealed class CsvTableReader
{
    private readonly Dictionary<string, int> _index;
    private readonly string _text;
    private readonly int[] _cellStart;
    private readonly int[] _cellLength; // negative: a quoted cell with doubled quotes to undo, of length −value
    private readonly int[] _rowLine;
    private string[][]? _rows;

    private CsvTableReader(string[] header, string text, int[] cellStart, int[] cellLength, int[] rowLine, string source)
    {
        Header = header;
        Source = source;
        _text = text;
        _cellStart = cellStart;
        _cellLength = cellLength;
        _rowLine = rowLine;
        _index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows (cells as text), made on first use.</summary>
    public IReadOnlyList<string[]> Rows => _rows ??= Enumerable.Range(0, RowCount)
        .Select(r => Enumerable.Range(0, Header.Count).Select(c => CellText(r * Header.Count + c)).ToArray()).ToArray();

    /// <summary>Number of data rows.</summary>
    public int RowCount => _rowLine.Length;

    /// <summary>The file read.</summary>
    public string Source { get; }

    /// <summary>Reads a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="InvalidDataException">A row has another number of cells than the header, or a quote is not closed.</exception>
    public static CsvTableReader Read(string path)
    {
        var text = File.ReadAllText(path);
        var starts = new List<int>();
        var lengths = new List<int>();
        var rowLines = new List<int>();
        string[]? header = null;
        var pos = 0;
        var line = 1;
        while (pos < text.Length)
        {
            var recordLine = line;
            var firstCell = starts.Count;
            while (true)
            {
                int start, length;
                if (text[pos] == '"')
                {
                    // Quoted: up to the closing quote; "" inside stands for one quote (undone when the cell is read).
                    start = pos + 1;
                    var escaped = false;
                    var i = start;
                    while (true)
                    {
                        var q = text.IndexOf('"', i);
                        if (q < 0)
                        {
                            throw new InvalidDataException($"{path}:{recordLine}: a quoted cell is not closed");
                        }

                        line += text.AsSpan(i, q - i).Count('\n');
                        if (q + 1 < text.Length && text[q + 1] == '"')
                        {
                            escaped = true;
                            i = q + 2;
                            continue;
                        }

                        length = q - start;
                        pos = q + 1;
                        break;
                    }

                    length = escaped ? -length : length;
                    if (pos < text.Length && text[pos] is not (',' or '\n' or '\r'))
                    {
                        throw new InvalidDataException($"{path}:{line}: unexpected '{text[pos]}' after a quoted cell (expected a comma or the end of the line)");
                    }
                }
                else
                {
                    start = pos;
                    var end = text.AsSpan(pos).IndexOfAny(',', '\n', '\r');
                    pos = end < 0 ? text.Length : pos + end;
                    length = pos - start;
                }

                starts.Add(start);
                lengths.Add(length);
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    if (pos == text.Length)
                    {
                        // A trailing comma at the very end: one more, empty cell.
                        starts.Add(pos);
                        lengths.Add(0);
                    }
                    else
                    {
                        continue;
                    }
                }

                break;
            }

            // End of record: a line break (\n, \r\n or \r) or the end of the text.
            if (pos < text.Length)
            {
                pos += text[pos] == '\r' && pos + 1 < text.Length && text[pos + 1] == '\n' ? 2 : 1;
                line++;
            }

            var cellCount = starts.Count - firstCell;
            if (header is null)
            {
                header = new string[cellCount];
                for (var c = 0; c < cellCount; c++)
                {
                    header[c] = Text(text, starts[firstCell + c], lengths[firstCell + c]);
                }

                starts.Clear();
                lengths.Clear();
                continue;
            }

            if (cellCount != header.Length)
            {
                throw new InvalidDataException($"{path}:{recordLine}: expected {header.Length} cells, found {cellCount}");
            }

            rowLines.Add(recordLine);
        }

        if (header is null)
        {
            throw new InvalidDataException($"{path}: empty file, expected a header row");
        }

        return new CsvTableReader(header, text, [.. starts], [.. lengths], [.. rowLines], path);
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
        var column = Column(name);
        var values = new double[RowCount];
        for (var r = 0; r < values.Length; r++)
        {
            var cell = r * Header.Count + column;
            var length = _cellLength[cell];
            var span = length >= 0 ? _text.AsSpan(_cellStart[cell], length) : CellText(cell).AsSpan();
            if (span.IsEmpty)
            {
                values[r] = double.NaN;
            }
            else if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out values[r]))
            {
                throw new InvalidDataException($"{Source}:{_rowLine[r]}: column {name}: expected a number, got '{span}'");
            }
        }

        return values;
    }

    /// <summary>A text column.</summary>
    /// <param name="name">Column name.</param>
    /// <returns>The values.</returns>
    public string[] Texts(string name)
    {
        var column = Column(name);
        var values = new string[RowCount];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = CellText(r * Header.Count + column);
        }

        return values;
    }

    private string CellText(int cell) => Text(_text, _cellStart[cell], _cellLength[cell]);

    private static string Text(string text, int start, int length) =>
        length >= 0 ? text.Substring(start, length) : text.Substring(start, -length).Replace("\"\"", "\"", StringComparison.Ordinal);

    private int Column(string name) => _index.TryGetValue(name, out var i)
        ? i
        : throw new InvalidDataException($"{Source}: no column '{name}' (columns: {string.Join(", ", Header)})");
}
