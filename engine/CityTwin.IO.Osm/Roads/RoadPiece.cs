using CityTwin.IO.Osm.Tags;

namespace CityTwin.IO.Osm.Roads;

/// <summary>A contiguous run of a road way whose nodes are all present in the extract.</summary>
internal sealed class RoadPiece
{
    /// <summary>OSM way id.</summary>
    public required long WayId { get; init; }

    /// <summary>Interpreted tags.</summary>
    public required RoadAttributes Attributes { get; init; }

    /// <summary>Node ids, in way order.</summary>
    public required long[] NodeIds { get; init; }

    /// <summary>Projected positions of <see cref="NodeIds"/>.</summary>
    public required Model.Geometry.PointM[] Points { get; init; }
}
