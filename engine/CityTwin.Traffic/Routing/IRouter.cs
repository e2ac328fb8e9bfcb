namespace CityTwin.Traffic.Routing;

/// <summary>Finds fastest routes between edges of a <see cref="RoutingGraph"/>.</summary>
/// <remarks>
/// <para>
/// Cost convention: a route is the edge sequence from <c>fromEdge</c> to <c>toEdge</c>, both included, and its cost
/// is the sum of the current travel times (<see cref="RoutingGraph.TravelTimeS"/>) of every edge in it — the origin
/// edge and the destination edge count in full. A vehicle departs somewhere on its first edge and arrives somewhere on
/// its last, so whole-edge costs are an upper bound on the actual trip; since every route between the same two edges
/// pays the same two end terms, the choice of route is unaffected (this is also how SUMO's routers count).
/// A route from an edge to itself is that one edge (no loop is searched).
/// </para>
/// <para>
/// Implementations keep per-query scratch buffers, so one instance must be used by one thread at a time; create one
/// router per thread over a shared graph.
/// </para>
/// </remarks>
public interface IRouter
{
    /// <summary>Cost of the last successful <see cref="TryRoute"/>, seconds; +∞ after a failed one.</summary>
    double LastCostS { get; }

    /// <summary>Computes a fastest route.</summary>
    /// <param name="fromEdge">Origin edge index.</param>
    /// <param name="toEdge">Destination edge index.</param>
    /// <param name="route">Cleared, then filled with the edge sequence, origin first and destination last.</param>
    /// <returns>
    /// False (with <paramref name="route"/> empty) when the destination cannot be reached, when either end is not
    /// allowed for the graph's vehicle class, or when every route has an infinite (closed) travel time.
    /// </returns>
    bool TryRoute(int fromEdge, int toEdge, List<int> route);
}
