using CityTwin.Model.Geometry;

namespace CityTwin.Model.Roads;

/// <summary>A junction: one real intersection, possibly made of several clustered OSM nodes.</summary>
public struct Junction
{
    /// <summary>Position (centroid of the clustered OSM nodes), projected metres.</summary>
    public PointM Position;

    /// <summary>Id of a representative OSM node (the smallest id in the cluster).</summary>
    public long OsmNodeId;

    /// <summary>How many OSM nodes were clustered into this junction.</summary>
    public int OsmNodeCount;

    /// <summary>Index of the signal program in <see cref="RoadNetwork.SignalPrograms"/>, or -1.</summary>
    public int SignalProgram;

    /// <summary>Right-of-way rule.</summary>
    public JunctionKind Kind;
}
