using CityTwin.Traffic.Demand;

namespace CityTwin.Traffic.Engine;

/// <summary>A trip the simulation will insert: who, when, which type, along which edges, and how it departs.</summary>
/// <param name="Id">Trip id (as written in outputs).</param>
/// <param name="DepartMs">Requested departure time, ms.</param>
/// <param name="Type">Vehicle type index.</param>
/// <param name="Edges">Route: edge indices in driving order.</param>
public sealed record ScheduledTrip(string Id, long DepartMs, int Type, int[] Edges)
{
    /// <summary>Depart lane rule (SUMO departLane; default "best": a lane that continues the route, with most room).</summary>
    public DepartLane DepartLane { get; init; } = DepartLane.Best;

    /// <summary>Depart position rule (SUMO departPos; default "base": the vehicle's back at the lane start).</summary>
    public DepartPos DepartPos { get; init; } = DepartPos.Base;

    /// <summary>Depart speed rule (SUMO departSpeed; default "max": the highest safe speed up to the desired speed).</summary>
    public DepartSpeed DepartSpeed { get; init; } = DepartSpeed.Max;

    /// <summary>Where on the last edge the trip ends, metres (negative: counted back from the end, as SUMO); null: at the
    /// end of the edge.</summary>
    public double? ArrivalPosM { get; init; }

    /// <summary>Route index in the simulation's route store (set when scheduled).</summary>
    internal int Route { get; init; } = -1;

    /// <summary>A trip from a demand request, routed with <paramref name="router"/> when it has no explicit route.</summary>
    /// <param name="request">The request.</param>
    /// <param name="router">Router for requests without edges.</param>
    /// <param name="trip">The trip, when routable.</param>
    /// <returns>False when the destination cannot be reached (the caller counts it).</returns>
    public static bool TryFrom(TripRequest request, Routing.IRouter router, out ScheduledTrip? trip)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(router);
        int[] edges;
        if (request.Edges is { } given)
        {
            edges = given;
        }
        else
        {
            var route = new List<int>();
            if (!router.TryRoute(request.FromEdge, request.ToEdge, route))
            {
                trip = null;
                return false;
            }

            edges = route.ToArray();
        }

        trip = new ScheduledTrip(request.Id, request.DepartMs, request.VehicleType, edges)
        {
            DepartLane = request.DepartLane, DepartPos = request.DepartPos, DepartSpeed = request.DepartSpeed, ArrivalPosM = request.ArrivalPosM,
        };
        return true;
    }
}
