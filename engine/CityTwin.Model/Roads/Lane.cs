namespace CityTwin.Model.Roads;

/// <summary>One lane of an edge.</summary>
public struct Lane
{
    /// <summary>The edge the lane belongs to.</summary>
    public int Edge;

    /// <summary>First outgoing connection in <see cref="RoadNetwork.Connections"/>.</summary>
    public int FirstConnection;

    /// <summary>Number of outgoing connections; 0 only when the lane ends in a dead end.</summary>
    public int ConnectionCount;

    /// <summary>Lane width, metres.</summary>
    public float WidthM;

    /// <summary>Allowed turns: from <c>turn:lanes</c> when tagged, otherwise the directions of the connections.</summary>
    public TurnDirections Turns;

    /// <summary>Position in the edge, 0 = rightmost.</summary>
    public byte IndexFromRight;

    /// <summary>Whether <see cref="Turns"/> came from an OSM <c>turn:lanes</c> tag.</summary>
    public bool TurnsTagged;

    /// <summary>
    /// Classes barred from this lane on top of the edge's <see cref="Edge.Allowed"/> (e.g. everything but buses on a
    /// bus lane, or SUMO's per-lane <c>disallow</c>); <see cref="VehicleClasses.None"/> for an ordinary lane.
    /// </summary>
    public VehicleClasses Disallowed;
}
