namespace CityTwin.IO.Osm;

/// <summary>An OSM file cannot be imported (missing, not OSM, corrupt, or no drivable roads). The message names the file.</summary>
public sealed class OsmImportException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, naming the file and, where known, the element.</param>
    public OsmImportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public OsmImportException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public OsmImportException()
    {
    }
}
