namespace CityTwin.Model.Cache;

/// <summary>A city cache file cannot be read: not a cache, another format version, truncated or corrupt.</summary>
public sealed class CacheFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public CacheFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="inner">The cause.</param>
    public CacheFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public CacheFormatException()
    {
    }
}
