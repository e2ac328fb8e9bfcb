using CityTwin.Model.Geometry;

namespace CityTwin.Model.Lighting;

/// <summary>A street lamp, mapped in OSM or generated along a lit road.</summary>
public struct StreetLamp
{
    /// <summary>Position, projected metres.</summary>
    public PointM Position;

    /// <summary>OSM node id of a mapped lamp; for a generated lamp, the id of the lit way it was placed along.</summary>
    public long OsmId;

    /// <summary>Nearest road edge within 30 m (for a generated lamp: an edge of its road), or -1.</summary>
    public int Edge;

    /// <summary>First tag in <see cref="StreetLampSet.Tags"/>.</summary>
    public int FirstTag;

    /// <summary>Number of OSM tags (0 for generated lamps).</summary>
    public int TagCount;

    /// <summary>Whether the lamp was generated (the road is <c>lit=yes</c> but no lamp is mapped along it).</summary>
    public bool Generated;
}
