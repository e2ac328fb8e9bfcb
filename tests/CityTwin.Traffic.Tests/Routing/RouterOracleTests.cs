using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Tests.TestSupport;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace CityTwin.Traffic.Tests.Routing;

/// <summary>
/// A* and Dijkstra against QuikGraph's Dijkstra on the same edge graph of a real city (Helsinki centre). The oracle
/// graph is built straight from the network's lane connections, independently of <see cref="RoutingGraph"/>'s CSR.
/// </summary>
public class RouterOracleTests
{
    private const int Sources = 25;
    private const int TargetsPerSource = 10;

    // Landmarks on free flow; straight-line bound only; perturbed times (some faster than free flow, so the
    // landmarks are invalidated and A* falls back to the straight-line bound); perturbed then landmarks recomputed
    // and some times raised again (landmarks stay valid, with closed edges in the table).
    [TestCase(false, 8, false, TestName = "TryRoute_Helsinki_FreeFlowLandmarks_MatchesQuikGraph")]
    [TestCase(false, 0, false, TestName = "TryRoute_Helsinki_FreeFlowStraightLineBound_MatchesQuikGraph")]
    [TestCase(true, 8, false, TestName = "TryRoute_Helsinki_PerturbedAndClosed_StraightLineFallback_MatchesQuikGraph")]
    [TestCase(true, 8, true, TestName = "TryRoute_Helsinki_PerturbedAndClosed_RecomputedLandmarks_MatchesQuikGraph")]
    public void TryRoute_Helsinki_MatchesQuikGraph(bool perturb, int landmarkCount, bool refreshLandmarks)
    {
        var network = SharedCities.ImportOrIgnore(SharedCities.Helsinki).Roads;
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger, landmarkCount);
        var random = new SeededRandom(20261123);
        if (perturb)
        {
            // Current travel times from 0.6× (faster than the limit: tests the heuristic bound) to 3× free flow,
            // and 2% of edges closed.
            for (var e = 0; e < graph.EdgeCount; e++)
            {
                var t = random.NextBool(0.02) ? double.PositiveInfinity : graph.TravelTimeS(e) * random.NextDouble(0.6, 3.0);
                graph.SetTravelTimeS(e, t);
            }

            Assert.That(graph.LandmarksValid, Is.False, "times below free flow must invalidate the landmarks");
            if (refreshLandmarks)
            {
                graph.UpdateLandmarks();
                for (var e = 0; e < graph.EdgeCount; e += 7)
                {
                    graph.SetTravelTimeS(e, graph.TravelTimeS(e) * 2);
                }

                Assert.That(graph.LandmarksValid, Is.True, "rising times keep the landmarks valid");
            }
        }
        else
        {
            Assert.That(graph.LandmarksValid, Is.EqualTo(landmarkCount > 0));
        }

        var oracle = BuildOracle(network, graph);
        var astar = new AStarRouter(graph);
        var dijkstra = new DijkstraRouter(graph);
        var route = new List<int>();
        var allowedEdges = AllowedEdges(graph);
        int compared = 0, reachable = 0;
        for (var i = 0; i < Sources; i++)
        {
            var from = allowedEdges[random.NextInt(allowedEdges.Length)];
            var qg = new DijkstraShortestPathAlgorithm<int, SEquatableEdge<int>>(oracle, link => graph.TravelTimeS(link.Target));
            qg.Compute(from);
            for (var k = 0; k < TargetsPerSource; k++)
            {
                var to = allowedEdges[random.NextInt(allowedEdges.Length)];
                var expectedS = OracleCost(qg, graph, from, to);
                foreach (CsrRouter router in new CsrRouter[] { astar, dijkstra })
                {
                    var ok = router.TryRoute(from, to, route);
                    var name = $"{router.GetType().Name} {from}->{to}";
                    Assert.That(ok, Is.EqualTo(!double.IsPositiveInfinity(expectedS)), $"{name}: reachability");
                    if (ok)
                    {
                        Assert.That(router.LastCostS, Is.EqualTo(expectedS).Within(1e-6 * expectedS), $"{name}: cost");
                        RouterTests<AStarRouter>.AssertValidRoute(graph, route, from, to);
                        Assert.That(RouterTests<AStarRouter>.SumTravelTimes(graph, route), Is.EqualTo(router.LastCostS).Within(1e-9 * expectedS));
                    }
                }

                compared++;
                reachable += double.IsPositiveInfinity(expectedS) ? 0 : 1;
            }
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(200));
        // The importer keeps the largest strongly connected component, so free-flow pairs are all reachable;
        // with closures some must fail, or the unreachable branch went untested.
        Assert.That(reachable, perturb ? Is.InRange(compared / 2, compared - 1) : Is.EqualTo(compared));
        TestContext.Out.WriteLine($"{graph.EdgeCount} edges, {graph.LinkCount} links; {reachable}/{compared} pairs reachable");
    }

    [Test]
    public void TryRoute_Monaco_FreeFlow_MatchesQuikGraph()
    {
        // A larger network with several speed limits; one oracle search per source, 10 targets each.
        var network = SharedCities.ImportOrIgnore(SharedCities.Monaco).Roads;
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger);
        var oracle = BuildOracle(network, graph);
        var astar = new AStarRouter(graph);
        var random = new SeededRandom(1);
        var edges = AllowedEdges(graph);
        var route = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var from = edges[random.NextInt(edges.Length)];
            var qg = new DijkstraShortestPathAlgorithm<int, SEquatableEdge<int>>(oracle, link => graph.TravelTimeS(link.Target));
            qg.Compute(from);
            for (var k = 0; k < 10; k++)
            {
                var to = edges[random.NextInt(edges.Length)];
                var expectedS = OracleCost(qg, graph, from, to);
                Assert.That(astar.TryRoute(from, to, route), Is.True, $"{from}->{to}");
                Assert.That(astar.LastCostS, Is.EqualTo(expectedS).Within(1e-6 * expectedS), $"{from}->{to}");
            }
        }
    }

    [Test]
    public void TryRoute_Helsinki_AStarSettlesFewerEdgesThanDijkstra()
    {
        var graph = RoutingGraph.Build(SharedCities.ImportOrIgnore(SharedCities.Helsinki).Roads, VehicleClasses.Passenger);
        var astar = new AStarRouter(graph);
        var dijkstra = new DijkstraRouter(graph);
        var random = new SeededRandom(5);
        var route = new List<int>();
        var edges = AllowedEdges(graph);
        long astarSettled = 0, dijkstraSettled = 0;
        for (var i = 0; i < 200; i++)
        {
            var from = edges[random.NextInt(edges.Length)];
            var to = edges[random.NextInt(edges.Length)];
            astar.TryRoute(from, to, route);
            dijkstra.TryRoute(from, to, route);
            astarSettled += astar.LastSettledCount;
            dijkstraSettled += dijkstra.LastSettledCount;
        }

        Assert.That(astarSettled, Is.LessThan(dijkstraSettled));
        TestContext.Out.WriteLine($"settled: A* {astarSettled}, Dijkstra {dijkstraSettled}; heuristic speed {graph.HeuristicSpeedMps:F2} m/s");
    }

    private static AdjacencyGraph<int, SEquatableEdge<int>> BuildOracle(RoadNetwork network, RoutingGraph graph)
    {
        var oracle = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        for (var e = 0; e < network.Edges.Length; e++)
        {
            oracle.AddVertex(e);
        }

        foreach (ref readonly var c in network.Connections)
        {
            // Links into closed edges are left out rather than weighted +∞, so QuikGraph never adds infinities.
            if (graph.IsAllowed(c.FromEdge) && graph.IsAllowed(c.ToEdge) && !double.IsPositiveInfinity(graph.TravelTimeS(c.ToEdge)))
            {
                oracle.AddEdge(new SEquatableEdge<int>(c.FromEdge, c.ToEdge));
            }
        }

        return oracle;
    }

    private static double OracleCost(DijkstraShortestPathAlgorithm<int, SEquatableEdge<int>> qg, RoutingGraph graph, int from, int to)
    {
        var startS = graph.TravelTimeS(from);
        if (double.IsPositiveInfinity(startS))
        {
            return double.PositiveInfinity;
        }

        if (from == to)
        {
            return startS;
        }

        // QuikGraph leaves unreached vertices at double.MaxValue.
        return qg.TryGetDistance(to, out var d) && d < double.MaxValue ? startS + d : double.PositiveInfinity;
    }

    private static int[] AllowedEdges(RoutingGraph graph)
    {
        var list = new List<int>();
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            if (graph.IsAllowed(e))
            {
                list.Add(e);
            }
        }

        return list.ToArray();
    }
}
