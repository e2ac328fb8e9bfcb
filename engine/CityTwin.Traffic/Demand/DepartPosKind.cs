namespace CityTwin.Traffic.Demand;

/// <summary>How the position on the first edge where a vehicle is inserted is chosen (SUMO's <c>departPos</c>).</summary>
public enum DepartPosKind : byte
{
    /// <summary>
    /// SUMO <c>base</c> (its default): the vehicle's back at the start of the lane, i.e. its front at one vehicle
    /// length from the start.
    /// </summary>
    Base = 0,

    /// <summary>A given position of the vehicle's front, metres from the lane start (SUMO: a number).</summary>
    Given = 1,

    /// <summary>SUMO <c>random</c>: a uniformly drawn position along the lane.</summary>
    Random = 2,

    /// <summary>SUMO <c>free</c>: a position on the lane where the vehicle fits without conflict with others.</summary>
    Free = 3,
}
