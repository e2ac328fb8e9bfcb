namespace CityTwin.Traffic.Outputs;

/// <summary>A level crossing's barriers over a run (see <c>TrafficSimulation.BarrierStatistics</c>).</summary>
/// <param name="Junction">The crossing's junction index.</param>
/// <param name="Closures">How often the barriers started closing.</param>
/// <param name="DownS">How long the road could not cross (closing, closed or opening), seconds.</param>
public readonly record struct BarrierStatistics(int Junction, int Closures, double DownS);
