namespace CityTwin.Traffic.Demand;

/// <summary>A demand file (OD matrix or zones) is malformed; the message names the file, line and field.</summary>
public sealed class DemandFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">File name or other source description.</param>
    /// <param name="lineNumber">1-based line number (0 when the problem is not on one line).</param>
    /// <param name="field">Column name, or null.</param>
    /// <param name="problem">What was wrong and what was expected.</param>
    public DemandFormatException(string source, int lineNumber, string? field, string problem)
        : base(field is null ? $"{source}:{lineNumber}: {problem}" : $"{source}:{lineNumber}: field '{field}': {problem}")
    {
        Source = source;
        LineNumber = lineNumber;
        Field = field;
    }

    /// <summary>File name or source description.</summary>
    public new string Source { get; }

    /// <summary>1-based line number (0 when not on one line).</summary>
    public int LineNumber { get; }

    /// <summary>Column name, or null.</summary>
    public string? Field { get; }
}
