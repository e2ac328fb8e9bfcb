namespace CityTwin.Traffic.Routing;

/// <summary>
/// A* over a <see cref="RoutingGraph"/>, guided by the straight-line lower bound
/// (<see cref="RoutingGraph.LowerBoundS"/>); exact because that bound is consistent. The default router.
/// </summary>
/// <remarks>
/// Cost convention: see <see cref="IRouter"/>. Buffers are reused across queries and a query allocates nothing in
/// steady state. Not thread-safe: one instance per thread.
/// </remarks>
public sealed class AStarRouter : CsrRouter
{
    /// <summary>Creates a router over a graph (the graph is shared, not copied).</summary>
    /// <param name="graph">The graph.</param>
    public AStarRouter(RoutingGraph graph)
        : base(graph, useHeuristic: true)
    {
    }
}
