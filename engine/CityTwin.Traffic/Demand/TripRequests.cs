using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Demand;

/// <summary>Helpers for lists of <see cref="TripRequest"/>, whatever their source (trips written in code included).</summary>
public static class TripRequests
{
    /// <summary>
    /// Sorts by departure time, keeping the current order among equal times (a stable sort), so a merged demand is
    /// deterministic.
    /// </summary>
    /// <param name="trips">The trips, sorted in place.</param>
    public static void SortByDepart(List<TripRequest> trips)
    {
        ArgumentNullException.ThrowIfNull(trips);
        var keyed = new (long DepartMs, int Order, TripRequest Trip)[trips.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            keyed[i] = (trips[i].DepartMs, i, trips[i]);
        }

        Array.Sort(keyed, static (a, b) => a.DepartMs != b.DepartMs ? a.DepartMs.CompareTo(b.DepartMs) : a.Order.CompareTo(b.Order));
        for (var i = 0; i < keyed.Length; i++)
        {
            trips[i] = keyed[i].Trip;
        }
    }

    /// <summary>
    /// Checks trips against a network: unique ids, edges in range, explicit routes starting and ending at the trip's
    /// edges and connected (each edge reaches the next through a lane connection), vehicle types in range.
    /// </summary>
    /// <param name="trips">The trips.</param>
    /// <param name="network">The network they refer to.</param>
    /// <param name="vehicleTypeCount">Size of the run's vehicle-type table.</param>
    /// <exception cref="ArgumentException">The first problem found, naming the trip.</exception>
    public static void Validate(IReadOnlyList<TripRequest> trips, RoadNetwork network, int vehicleTypeCount)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(network);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var edgeCount = network.Edges.Length;
        foreach (var t in trips)
        {
            if (!ids.Add(t.Id))
            {
                throw new ArgumentException($"Trip id '{t.Id}' is used twice.", nameof(trips));
            }

            if (t.FromEdge >= edgeCount || t.ToEdge >= edgeCount)
            {
                throw new ArgumentException($"Trip '{t.Id}' refers to an edge outside the network ({edgeCount} edges).", nameof(trips));
            }

            if ((uint)t.VehicleType >= (uint)vehicleTypeCount)
            {
                throw new ArgumentException($"Trip '{t.Id}' has vehicle type {t.VehicleType}; the table has {vehicleTypeCount}.", nameof(trips));
            }

            if (t.Edges is { } route)
            {
                ValidateRoute(t, route, network);
            }
        }
    }

    private static void ValidateRoute(TripRequest trip, int[] route, RoadNetwork network)
    {
        if (route.Length == 0 || route[0] != trip.FromEdge || route[^1] != trip.ToEdge)
        {
            throw new ArgumentException($"Trip '{trip.Id}': the route must start at edge {trip.FromEdge} and end at edge {trip.ToEdge}.");
        }

        for (var i = 0; i < route.Length; i++)
        {
            if ((uint)route[i] >= (uint)network.Edges.Length)
            {
                throw new ArgumentException($"Trip '{trip.Id}': route edge {route[i]} (position {i}) is outside the network.");
            }

            if (i > 0 && !Connected(network, route[i - 1], route[i]))
            {
                throw new ArgumentException($"Trip '{trip.Id}': no lane connection from edge {route[i - 1]} to edge {route[i]} (position {i}).");
            }
        }
    }

    private static bool Connected(RoadNetwork network, int from, int to)
    {
        foreach (ref readonly var lane in network.GetLanes(from))
        {
            foreach (ref readonly var c in network.Connections.Slice(lane.FirstConnection, lane.ConnectionCount))
            {
                if (c.ToEdge == to)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
