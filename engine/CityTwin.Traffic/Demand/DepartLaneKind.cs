namespace CityTwin.Traffic.Demand;

/// <summary>How the lane a vehicle is inserted on is chosen (SUMO's <c>departLane</c>).</summary>
public enum DepartLaneKind : byte
{
    /// <summary>SUMO <c>first</c> (its default): the rightmost lane the vehicle's class may use.</summary>
    First = 0,

    /// <summary>A given lane index, 0 = rightmost (SUMO: an integer).</summary>
    Given = 1,

    /// <summary>SUMO <c>random</c>: a uniformly drawn allowed lane.</summary>
    Random = 2,

    /// <summary>SUMO <c>free</c>: the allowed lane with the most free space at the insertion point.</summary>
    Free = 3,

    /// <summary>
    /// SUMO <c>best</c>: among the lanes from which the route can be followed furthest without a lane change, the
    /// one with the most free space.
    /// </summary>
    Best = 4,
}
