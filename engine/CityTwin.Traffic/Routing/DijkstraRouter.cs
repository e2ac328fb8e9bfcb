namespace CityTwin.Traffic.Routing;

/// <summary>
/// Dijkstra's algorithm over a <see cref="RoutingGraph"/> with early exit at the destination: the same search as
/// <see cref="AStarRouter"/> with a zero heuristic. Useful as a baseline and when travel times make the
/// straight-line bound useless.
/// </summary>
/// <remarks>
/// Cost convention: see <see cref="IRouter"/>. Buffers are reused across queries and a query allocates nothing in
/// steady state. Not thread-safe: one instance per thread.
/// </remarks>
public sealed class DijkstraRouter : CsrRouter
{
    /// <summary>Creates a router over a graph (the graph is shared, not copied).</summary>
    /// <param name="graph">The graph.</param>
    public DijkstraRouter(RoutingGraph graph)
        : base(graph, useHeuristic: false)
    {
    }
}
