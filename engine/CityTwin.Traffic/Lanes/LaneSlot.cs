namespace CityTwin.Traffic.Lanes;

/// <summary>A vehicle as seen by its neighbours on a lane: a snapshot taken after the move phase.</summary>
public struct LaneSlot
{
    /// <summary>The vehicle.</summary>
    public Entity Vehicle;

    /// <summary>Front position along the lane, metres.</summary>
    public double PosM;

    /// <summary>Speed, m/s.</summary>
    public double SpeedMps;

    /// <summary>Vehicle length, metres.</summary>
    public double LengthM;

    /// <summary>Whether the vehicle expects to wait at its next link (see <c>Kinematics.WaitsAtLink</c>).</summary>
    public bool WaitsAtLink;

    /// <summary>Trip index (tie-breaker for equal positions).</summary>
    public int Trip;

    /// <summary>Rear position, metres.</summary>
    public readonly double BackM => PosM - LengthM;
}
