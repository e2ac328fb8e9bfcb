namespace CityTwin.Traffic.Demand;

/// <summary>How the speed a vehicle is inserted with is chosen (SUMO's <c>departSpeed</c>).</summary>
public enum DepartSpeedKind : byte
{
    /// <summary>Standing start, 0 m/s (SUMO's default, <c>departSpeed="0"</c>).</summary>
    Zero = 0,

    /// <summary>A given speed, m/s; insertion is delayed if it is unsafe (SUMO: a number).</summary>
    Given = 1,

    /// <summary>SUMO <c>random</c>: uniform between 0 and the highest safe speed.</summary>
    Random = 2,

    /// <summary>SUMO <c>max</c>: the highest speed that is safe at the insertion point (limited by the leader).</summary>
    Max = 3,

    /// <summary>
    /// SUMO <c>desired</c>: the vehicle's desired speed (speed limit × its speed factor, capped by its maximum);
    /// insertion is delayed if that is unsafe.
    /// </summary>
    Desired = 4,
}
