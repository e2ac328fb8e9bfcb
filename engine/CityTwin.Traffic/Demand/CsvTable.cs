using System.Globalization;
using System.Text;

namespace CityTwin.Traffic.Demand;

/// <summary>
/// A minimal CSV reader for the demand formats: a header row naming the columns, comma-separated fields,
/// double quotes around fields that contain commas (<c>""</c> for a quote inside), blank lines and lines starting
/// with <c>#</c> skipped, fields trimmed. Every error names the source, line and column.
/// </summary>
internal sealed class CsvTable
{
    private readonly string _source;
    private readonly Dictionary<string, int> _columns;
    private readonly TextReader _reader;
    private readonly List<string> _fields = [];
    private readonly int _headerLine;
    private int _lineNumber;

    private CsvTable(string source, TextReader reader, Dictionary<string, int> columns, int headerLine)
    {
        _source = source;
        _reader = reader;
        _columns = columns;
        _lineNumber = headerLine;
        _headerLine = headerLine;
    }

    public string Source => _source;

    public int LineNumber => _lineNumber;

    public int HeaderLine => _headerLine;

    public static CsvTable Open(TextReader reader, string source)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (IsSkipped(line))
            {
                continue;
            }

            var header = new List<string>();
            Split(line, header, source, lineNumber);
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                if (!columns.TryAdd(header[i], i))
                {
                    throw new DemandFormatException(source, lineNumber, header[i], "the column appears twice in the header.");
                }
            }

            return new CsvTable(source, reader, columns, lineNumber);
        }

        throw new DemandFormatException(source, lineNumber, null, "the file is empty; expected a header row.");
    }

    public bool HasColumn(string name) => _columns.ContainsKey(name);

    public void Require(params string[] names)
    {
        foreach (var name in names)
        {
            if (!_columns.ContainsKey(name))
            {
                throw new DemandFormatException(_source, _headerLine, name,
                    $"missing column; the header must name {string.Join(", ", names)}.");
            }
        }
    }

    public bool ReadRow()
    {
        while (_reader.ReadLine() is { } line)
        {
            _lineNumber++;
            if (IsSkipped(line))
            {
                continue;
            }

            Split(line, _fields, _source, _lineNumber);
            if (_fields.Count != _columns.Count)
            {
                throw new DemandFormatException(_source, _lineNumber, null,
                    $"expected {_columns.Count} fields as in the header, found {_fields.Count}.");
            }

            return true;
        }

        return false;
    }

    public string Text(string column)
    {
        var value = _fields[_columns[column]];
        if (value.Length == 0)
        {
            throw Error(column, "expected a value, found an empty field.");
        }

        return value;
    }

    public double Double(string column, double min = double.NegativeInfinity)
    {
        var text = Text(column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || v < min)
        {
            throw Error(column, $"expected a number ≥ {min.ToString(CultureInfo.InvariantCulture)}, found '{text}'.");
        }

        return v;
    }

    public long Long(string column, long min = long.MinValue)
    {
        var text = Text(column);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) || v < min)
        {
            throw Error(column, $"expected an integer ≥ {min.ToString(CultureInfo.InvariantCulture)}, found '{text}'.");
        }

        return v;
    }

    public DemandFormatException Error(string? column, string problem) => new(_source, _lineNumber, column, problem);

    private static bool IsSkipped(string line)
    {
        var t = line.AsSpan().Trim();
        return t.Length == 0 || t[0] == '#';
    }

    private static void Split(string line, List<string> fields, string source, int lineNumber)
    {
        fields.Clear();
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            sb.Clear();
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new DemandFormatException(source, lineNumber, null, $"field {fields.Count + 1} has an unclosed quote.");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i++]);
                }

                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] != ' ')
                    {
                        throw new DemandFormatException(source, lineNumber, null, $"field {fields.Count + 1} has text after its closing quote.");
                    }

                    i++;
                }
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    sb.Append(line[i++]);
                }
            }

            fields.Add(sb.ToString().Trim());
            if (i >= line.Length)
            {
                return;
            }

            i++; // the comma
        }
    }
}
