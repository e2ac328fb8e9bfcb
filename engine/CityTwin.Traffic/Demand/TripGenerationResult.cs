namespace CityTwin.Traffic.Demand;

/// <summary>What a demand generator produced, and what it could not.</summary>
public sealed class TripGenerationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="trips">Trips, sorted by departure.</param>
    /// <param name="failedCount">Trips that were asked for but could not be placed.</param>
    /// <param name="rejectedDraws">Draws thrown away before a trip was placed.</param>
    public TripGenerationResult(List<TripRequest> trips, int failedCount, int rejectedDraws)
    {
        Trips = trips;
        FailedCount = failedCount;
        RejectedDraws = rejectedDraws;
    }

    /// <summary>The trips, sorted by departure (ties in generation order).</summary>
    public List<TripRequest> Trips { get; }

    /// <summary>
    /// Trips asked for (departure slots, OD trips) that were dropped because every attempt failed: no origin and
    /// destination far enough apart, or none with a route. Never silently zero: check it.
    /// </summary>
    public int FailedCount { get; }

    /// <summary>Origin–destination draws rejected along the way (same edge, too close, or unroutable).</summary>
    public int RejectedDraws { get; }
}
