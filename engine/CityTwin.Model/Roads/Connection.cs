namespace CityTwin.Model.Roads;

/// <summary>A lane-to-lane movement across a junction.</summary>
public struct Connection
{
    /// <summary>Incoming lane.</summary>
    public int FromLane;

    /// <summary>Outgoing lane.</summary>
    public int ToLane;

    /// <summary>Incoming edge (the edge of <see cref="FromLane"/>).</summary>
    public int FromEdge;

    /// <summary>Outgoing edge (the edge of <see cref="ToLane"/>).</summary>
    public int ToEdge;

    /// <summary>The junction crossed.</summary>
    public int Junction;

    /// <summary>First conflict in <see cref="RoadNetwork.Conflicts"/>.</summary>
    public int FirstConflict;

    /// <summary>Number of conflicts (foes) of this movement.</summary>
    public int ConflictCount;

    /// <summary>Index of this movement's signal in the junction's program (its column in the phase states), or -1.</summary>
    public int SignalLink;

    /// <summary>Turn direction of the movement (exactly one bit).</summary>
    public TurnDirections Direction;

    /// <summary>Control of the movement.</summary>
    public LinkControl Control;

    /// <summary>Whether vehicles may enter by this movement without room beyond and stand across the junction (SUMO's
    /// <c>keepClear="0"</c>); otherwise the junction-blocking rule holds them when the movement has foes.</summary>
    public bool MayBlock;

    /// <summary>Length of the path across the junction from the end of <see cref="FromLane"/> to the start of
    /// <see cref="ToLane"/>, metres (SUMO's internal lanes; 0 where the model has none, as for OpenStreetMap).</summary>
    public float LengthM;

    /// <summary>Speed limit on the path across the junction, m/s (SUMO's internal lanes: lower for turns); 0: none
    /// beyond the lanes' own.</summary>
    public float SpeedMps;
}
