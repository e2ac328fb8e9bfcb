namespace CityTwin.Model.Roads;

/// <summary>A directed road section between two junctions; lanes are numbered from the right.</summary>
public struct Edge
{
    /// <summary>Junction at the start.</summary>
    public int FromJunction;

    /// <summary>Junction at the end.</summary>
    public int ToJunction;

    /// <summary>Id of the OSM way the edge comes from.</summary>
    public long OsmWayId;

    /// <summary>Index of the street name in <see cref="RoadNetwork.Names"/>, or -1 when unnamed.</summary>
    public int NameIndex;

    /// <summary>First point of the geometry in <see cref="RoadNetwork.EdgePoints"/>.</summary>
    public int FirstPoint;

    /// <summary>Number of geometry points (at least 2), in driving order.</summary>
    public int PointCount;

    /// <summary>First lane in <see cref="RoadNetwork.Lanes"/> (the rightmost lane).</summary>
    public int FirstLane;

    /// <summary>Length of the geometry, metres.</summary>
    public double LengthM;

    /// <summary>Speed limit, metres per second.</summary>
    public float SpeedLimitMps;

    /// <summary>Number of lanes in this direction.</summary>
    public byte LaneCount;

    /// <summary>OSM road class.</summary>
    public RoadClass Class;

    /// <summary>Vehicle classes allowed.</summary>
    public VehicleClasses Allowed;

    /// <summary>Boolean properties.</summary>
    public EdgeFlags Flags;
}
