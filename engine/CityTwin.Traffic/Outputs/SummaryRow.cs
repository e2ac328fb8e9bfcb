namespace CityTwin.Traffic.Outputs;

/// <summary>Network state at the end of an interval (SUMO summary output).</summary>
/// <param name="TimeS">End of the interval.</param>
/// <param name="Running">Vehicles on the network.</param>
/// <param name="Inserted">Vehicles inserted so far.</param>
/// <param name="Arrived">Vehicles arrived so far.</param>
/// <param name="Removed">Vehicles removed so far.</param>
/// <param name="Waiting">Trips due but not yet inserted (insertion backlog).</param>
/// <param name="MeanSpeedMps">Mean speed of the running vehicles.</param>
public readonly record struct SummaryRow(double TimeS, int Running, int Inserted, int Arrived, int Removed, int Waiting, double MeanSpeedMps);
