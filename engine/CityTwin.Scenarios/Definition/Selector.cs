namespace CityTwin.Scenarios.Definition;

/// <summary>
/// What an edit applies to: roads by OSM way id, street name or model edge index; junctions by model index or OSM node
/// id; or everything inside a polygon (lon/lat). Criteria of different kinds are combined with OR; an empty selector
/// means "everything" for edits that allow it (lighting, PV, envelope) and is an error for road and junction edits.
/// </summary>
public sealed record Selector
{
    /// <summary>OSM way ids.</summary>
    public IReadOnlyList<long> OsmWays { get; init; } = [];

    /// <summary>Street names (case-insensitive, exact).</summary>
    public IReadOnlyList<string> Streets { get; init; } = [];

    /// <summary>Model edge indices (as in <c>roads.geojson</c>'s <c>edge</c>).</summary>
    public IReadOnlyList<long> Edges { get; init; } = [];

    /// <summary>Model junction indices (as in <c>junctions.geojson</c>).</summary>
    public IReadOnlyList<long> Junctions { get; init; } = [];

    /// <summary>OSM node ids of junctions.</summary>
    public IReadOnlyList<long> OsmNodes { get; init; } = [];

    /// <summary>Polygon as (longitude, latitude) vertices, or empty.</summary>
    public IReadOnlyList<(double LonDeg, double LatDeg)> Polygon { get; init; } = [];

    /// <summary>Whether nothing is named.</summary>
    public bool IsEmpty => OsmWays.Count == 0 && Streets.Count == 0 && Edges.Count == 0 && Junctions.Count == 0 && OsmNodes.Count == 0 &&
        Polygon.Count == 0;

    /// <summary>Everything.</summary>
    public static Selector All { get; } = new();
}
