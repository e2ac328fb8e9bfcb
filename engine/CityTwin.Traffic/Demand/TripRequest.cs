namespace CityTwin.Traffic.Demand;

/// <summary>
/// One vehicle to insert: when, from which edge to which edge (or along which explicit route), with which vehicle
/// type and SUMO-like depart and arrival rules. The common output of every demand source (random trips, OD matrices,
/// trips from code) and the input of the insertion system.
/// </summary>
/// <remarks>
/// Edges are indices into the run's <see cref="Model.Roads.RoadNetwork"/>. When <see cref="Edges"/> is null the
/// trip is routed at insertion (on the travel times current then); otherwise the route is followed as given and must
/// start with <see cref="FromEdge"/> and end with <see cref="ToEdge"/>. <see cref="TripRequests.Validate"/> checks
/// a list against a network.
/// </remarks>
public sealed class TripRequest
{
    /// <summary>Creates a trip to be routed at insertion.</summary>
    /// <param name="id">Unique id (appears in outputs).</param>
    /// <param name="departMs">Departure time, milliseconds of simulation time.</param>
    /// <param name="fromEdge">Origin edge index.</param>
    /// <param name="toEdge">Destination edge index.</param>
    public TripRequest(string id, long departMs, int fromEdge, int toEdge)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentOutOfRangeException.ThrowIfNegative(departMs);
        ArgumentOutOfRangeException.ThrowIfNegative(fromEdge);
        ArgumentOutOfRangeException.ThrowIfNegative(toEdge);
        Id = id;
        DepartMs = departMs;
        FromEdge = fromEdge;
        ToEdge = toEdge;
    }

    /// <summary>Creates a trip along an explicit route (SUMO <c>&lt;vehicle&gt;</c> with <c>&lt;route edges&gt;</c>).</summary>
    /// <param name="id">Unique id.</param>
    /// <param name="departMs">Departure time, milliseconds.</param>
    /// <param name="edges">The route, at least one edge; the array is kept, not copied.</param>
    /// <returns>The trip, with <see cref="FromEdge"/> and <see cref="ToEdge"/> taken from the route's ends.</returns>
    public static TripRequest AlongRoute(string id, long departMs, int[] edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentOutOfRangeException.ThrowIfZero(edges.Length, nameof(edges));
        return new TripRequest(id, departMs, edges[0], edges[^1]) { Edges = edges };
    }

    /// <summary>Unique id.</summary>
    public string Id { get; }

    /// <summary>Departure (earliest insertion) time, milliseconds of simulation time.</summary>
    public long DepartMs { get; }

    /// <summary>Origin edge index.</summary>
    public int FromEdge { get; }

    /// <summary>Destination edge index.</summary>
    public int ToEdge { get; }

    /// <summary>Explicit route (edge indices, origin first), or null to route at insertion.</summary>
    public int[]? Edges { get; init; }

    /// <summary>Index into the run's vehicle-type table (0 = the default type).</summary>
    public int VehicleType { get; init; }

    /// <summary>Lane rule at insertion; default <see cref="DepartLane.First"/> (SUMO's default).</summary>
    public DepartLane DepartLane { get; init; }

    /// <summary>Position rule at insertion; default <see cref="DepartPos.Base"/> (SUMO's default).</summary>
    public DepartPos DepartPos { get; init; }

    /// <summary>Speed rule at insertion; default <see cref="DepartSpeed.Zero"/> (SUMO's default).</summary>
    public DepartSpeed DepartSpeed { get; init; }

    /// <summary>
    /// Where on the last edge the trip ends, metres from its start (negative: from its end, as in SUMO), or null for
    /// the end of the last edge (SUMO's default <c>arrivalPos="max"</c>).
    /// </summary>
    public double? ArrivalPosM { get; init; }

    /// <summary>The arrival position on the last edge, metres from its start, clamped to [0, length].</summary>
    /// <param name="lastEdgeLengthM">Length of <see cref="ToEdge"/>.</param>
    /// <returns>The position.</returns>
    public double ResolveArrivalPosM(double lastEdgeLengthM) => ArrivalPosM is { } p
        ? Math.Clamp(p < 0 ? lastEdgeLengthM + p : p, 0, lastEdgeLengthM)
        : lastEdgeLengthM;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Id} @{DepartMs} ms: {FromEdge} -> {ToEdge}");
}
