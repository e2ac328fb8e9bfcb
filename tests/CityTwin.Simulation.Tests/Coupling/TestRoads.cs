using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;

namespace CityTwin.Simulation.Tests.Coupling;

/// <summary>Small synthetic networks for the coupling tests (no shared data needed).</summary>
internal static class TestRoads
{
    /// <summary>Straight one-lane roads from west to east, one above the other, not connected to each other.</summary>
    /// <param name="roads">Each road's length and speed limit.</param>
    /// <returns>The network; road <c>i</c> is edge <c>i</c>.</returns>
    public static RoadNetwork Parallel(params (double LengthM, double SpeedMps)[] roads)
    {
        var junctions = new List<Junction>();
        var edges = new List<Edge>();
        var points = new List<PointM>();
        var lanes = new List<Lane>();
        for (var i = 0; i < roads.Length; i++)
        {
            var (lengthM, speedMps) = roads[i];
            var (from, to) = (new PointM(0, 100.0 * i), new PointM(lengthM, 100.0 * i));
            junctions.Add(new Junction { Position = from, SignalProgram = -1 });
            junctions.Add(new Junction { Position = to, SignalProgram = -1, Kind = JunctionKind.DeadEnd });
            edges.Add(new Edge
            {
                FromJunction = 2 * i, ToJunction = 2 * i + 1, NameIndex = -1, FirstPoint = points.Count, PointCount = 2, FirstLane = i,
                LaneCount = 1, LengthM = lengthM, SpeedLimitMps = (float)speedMps, Allowed = VehicleClasses.Passenger,
            });
            points.Add(from);
            points.Add(to);
            lanes.Add(new Lane { Edge = i, WidthM = 3.2f });
        }

        return new RoadNetwork([.. junctions], [.. edges], [.. points], [.. lanes], [], [], [], [], [], []);
    }
}
