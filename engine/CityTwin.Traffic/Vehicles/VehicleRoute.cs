namespace CityTwin.Traffic.Vehicles;

/// <summary>Which route a vehicle follows and where on it it is (hot component).</summary>
public struct VehicleRoute
{
    /// <summary>Index of the trip (stable across snapshots; used to break ties deterministically).</summary>
    public int Trip;

    /// <summary>Index of the vehicle type in the run's type table.</summary>
    public int Type;

    /// <summary>Index of the route in the route store.</summary>
    public int Route;

    /// <summary>Position in the route's edge list of the current edge.</summary>
    public int Step;

    /// <summary>
    /// The connection the vehicle leaves its lane by: ≥ 0 a connection index; <see cref="NoConnection"/> when the lane
    /// does not continue to the route's next edge (a lane change is needed); <see cref="LastEdge"/> on the last edge.
    /// </summary>
    public int ExitConnection;

    /// <summary>Per-vehicle multiplier on the speed limit (drawn at insertion).</summary>
    public double SpeedFactor;

    /// <summary>Position on the last edge where the trip ends, metres.</summary>
    public double ArrivalPosM;

    /// <summary>Value of <see cref="ExitConnection"/> when the current lane does not lead on along the route.</summary>
    public const int NoConnection = -1;

    /// <summary>Value of <see cref="ExitConnection"/> on the route's last edge.</summary>
    public const int LastEdge = -2;
}
