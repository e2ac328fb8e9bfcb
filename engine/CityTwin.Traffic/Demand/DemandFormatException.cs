namespace CityTwin.Traffic.Demand;

/// <summary>A demand file (OD matrix or zones) is malformed; the message names the file, line and field.</summary>
public sealed class DemandFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">File name or other source description.</param>
    /// <param name="lineNumber">1-based line number (0 when the problem is not on one line).</param>
    /// <param name="field">Column name, or null.</param>
    /// <param name="problem">What was wrong and what was expected.</param>
    public DemandFormatException(string fileName, int lineNumber, string? field, string problem)
        : base(field is null ? $"{fileName}:{lineNumber}: {problem}" : $"{fileName}:{lineNumber}: field '{field}': {problem}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Field = field;
    }

    /// <summary>File name or source description (what the reader was given as its source name).</summary>
    public string FileName { get; }

    /// <summary>1-based line number (0 when not on one line).</summary>
    public int LineNumber { get; }

    /// <summary>Column name, or null.</summary>
    public string? Field { get; }
}
