namespace CityTwin.Simulation.Energy.Grid;

/// <summary>A feeder line list that is not a radial tree rooted at its source (a loop, an island, a bad bus).</summary>
public sealed class FeederTopologyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeederTopologyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the line or bus.</param>
    public FeederTopologyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FeederTopologyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
