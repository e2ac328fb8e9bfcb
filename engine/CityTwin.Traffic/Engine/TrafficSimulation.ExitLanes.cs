using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

/// <summary>Which connection a vehicle leaves a lane by, along its route (SUMO's best-lane continuation).</summary>
public sealed partial class TrafficSimulation
{
    /// <summary>How far along the route a fan-out's candidate lanes are compared (SUMO's best-lane look-ahead), metres.</summary>
    private const double FanOutLookAheadM = 3000;

    /// <summary>
    /// The connection a vehicle of type <paramref name="type"/> on <paramref name="lane"/> at route step
    /// <paramref name="step"/> leaves by: one onto a lane its class may use that also continues along the route, else
    /// one onto a lane it may use, else (when the junction offers only barred lanes, e.g. a right turn that lands on a
    /// bus lane) any connection to the next edge, so that the route stays drivable. When the lane fans out onto several
    /// lanes of the next edge that all continue, the one that continues furthest along the route (up to
    /// <see cref="FanOutLookAheadM"/>) is taken, as SUMO's best-lane continuation does; before, the first was taken and
    /// Bologna's <c>85_1</c> sent its vehicles to <c>72[0]_1</c> (499 in the first hour against SUMO's 229; lane 2: 342
    /// against 530), where they had to change back.
    /// </summary>
    private int ExitConnectionOf(int lane, int route, int step, int type)
    {
        var first = FirstExitConnection(lane, route, step, type, out var continuing);
        if (continuing < 2)
        {
            return first;
        }

        var nextEdge = Routes.Edge(route, step + 1);
        var afterNext = Routes.Edge(route, step + 2);
        var vehicleClass = _typeClass[type];
        var connections = Network.GetConnections(lane);
        var firstIndex = Network.Lanes[lane].FirstConnection;
        var best = first;
        var bestReachM = -1.0;
        for (var i = 0; i < connections.Length; i++)
        {
            var c = connections[i];
            if (c.ToEdge != nextEdge || !Network.LaneAllows(c.ToLane, vehicleClass) || !LeadsTo(c.ToLane, afterNext))
            {
                continue;
            }

            var reachM = Math.Min(ReachAlongRouteM(c.ToLane, route, step + 1, type, FanOutLookAheadM, maxHops: 64, firstExits: true), FanOutLookAheadM);
            if (reachM > bestReachM)
            {
                (best, bestReachM) = (firstIndex + i, reachM);
            }
        }

        return best;
    }

    /// <summary>The first connection by the rule of <see cref="ExitConnectionOf"/>; <paramref name="continuing"/> counts
    /// the allowed connections onto the next edge that also continue along the route (2 or more: the lane fans out).</summary>
    private int FirstExitConnection(int lane, int route, int step, int type, out int continuing)
    {
        continuing = 0;
        var length = Routes.Length(route);
        if (step >= length - 1)
        {
            return VehicleRoute.LastEdge;
        }

        var nextEdge = Routes.Edge(route, step + 1);
        var afterNext = step + 2 < length ? Routes.Edge(route, step + 2) : -1;
        var first = Network.Lanes[lane].FirstConnection;
        var best = VehicleRoute.NoConnection;
        var barred = VehicleRoute.NoConnection;
        var firstContinuing = VehicleRoute.NoConnection;
        var vehicleClass = _typeClass[type];
        var connections = Network.GetConnections(lane);
        for (var i = 0; i < connections.Length; i++)
        {
            if (connections[i].ToEdge != nextEdge)
            {
                continue;
            }

            if (!Network.LaneAllows(connections[i].ToLane, vehicleClass))
            {
                barred = barred < 0 ? first + i : barred;
                continue;
            }

            if (best < 0)
            {
                best = first + i;
            }

            if (afterNext < 0)
            {
                return first + i;
            }

            if (LeadsTo(connections[i].ToLane, afterNext))
            {
                continuing++;
                firstContinuing = firstContinuing < 0 ? first + i : firstContinuing;
            }
        }

        return firstContinuing >= 0 ? firstContinuing : best >= 0 ? best : barred;
    }

    private bool LeadsTo(int lane, int edge)
    {
        foreach (var connection in Network.GetConnections(lane))
        {
            if (connection.ToEdge == edge)
            {
                return true;
            }
        }

        return false;
    }
}
