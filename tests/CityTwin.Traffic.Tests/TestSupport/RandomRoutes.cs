using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>Seeded random routed trips on a real network (uniform origin and destination edges).</summary>
public static class RandomRoutes
{
    public static void Schedule(TrafficSimulation sim, int count, double periodS, ulong seed, double minDistanceM = 300)
    {
        var network = sim.Network;
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger);
        var router = new AStarRouter(graph);
        var random = new SeededRandom(seed);
        var route = new List<int>();
        var edges = Enumerable.Range(0, network.Edges.Length).Where(graph.IsAllowed).ToArray();
        var made = 0;
        for (var attempt = 0; made < count && attempt < count * 50; attempt++)
        {
            var from = edges[random.NextInt(edges.Length)];
            var to = edges[random.NextInt(edges.Length)];
            if (from == to || network.Junctions[network.Edges[from].FromJunction].Position
                    .DistanceTo(network.Junctions[network.Edges[to].ToJunction].Position) < minDistanceM)
            {
                continue;
            }

            if (!router.TryRoute(from, to, route))
            {
                continue;
            }

            sim.Schedule(new ScheduledTrip($"t{made}", (long)(made * periodS * 1000), 0, route.ToArray()));
            made++;
        }

        Assert.That(made, Is.EqualTo(count), "could not route enough random trips");
    }
}
