namespace CityTwin.Simulation.Energy.Weather;

/// <summary>A malformed EnergyPlus weather file; the message names the file, line and field.</summary>
public sealed class EpwFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EpwFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EpwFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EpwFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a place in a file.</summary>
    /// <param name="fileName">The file (or source name).</param>
    /// <param name="lineNumber">1-based line number.</param>
    /// <param name="fieldName">The EPW field, or null for a whole-line problem.</param>
    /// <param name="problem">What is wrong.</param>
    public EpwFormatException(string fileName, int lineNumber, string? fieldName, string problem)
        : base($"{fileName}, line {lineNumber}{(fieldName is null ? string.Empty : $", field '{fieldName}'")}: {problem}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        FieldName = fieldName;
    }

    /// <summary>The file (or source name).</summary>
    public string? FileName { get; }

    /// <summary>1-based line number of the problem.</summary>
    public int LineNumber { get; }

    /// <summary>The EPW field that could not be read, if one.</summary>
    public string? FieldName { get; }
}
