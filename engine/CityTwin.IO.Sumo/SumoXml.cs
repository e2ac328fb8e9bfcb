using System.Globalization;
using System.IO.Compression;
using System.Xml;
using CityTwin.Model.Reporting;

namespace CityTwin.IO.Sumo;

/// <summary>A forward-only reader over one SUMO XML file (plain or gzip) that reports errors with file and line.</summary>
internal sealed class SumoXml : IDisposable
{
    private readonly Stream _stream;
    private readonly XmlReader _reader;

    public SumoXml(string path)
    {
        Path = path;
        try
        {
            Stream file = File.OpenRead(path);
            // Gzip is recognised by its magic bytes, not the name, so a renamed file still opens.
            var b0 = file.ReadByte();
            var b1 = file.ReadByte();
            file.Position = 0;
            // Gzip is inflated in large blocks (the XML reader asks for a few KB at a time).
            _stream = b0 == 0x1f && b1 == 0x8b ? new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16) : file;
        }
        catch (IOException ex)
        {
            throw new SumoFormatException(path, 0, ex.Message, ex);
        }

        _reader = XmlReader.Create(_stream, new XmlReaderSettings
        {
            IgnoreComments = true, IgnoreWhitespace = true, IgnoreProcessingInstructions = true, DtdProcessing = DtdProcessing.Ignore,
        });
    }

    public string Path { get; }

    public XmlReader Reader => _reader;

    public int Line => ((IXmlLineInfo)_reader).LineNumber;

    /// <summary>Advances to the next element start; false at the end of the file.</summary>
    public bool NextElement()
    {
        try
        {
            while (_reader.Read())
            {
                if (_reader.NodeType == XmlNodeType.Element)
                {
                    return true;
                }
            }

            return false;
        }
        catch (XmlException ex)
        {
            throw new SumoFormatException(Path, ex.LineNumber, ex.Message, ex);
        }
    }

    /// <summary>Depth of the current element (root = 0).</summary>
    public int Depth => _reader.Depth;

    public string Name => _reader.Name;

    public string? Attr(string name) => _reader.GetAttribute(name);

    public string Required(string name) =>
        _reader.GetAttribute(name) ?? throw Error($"<{_reader.Name}> has no '{name}' attribute");

    public double Double(string name, double fallback)
    {
        var text = _reader.GetAttribute(name);
        if (text is null)
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"<{_reader.Name}> attribute '{name}' is not a number: '{text}'");
    }

    public int Int(string name, int fallback)
    {
        var text = _reader.GetAttribute(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw Error($"<{_reader.Name}> attribute '{name}' is not an integer: '{text}'");
    }

    /// <summary>A boolean attribute as SUMO reads one (1/0, true/false, yes/no, on/off, t/f, x/-).</summary>
    public bool Bool(string name, bool fallback)
    {
        var text = _reader.GetAttribute(name);
        return text?.ToLowerInvariant() switch
        {
            null => fallback,
            "1" or "true" or "yes" or "on" or "t" or "x" => true,
            "0" or "false" or "no" or "off" or "f" or "-" => false,
            _ => throw Error($"<{_reader.Name}> attribute '{name}' is not a boolean (true/false, 1/0): '{text}'"),
        };
    }

    /// <summary>Counts every attribute of the current element that is not in <paramref name="known"/>.</summary>
    public void ReportUnknownAttributes(HashSet<string> known, SumoReport report, string category)
    {
        if (!_reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            var n = _reader.Name;
            if (!known.Contains(n) && !n.StartsWith("xmlns", StringComparison.Ordinal) && !n.StartsWith("xsi:", StringComparison.Ordinal))
            {
                report.Add(category, $"attribute ignored: {_reader.LocalName}", ReportSeverity.Info);
            }
        }
        while (_reader.MoveToNextAttribute());
        _reader.MoveToElement();
    }

    public SumoFormatException Error(string message) => new(Path, Line, message);

    public static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double ParseDouble(ReadOnlySpan<char> text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses a SUMO time value: seconds (<c>54000</c>, <c>3.5</c>) or clock time <c>[D:]HH:MM:SS[.fff]</c>
    /// (<c>15:00:00</c> = 54000 s), as SUMO accepts in begin/end/depart attributes.
    /// </summary>
    /// <param name="text">The value.</param>
    /// <param name="seconds">The time, s.</param>
    /// <returns>False when it is neither form.</returns>
    public static bool TryParseTime(string text, out double seconds)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
        {
            return true;
        }

        var parts = text.Split(':');
        if (parts.Length is < 3 or > 4)
        {
            return false;
        }

        seconds = 0;
        double[] scale = parts.Length == 4 ? [86_400, 3600, 60, 1] : [3600, 60, 1];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0)
            {
                return false;
            }

            seconds += v * scale[i];
        }

        return true;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
