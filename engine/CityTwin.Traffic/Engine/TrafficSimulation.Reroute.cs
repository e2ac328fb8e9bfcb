using CityTwin.Model.Roads;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    private readonly Dictionary<VehicleClasses, (RoutingGraph Graph, AStarRouter Router)> _routing = [];
    private readonly List<int> _newRoute = [];

    /// <summary>Vehicles that took a new route during periodic rerouting.</summary>
    public int Reroutes { get; private set; }

    /// <summary>
    /// Periodic rerouting (when <see cref="TrafficOptions.RerouteIntervalS"/> &gt; 0): edge travel times become
    /// length / mean speed of the vehicles on the edge now (free-flow time on empty edges, speeds floored at 1 m/s),
    /// then each vehicle, in lane order, compares the rest of its route with the fastest route from its current edge.
    /// </summary>
    private void Reroute()
    {
        var periodMs = (long)(Options.RerouteIntervalS * 1000);
        if (periodMs <= 0 || Clock.Now.Milliseconds == 0 || Clock.Now.Milliseconds % periodMs != 0)
        {
            return;
        }

        foreach (var type in Types)
        {
            RoutingFor(type.VehicleClass);
        }

        var edgeSpeedSum = new double[Network.Edges.Length];
        var edgeCount = new int[Network.Edges.Length];
        foreach (var lane in _lanes.OccupiedLanes)
        {
            foreach (ref var slot in _lanes.Slots(lane))
            {
                edgeSpeedSum[_laneEdge[lane]] += slot.SpeedMps;
                edgeCount[_laneEdge[lane]]++;
            }
        }

        foreach (var (graph, _) in _routing.Values)
        {
            UpdateTravelTimes(graph, edgeSpeedSum, edgeCount);
        }

        foreach (var lane in _lanes.OccupiedLanes)
        {
            foreach (ref var slot in _lanes.Slots(lane))
            {
                ref var route = ref World.Get<VehicleRoute>(slot.Vehicle);
                var (graph, router) = RoutingFor(Types[route.Type].VehicleClass);
                var length = Routes.Length(route.Route);
                if (route.Step >= length - 1)
                {
                    continue;
                }

                var current = Routes.Edge(route.Route, route.Step);
                var destination = Routes.Edge(route.Route, length - 1);
                var remainingS = 0.0;
                for (var step = route.Step; step < length; step++)
                {
                    remainingS += graph.TravelTimeS(Routes.Edge(route.Route, step));
                }

                if (!router.TryRoute(current, destination, _newRoute) || router.LastCostS >= remainingS * (1 - Options.RerouteMinGain))
                {
                    continue;
                }

                route.Route = Routes.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_newRoute));
                route.Step = 0;
                route.ExitConnection = ExitConnectionOf(lane, route.Route, 0, route.Type);
                Reroutes++;
            }
        }
    }

    private void UpdateTravelTimes(RoutingGraph graph, double[] speedSum, int[] count)
    {
        var times = new double[Network.Edges.Length];
        for (var e = 0; e < times.Length; e++)
        {
            times[e] = count[e] > 0
                ? Math.Max(graph.FreeFlowTravelTimeS(e), Network.Edges[e].LengthM / Math.Max(1.0, speedSum[e] / count[e]))
                : graph.FreeFlowTravelTimeS(e);
        }

        graph.SetTravelTimesS(times);
    }

    private (RoutingGraph Graph, AStarRouter Router) RoutingFor(VehicleClasses vehicleClass)
    {
        if (!_routing.TryGetValue(vehicleClass, out var routing))
        {
            var graph = RoutingGraph.Build(Network, vehicleClass);
            routing = (graph, new AStarRouter(graph));
            _routing.Add(vehicleClass, routing);
        }

        return routing;
    }
}
