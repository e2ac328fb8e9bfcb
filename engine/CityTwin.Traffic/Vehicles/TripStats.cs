namespace CityTwin.Traffic.Vehicles;

/// <summary>What a vehicle's trip record accumulates while it drives (SUMO tripinfo fields).</summary>
public struct TripStats
{
    /// <summary>Requested departure time, ms.</summary>
    public long PlannedDepartMs;

    /// <summary>Actual insertion time, ms.</summary>
    public long DepartMs;

    /// <summary>Distance driven, metres.</summary>
    public double RouteLengthM;

    /// <summary>Time spent at speed ≤ 0.1 m/s, seconds (SUMO waitingTime).</summary>
    public double WaitingS;

    /// <summary>Current uninterrupted stop, seconds (drives removal of stuck vehicles).</summary>
    public double StoppedS;

    /// <summary>Time lost against driving at the desired speed, seconds (SUMO timeLoss).</summary>
    public double TimeLossS;
}
