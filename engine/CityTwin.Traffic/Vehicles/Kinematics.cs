namespace CityTwin.Traffic.Vehicles;

/// <summary>Where a vehicle is and how it moves (hot component).</summary>
public struct Kinematics
{
    /// <summary>Lane index in the road network.</summary>
    public int Lane;

    /// <summary>Position of the vehicle's front along the lane, metres from the lane start.</summary>
    public double PosM;

    /// <summary>Speed, m/s.</summary>
    public double SpeedMps;

    /// <summary>Acceleration over the last step, m/s².</summary>
    public double AccelMps2;

    /// <summary>Speed decided for the end of the current step (written in the decide phase, applied in move).</summary>
    public double NextSpeedMps;

    /// <summary>Simulation time of the last lane change or of entering the lane across a junction, ms (long.MinValue / 2
    /// after insertion); changes for speed are spaced out from it.</summary>
    public long LastLaneChangeMs;

    /// <summary>Gap to what limited the speed decision (leader's back or stop line), metres; +∞ when free.</summary>
    public double ObstacleM;

    /// <summary>Whether the vehicle may pass the stop line at the end of its lane this step.</summary>
    public bool MayPass;

    /// <summary>Whether the vehicle expects to wait at its next link (SUMO's "has to wait on next link"): it is held
    /// there, or so slow and so held by what is ahead that it will not drive across soon. Written in the decide phase;
    /// the junction-blocking rule of vehicles behind it reads it from the lane snapshot in the next step.</summary>
    public bool WaitsAtLink;
}
