namespace CityTwin.Scenarios.Running;

/// <summary>Where a run is (sent to a progress callback every simulated minute).</summary>
/// <param name="Replication">1-based replication.</param>
/// <param name="Replications">Replications in the run.</param>
/// <param name="SimulatedS">Simulated seconds so far.</param>
/// <param name="EndS">Simulated seconds in total.</param>
/// <param name="Running">Vehicles on the network.</param>
/// <param name="Arrived">Vehicles arrived so far.</param>
/// <param name="RealTimeFactor">Simulated seconds per wall second so far.</param>
/// <param name="Stage">What is happening (loading, traffic, energy, writing).</param>
public readonly record struct RunProgress(int Replication, int Replications, double SimulatedS, double EndS, int Running, int Arrived,
    double RealTimeFactor, string Stage);
