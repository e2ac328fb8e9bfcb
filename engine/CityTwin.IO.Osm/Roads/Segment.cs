namespace CityTwin.IO.Osm.Roads;

/// <summary>The part of a road piece between two consecutive graph nodes.</summary>
internal sealed class Segment
{
    /// <summary>Index of the piece in <see cref="RoadGraph.Pieces"/>.</summary>
    public int Piece;

    /// <summary>First node index within the piece.</summary>
    public int Start;

    /// <summary>Last node index within the piece.</summary>
    public int End;

    /// <summary>Graph node at <see cref="Start"/>.</summary>
    public int FromNode;

    /// <summary>Graph node at <see cref="End"/>.</summary>
    public int ToNode;

    /// <summary>Polyline length, metres.</summary>
    public double LengthM;

    /// <summary>Whether the segment lies inside a junction cluster (it becomes part of the junction).</summary>
    public bool Internal;

    /// <summary>Stop sign controls the end reached driving forward / backward.</summary>
    public bool StopForward;

    /// <summary>See <see cref="StopForward"/>.</summary>
    public bool StopBackward;

    /// <summary>Give-way sign controls the end reached driving forward / backward.</summary>
    public bool GiveWayForward;

    /// <summary>See <see cref="GiveWayForward"/>.</summary>
    public bool GiveWayBackward;
}
