namespace CityTwin.Traffic.Outputs;

/// <summary>How a trip ended.</summary>
public enum TripStatus : byte
{
    /// <summary>Reached its destination.</summary>
    Arrived = 0,

    /// <summary>Removed after waiting longer than the limit (SUMO's teleport, counted, never silent).</summary>
    Removed = 1,
}

/// <summary>One finished trip, with SUMO tripinfo's fields (times in seconds, lengths in metres).</summary>
/// <param name="Id">Trip id.</param>
/// <param name="Type">Vehicle type id.</param>
/// <param name="DepartS">Insertion time.</param>
/// <param name="DepartDelayS">Insertion time minus requested departure.</param>
/// <param name="ArrivalS">Time the trip ended.</param>
/// <param name="DurationS">Arrival minus departure.</param>
/// <param name="RouteLengthM">Distance driven.</param>
/// <param name="WaitingTimeS">Time at speed ≤ 0.1 m/s.</param>
/// <param name="TimeLossS">Time lost against driving at the desired speed.</param>
/// <param name="Status">Arrived or removed.</param>
public readonly record struct TripInfo(
    string Id, string Type, double DepartS, double DepartDelayS, double ArrivalS, double DurationS,
    double RouteLengthM, double WaitingTimeS, double TimeLossS, TripStatus Status);
