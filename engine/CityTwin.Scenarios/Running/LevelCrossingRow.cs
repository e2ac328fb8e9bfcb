namespace CityTwin.Scenarios.Running;

/// <summary>A level crossing's barriers over a run (table <c>level_crossings</c>; networks with level crossings only).</summary>
/// <param name="Junction">Model junction index.</param>
/// <param name="JunctionId">The SUMO junction id on a SUMO network, else the junction's OpenStreetMap node id.</param>
/// <param name="Closures">How often the barriers started closing for a train.</param>
/// <param name="DownS">How long the road could not cross (closing, closed or opening), seconds.</param>
public sealed record LevelCrossingRow(int Junction, string JunctionId, int Closures, double DownS);
