namespace CityTwin.Traffic.Demand;

/// <summary>One row of an origin–destination matrix: a number of trips between two zones in a time interval.</summary>
public readonly struct OdCell
{
    /// <summary>Creates a cell.</summary>
    /// <param name="origin">Origin zone name.</param>
    /// <param name="destination">Destination zone name.</param>
    /// <param name="trips">Number of trips, ≥ 0.</param>
    /// <param name="beginS">Interval start, seconds, ≥ 0.</param>
    /// <param name="endS">Interval end, seconds, ≥ <paramref name="beginS"/> (departures are before it, or at begin when equal).</param>
    /// <param name="lineNumber">Line in the source file, for error messages (0 when built in code).</param>
    public OdCell(string origin, string destination, int trips, double beginS, double endS, int lineNumber = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(trips);
        if (!double.IsFinite(beginS) || beginS < 0 || !double.IsFinite(endS) || endS < beginS)
        {
            throw new ArgumentException($"Need 0 ≤ begin ≤ end (finite); got {beginS} and {endS}.");
        }

        Origin = origin;
        Destination = destination;
        Trips = trips;
        BeginS = beginS;
        EndS = endS;
        LineNumber = lineNumber;
    }

    /// <summary>Origin zone name.</summary>
    public string Origin { get; }

    /// <summary>Destination zone name.</summary>
    public string Destination { get; }

    /// <summary>Number of trips.</summary>
    public int Trips { get; }

    /// <summary>Interval start, seconds.</summary>
    public double BeginS { get; }

    /// <summary>Interval end, seconds.</summary>
    public double EndS { get; }

    /// <summary>Line in the source file (0 when built in code).</summary>
    public int LineNumber { get; }
}
