namespace CityTwin.Model.Buildings;

/// <summary>One closed ring of a footprint (first point repeated at the end).</summary>
public struct FootprintRing
{
    /// <summary>First point in <see cref="BuildingSet.Points"/>.</summary>
    public int FirstPoint;

    /// <summary>Number of points, at least 4.</summary>
    public int PointCount;

    /// <summary>Which polygon of the building this ring belongs to (0 for a simple footprint).</summary>
    public int Polygon;

    /// <summary>Whether the ring is a hole of its polygon.</summary>
    public bool IsHole;
}
