namespace CityTwin.Traffic.Engine;

/// <summary>A trip the simulation will insert: who, when, which type, along which edges, and how it departs.</summary>
/// <param name="Id">Trip id (as written in outputs).</param>
/// <param name="DepartMs">Requested departure time, ms.</param>
/// <param name="Type">Vehicle type index.</param>
/// <param name="Edges">Route: edge indices in driving order.</param>
public sealed record ScheduledTrip(string Id, long DepartMs, int Type, int[] Edges)
{
    /// <summary>Depart lane index from the right, or <see cref="BestLane"/>.</summary>
    public int DepartLane { get; init; } = BestLane;

    /// <summary>Depart position of the front, metres; negative: the vehicle's back at the lane start (SUMO "base").</summary>
    public double DepartPosM { get; init; } = -1;

    /// <summary>Depart speed, m/s; negative: the highest safe speed up to the desired speed (SUMO "max").</summary>
    public double DepartSpeedMps { get; init; }

    /// <summary>Where on the last edge the trip ends, metres; negative: at the end of the edge.</summary>
    public double ArrivalPosM { get; init; } = -1;

    /// <summary>Route index in the simulation's route store (set when scheduled).</summary>
    internal int Route { get; init; } = -1;

    /// <summary><see cref="DepartLane"/> value: the allowed lane that continues along the route with the most room.</summary>
    public const int BestLane = -1;
}
