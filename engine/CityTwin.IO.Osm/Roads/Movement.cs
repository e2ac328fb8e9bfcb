using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Roads;

/// <summary>An edge-to-edge movement through a junction.</summary>
/// <param name="In">Incoming edge candidate.</param>
/// <param name="Out">Outgoing edge candidate.</param>
/// <param name="Direction">Turn direction.</param>
/// <param name="AngleDeg">Turn angle, degrees, positive = left.</param>
internal readonly record struct Movement(int In, int Out, TurnDirections Direction, double AngleDeg);
