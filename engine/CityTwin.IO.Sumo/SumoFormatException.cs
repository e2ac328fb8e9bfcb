namespace CityTwin.IO.Sumo;

/// <summary>A SUMO file is malformed or inconsistent; the message names the file and, when known, the line.</summary>
public sealed class SumoFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public SumoFormatException(string filePath, int line, string message, Exception? inner = null)
        : base(line > 0 ? $"{filePath}({line}): {message}" : $"{filePath}: {message}", inner)
    {
        FilePath = filePath;
        Line = line;
    }

    /// <summary>The file being read.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the error, or 0 when unknown.</summary>
    public int Line { get; }
}
