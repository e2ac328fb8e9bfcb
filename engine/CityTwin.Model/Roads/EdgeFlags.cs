namespace CityTwin.Model.Roads;

/// <summary>Boolean properties of an edge (a bit set).</summary>
[Flags]
public enum EdgeFlags : byte
{
    /// <summary>No flag.</summary>
    None = 0,

    /// <summary>The road is lit (<c>lit=yes</c>).</summary>
    Lit = 1,

    /// <summary>Part of a roundabout (<c>junction=roundabout</c> or <c>circular</c>).</summary>
    Roundabout = 2,

    /// <summary>The OSM way is one-way (tagged or implied).</summary>
    Oneway = 4,

    /// <summary>The edge runs against the direction in which the OSM way's nodes are listed.</summary>
    ReversedToWay = 8,

    /// <summary>A stop sign controls the end of this edge (<c>highway=stop</c> on its last node or approach).</summary>
    StopAtEnd = 16,

    /// <summary>A give-way sign controls the end of this edge (<c>highway=give_way</c>).</summary>
    GiveWayAtEnd = 32,
}
