using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Tests.TestSupport;

namespace CityTwin.Traffic.Tests.Routing;

public class RoutingGraphTests
{
    [Test]
    public void Build_Straight_SuccessorsFollowConnections()
    {
        var graph = RoutingGraph.Build(TestNetworks.Straight(3), VehicleClasses.Passenger);

        Assert.That(graph.EdgeCount, Is.EqualTo(3));
        Assert.That(graph.Successors(0).ToArray(), Is.EqualTo(new[] { 1 }));
        Assert.That(graph.Successors(1).ToArray(), Is.EqualTo(new[] { 2 }));
        Assert.That(graph.Successors(2).ToArray(), Is.Empty);
        Assert.That(graph.LinkCount, Is.EqualTo(2));
    }

    [Test]
    public void Build_SeveralLanesToOneEdge_OneSuccessor()
    {
        var graph = RoutingGraph.Build(TestNetworks.Straight(2, laneCount: 3), VehicleClasses.Passenger);

        Assert.That(graph.Successors(0).ToArray(), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public void Build_Grid_SuccessorsAreAscendingAndExcludeUTurns()
    {
        var network = TestNetworks.Grid(3, 3);
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger);

        // The centre junction (4) has four approaches; each continues to the three other directions.
        foreach (var e in network.GetIncomingEdges(4))
        {
            var successors = graph.Successors(e).ToArray();
            Assert.That(successors, Has.Length.EqualTo(3));
            Assert.That(successors, Is.Ordered.Ascending);
            foreach (var s in successors)
            {
                Assert.That(network.Edges[s].ToJunction, Is.Not.EqualTo(network.Edges[e].FromJunction));
            }
        }
    }

    [Test]
    public void Build_DisallowedEdge_NeitherSuccessorNorSource()
    {
        var b = new TestNetworkBuilder();
        for (var i = 0; i < 4; i++)
        {
            b.AddJunction(i * 100, 0);
        }

        var e0 = b.AddEdge(0, 1);
        var busOnly = b.AddEdge(1, 2, allowed: VehicleClasses.Bus);
        var e2 = b.AddEdge(2, 3);
        b.ConnectEdges(e0, busOnly);
        b.ConnectEdges(busOnly, e2);
        var network = b.Build();

        var cars = RoutingGraph.Build(network, VehicleClasses.Passenger);
        var buses = RoutingGraph.Build(network, VehicleClasses.Bus);

        Assert.That(cars.IsAllowed(busOnly), Is.False);
        Assert.That(cars.Successors(e0).ToArray(), Is.Empty);
        Assert.That(cars.Successors(busOnly).ToArray(), Is.Empty);
        Assert.That(buses.Successors(e0).ToArray(), Is.EqualTo(new[] { busOnly }));
        Assert.That(buses.Successors(busOnly).ToArray(), Is.EqualTo(new[] { e2 }));
    }

    [Test]
    public void Build_NoClass_Throws()
    {
        Assert.That(() => RoutingGraph.Build(TestNetworks.Straight(), VehicleClasses.None), Throws.ArgumentException);
    }

    [Test]
    public void TravelTimeS_Default_IsLengthOverSpeedLimit()
    {
        var graph = RoutingGraph.Build(TestNetworks.Straight(2, edgeLengthM: 150, speedLimitMps: 10), VehicleClasses.Passenger);

        Assert.That(graph.TravelTimeS(0), Is.EqualTo(150.0 / 10f).Within(1e-9));
        Assert.That(graph.FreeFlowTravelTimeS(1), Is.EqualTo(graph.TravelTimesS[1]));
        Assert.That(graph.HeuristicSpeedMps, Is.EqualTo(10).Within(1e-6));
    }

    [Test]
    public void SetTravelTimeS_InvalidValues_Throw()
    {
        var graph = RoutingGraph.Build(TestNetworks.Straight(2), VehicleClasses.Passenger);

        Assert.That(() => graph.SetTravelTimeS(0, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => graph.SetTravelTimeS(0, double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => graph.SetTravelTimeS(2, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => graph.SetTravelTimesS(new double[3]), Throws.ArgumentException);
        Assert.That(() => graph.SetTravelTimesS(new[] { 1.0, -2.0 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void SetTravelTimeS_FasterThanLimit_RaisesHeuristicSpeedUntilReset()
    {
        var graph = RoutingGraph.Build(TestNetworks.Straight(2, edgeLengthM: 100, speedLimitMps: 10), VehicleClasses.Passenger);

        graph.SetTravelTimeS(1, 5); // 100 m in 5 s = 20 m/s, faster than the limit
        Assert.That(graph.HeuristicSpeedMps, Is.EqualTo(20).Within(1e-9));
        graph.SetTravelTimeS(1, 50); // slower again: the speed bound stays (it only has to be an upper bound)
        Assert.That(graph.HeuristicSpeedMps, Is.EqualTo(20).Within(1e-9));
        graph.ResetTravelTimes();
        Assert.That(graph.HeuristicSpeedMps, Is.EqualTo(10).Within(1e-6));
        Assert.That(graph.TravelTimeS(1), Is.EqualTo(10).Within(1e-6));
    }

    [Test]
    public void Predecessors_AreTheReverseOfSuccessors()
    {
        var graph = RoutingGraph.Build(TestNetworks.Grid(4, 3), VehicleClasses.Passenger);

        var links = 0;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            Assert.That(graph.Predecessors(e).ToArray(), Is.Ordered.Ascending);
            foreach (var p in graph.Predecessors(e))
            {
                Assert.That(graph.Successors(p).Contains(e), Is.True);
                links++;
            }
        }

        Assert.That(links, Is.EqualTo(graph.LinkCount));
    }

    [Test]
    public void Landmarks_ValidUntilATimeFallsBelowTheComputedOne()
    {
        var graph = RoutingGraph.Build(TestNetworks.Grid(4, 4), VehicleClasses.Passenger, landmarkCount: 4);
        Assert.That((graph.LandmarkCount, graph.LandmarksValid), Is.EqualTo((4, true)));

        graph.SetTravelTimeS(5, graph.TravelTimeS(5) * 3);
        Assert.That(graph.LandmarksValid, Is.True);
        graph.SetTravelTimeS(6, graph.TravelTimeS(6) * 0.5);
        Assert.That(graph.LandmarksValid, Is.False);
        graph.UpdateLandmarks();
        Assert.That(graph.LandmarksValid, Is.True);
        graph.SetTravelTimeS(5, graph.TravelTimeS(5) / 3); // below the recomputed value
        Assert.That(graph.LandmarksValid, Is.False);
        graph.ResetTravelTimes();
        Assert.That(graph.LandmarksValid, Is.True);

        var none = RoutingGraph.Build(TestNetworks.Grid(4, 4), VehicleClasses.Passenger, landmarkCount: 0);
        Assert.That((none.LandmarkCount, none.LandmarksValid), Is.EqualTo((0, false)));
    }

    [Test]
    public void Landmarks_Bound_IsConsistentAndExactAtLandmarks()
    {
        // Random travel times, a closed edge, and a one-way edge: the ALT bound must never exceed
        // travelTime(s) + bound(s) on any link, and never exceed the true remaining cost.
        var b = TestNetworks.GridBuilder(4, 4, spacingM: 100, connect: false);
        b.AddEdge(0, 5, lengthM: 150);
        b.ConnectAllTurns();
        var graph = RoutingGraph.Build(b.Build(), VehicleClasses.Passenger, landmarkCount: 4);
        var random = new SeededRandom(99);
        var times = new double[graph.EdgeCount];
        for (var e = 0; e < times.Length; e++)
        {
            times[e] = graph.TravelTimeS(e) * random.NextDouble(0.5, 4);
        }

        times[7] = double.PositiveInfinity;
        graph.SetTravelTimesS(times);
        var table = graph.Landmarks!;
        var dijkstra = new DijkstraRouter(graph);
        var route = new List<int>();

        for (var t = 0; t < graph.EdgeCount; t++)
        {
            for (var e = 0; e < graph.EdgeCount; e++)
            {
                var h = table.LowerBoundS(e, t);
                foreach (var s in graph.Successors(e))
                {
                    if (!double.IsPositiveInfinity(h) && !double.IsPositiveInfinity(graph.TravelTimeS(s)))
                    {
                        Assert.That(h, Is.LessThanOrEqualTo(graph.TravelTimeS(s) + table.LowerBoundS(s, t) + 1e-9), $"link {e}->{s}, target {t}");
                    }
                }

                if (e != t && dijkstra.TryRoute(e, t, route))
                {
                    Assert.That(h, Is.LessThanOrEqualTo(dijkstra.LastCostS - graph.TravelTimeS(e) + 1e-9), $"{e}->{t}");
                }
            }
        }

        foreach (var l in table.Edges)
        {
            // From a landmark the forward term is exact: d(L, t) − d(L, L) = d(L, t).
            var t = (l + 5) % graph.EdgeCount;
            if (dijkstra.TryRoute(l, t, route))
            {
                Assert.That(table.LowerBoundS(l, t), Is.EqualTo(dijkstra.LastCostS - graph.TravelTimeS(l)).Within(1e-9));
            }
        }
    }

    [Test]
    public void LowerBoundS_Grid_IsConsistentForEveryLinkAndTarget()
    {
        var network = TestNetworks.Grid(4, 3, spacingM: 80);
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger);
        graph.SetTravelTimeS(3, 0.5 * graph.TravelTimeS(3)); // a measured time faster than free flow

        for (var t = 0; t < graph.EdgeCount; t++)
        {
            Assert.That(graph.LowerBoundS(t, t), Is.Zero);
            for (var e = 0; e < graph.EdgeCount; e++)
            {
                foreach (var s in graph.Successors(e))
                {
                    Assert.That(graph.LowerBoundS(e, t), Is.LessThanOrEqualTo(graph.TravelTimeS(s) + graph.LowerBoundS(s, t) + 1e-9),
                        $"link {e}->{s}, target {t}");
                }
            }
        }
    }
}
