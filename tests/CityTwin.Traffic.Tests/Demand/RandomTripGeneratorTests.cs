using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Tests.TestSupport;

namespace CityTwin.Traffic.Tests.Demand;

public class RandomTripGeneratorTests
{
    [Test]
    public void Generate_SameSeed_SameTrips_OtherSeed_OtherTrips()
    {
        var generator = new RandomTripGenerator(TestNetworks.Grid(4, 4));
        var options = new RandomTripOptions { EndS = 300, PeriodS = 3 };

        var a = generator.Generate(options, new SeededRandom(42)).Trips;
        var b = generator.Generate(options, new SeededRandom(42)).Trips;
        var c = generator.Generate(options, new SeededRandom(43)).Trips;

        Assert.That(Describe(a), Is.EqualTo(Describe(b)));
        Assert.That(Describe(a), Is.Not.EqualTo(Describe(c)));
    }

    [TestCase(0, 3600, 1, null, 3600)]
    [TestCase(100, 700, 2.5, null, 240)]
    [TestCase(0, 3600, 99, 1800.0, 1800)]
    [TestCase(0, 10, 3, null, 4)] // departures at 0, 3, 6, 9: ceil((end - begin) / period)
    public void Generate_Period_OneTripPerSlotAtExactTimes(double beginS, double endS, double periodS, double? vph, int expected)
    {
        var generator = new RandomTripGenerator(TestNetworks.Grid(3, 3));
        var options = new RandomTripOptions { BeginS = beginS, EndS = endS, PeriodS = periodS, VehiclesPerHour = vph, IdPrefix = "rt" };

        var result = generator.Generate(options, new SeededRandom(1));

        Assert.That(result.FailedCount, Is.Zero);
        Assert.That(result.Trips, Has.Count.EqualTo(expected));
        for (var i = 0; i < result.Trips.Count; i++)
        {
            Assert.That(result.Trips[i].DepartMs, Is.EqualTo((long)Math.Round((beginS + (i * options.EffectivePeriodS)) * 1000)));
            Assert.That(result.Trips[i].Id, Is.EqualTo($"rt{i}"));
        }
    }

    [Test]
    public void Generate_CopiesTypeAndDepartRules_AndRoutesAreValidWhenIncluded()
    {
        var network = TestNetworks.Grid(4, 3);
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger);
        var options = new RandomTripOptions
        {
            EndS = 100, VehicleType = 2, DepartLane = DepartLane.Best, DepartPos = DepartPos.Random,
            DepartSpeed = DepartSpeed.Max, IncludeRoutes = true,
        };

        var trips = new RandomTripGenerator(network).Generate(options, new SeededRandom(9)).Trips;

        Assert.That(trips, Has.Count.EqualTo(100));
        foreach (var t in trips)
        {
            Assert.That((t.VehicleType, t.DepartLane, t.DepartPos, t.DepartSpeed),
                Is.EqualTo((2, DepartLane.Best, DepartPos.Random, DepartSpeed.Max)));
            Assert.That(t.FromEdge, Is.Not.EqualTo(t.ToEdge));
            Routing.RouterTests<AStarRouter>.AssertValidRoute(graph, [.. t.Edges!], t.FromEdge, t.ToEdge);
        }

        TripRequests.Validate(trips, network, vehicleTypeCount: 3);
    }

    [Test]
    public void IsFringe_Straight_EndsAreFringeMiddleIsNot()
    {
        var generator = new RandomTripGenerator(TestNetworks.Straight(3));

        Assert.That(generator.IsFringe(0, VehicleClasses.Passenger), Is.True);
        Assert.That(generator.IsFringe(1, VehicleClasses.Passenger), Is.False);
        Assert.That(generator.IsFringe(2, VehicleClasses.Passenger), Is.True);
    }

    [Test]
    public void IsFringe_Grid_NoEdgeIsFringe()
    {
        var network = TestNetworks.Grid(3, 3);
        var generator = new RandomTripGenerator(network);

        for (var e = 0; e < network.Edges.Length; e++)
        {
            Assert.That(generator.IsFringe(e, VehicleClasses.Passenger), Is.False, $"edge {e}");
        }
    }

    [Test]
    public void Generate_FringeFactor_RaisesShareOfFringeOrigins()
    {
        var network = SharedCities.ImportOrIgnore(SharedCities.Helsinki).Roads;
        var generator = new RandomTripGenerator(network);

        var plain = FringeOriginShare(generator, network, 1);
        var boosted = FringeOriginShare(generator, network, 10);

        TestContext.Out.WriteLine($"fringe origins: factor 1 {plain:P1}, factor 10 {boosted:P1}");
        Assert.That(plain, Is.GreaterThan(0), "Helsinki centre must have fringe edges");
        Assert.That(boosted, Is.GreaterThan(plain + 0.15));
    }

    [Test]
    public void Generate_MinDistance_EveryTripIsFarEnough()
    {
        var network = SharedCities.ImportOrIgnore(SharedCities.Helsinki).Roads;
        var generator = new RandomTripGenerator(network);
        const double MinM = 800;

        var near = generator.Generate(new RandomTripOptions { EndS = 1000 }, new SeededRandom(5));
        var far = generator.Generate(new RandomTripOptions { EndS = 1000, MinDistanceM = MinM }, new SeededRandom(5));

        Assert.That(near.Trips, Has.Some.Matches<TripRequest>(t => Distance(network, t) < MinM), "without the option short trips exist");
        Assert.That(far.Trips, Has.All.Matches<TripRequest>(t => Distance(network, t) >= MinM));
        Assert.That(far.Trips.Count + far.FailedCount, Is.EqualTo(1000));
        Assert.That(far.RejectedDraws, Is.GreaterThan(near.RejectedDraws));
    }

    [Test]
    public void Generate_Monaco3600Trips_AllPlacedAndValid()
    {
        // The benchmark demand: 3,600 random trips in an hour on Monaco.
        var network = SharedCities.ImportOrIgnore(SharedCities.Monaco).Roads;

        var result = new RandomTripGenerator(network).Generate(
            new RandomTripOptions { EndS = 3600, FringeFactor = 5, MinDistanceM = 300, IncludeRoutes = true }, new SeededRandom(2026));

        Assert.That(result.FailedCount, Is.Zero);
        Assert.That(result.Trips, Has.Count.EqualTo(3600));
        TripRequests.Validate(result.Trips, network, vehicleTypeCount: 1);
    }

    [Test]
    public void Generate_ImpossibleDistance_CountsEveryFailure()
    {
        var generator = new RandomTripGenerator(TestNetworks.Grid(3, 3, spacingM: 100));

        var result = generator.Generate(new RandomTripOptions { EndS = 20, MinDistanceM = 10_000, MaxAttempts = 5 }, new SeededRandom(1));

        Assert.That(result.Trips, Is.Empty);
        Assert.That(result.FailedCount, Is.EqualTo(20));
        Assert.That(result.RejectedDraws, Is.EqualTo(100));
    }

    [Test]
    public void Generate_OneWayRoad_OnlyForwardTripsAndFailuresCounted()
    {
        var generator = new RandomTripGenerator(TestNetworks.Straight(4));

        var result = generator.Generate(new RandomTripOptions { EndS = 200, MaxAttempts = 1 }, new SeededRandom(3));

        Assert.That(result.Trips, Has.All.Matches<TripRequest>(t => t.FromEdge < t.ToEdge));
        Assert.That(result.FailedCount, Is.GreaterThan(0));
        Assert.That(result.Trips.Count + result.FailedCount, Is.EqualTo(200));
    }

    [Test]
    public void Generate_VehicleClass_OnlyAllowedEdgesDrawn()
    {
        var b = new TestNetworkBuilder();
        for (var i = 0; i < 5; i++)
        {
            b.AddJunction(i * 100, 0);
        }

        for (var i = 0; i < 4; i++)
        {
            b.AddTwoWay(i, i + 1, allowed: i == 3 ? VehicleClasses.Bus : TestNetworkBuilder.Motorised);
        }

        b.ConnectAllTurns();
        var network = b.Build();
        var generator = new RandomTripGenerator(network);

        var cars = generator.Generate(new RandomTripOptions { EndS = 300 }, new SeededRandom(2)).Trips;
        var buses = generator.Generate(new RandomTripOptions { EndS = 300, VehicleClass = VehicleClasses.Bus }, new SeededRandom(2)).Trips;

        Assert.That(cars, Has.None.Matches<TripRequest>(t => network.Edges[t.FromEdge].Allowed == VehicleClasses.Bus || network.Edges[t.ToEdge].Allowed == VehicleClasses.Bus));
        Assert.That(buses, Has.Some.Matches<TripRequest>(t => network.Edges[t.ToEdge].Allowed == VehicleClasses.Bus));
    }

    [Test]
    public void Generate_GivenGraphWithClosedEdges_NeverUsesThem()
    {
        var network = TestNetworks.Grid(4, 4);
        var graph = RoutingGraph.Build(network, VehicleClasses.Passenger);
        int[] closed = [3, 10, 17];
        foreach (var e in closed)
        {
            graph.SetTravelTimeS(e, double.PositiveInfinity);
        }

        var trips = new RandomTripGenerator(graph).Generate(new RandomTripOptions { EndS = 500, IncludeRoutes = true }, new SeededRandom(6)).Trips;
        var open = new RandomTripGenerator(network).Generate(new RandomTripOptions { EndS = 500, IncludeRoutes = true }, new SeededRandom(6)).Trips;

        Assert.That(trips, Has.Count.EqualTo(500));
        Assert.That(trips.SelectMany(t => t.Edges!), Has.None.AnyOf(3, 10, 17));
        Assert.That(open.SelectMany(t => t.Edges!), Has.Some.AnyOf(3, 10, 17));
    }

    [Test]
    public void Generate_InvalidOptions_Throw()
    {
        var generator = new RandomTripGenerator(TestNetworks.Grid(3, 3));
        var random = new SeededRandom(1);

        Assert.That(() => generator.Generate(new RandomTripOptions { PeriodS = 0 }, random), Throws.ArgumentException);
        Assert.That(() => generator.Generate(new RandomTripOptions { BeginS = 10, EndS = 5 }, random), Throws.ArgumentException);
        Assert.That(() => generator.Generate(new RandomTripOptions { VehiclesPerHour = -1 }, random), Throws.ArgumentException);
        Assert.That(() => generator.Generate(new RandomTripOptions { FringeFactor = -1 }, random), Throws.ArgumentException);
        Assert.That(() => generator.Generate(new RandomTripOptions { MaxAttempts = 0 }, random), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => generator.Generate(new RandomTripOptions { VehicleClass = VehicleClasses.Pedestrian }, random), Throws.InvalidOperationException);
    }

    private static double FringeOriginShare(RandomTripGenerator generator, RoadNetwork network, double factor)
    {
        var trips = generator.Generate(new RandomTripOptions { EndS = 2000, FringeFactor = factor }, new SeededRandom(77)).Trips;
        var fringe = 0;
        foreach (var t in trips)
        {
            fringe += generator.IsFringe(t.FromEdge, VehicleClasses.Passenger) ? 1 : 0;
        }

        return (double)fringe / trips.Count;
    }

    private static double Distance(RoadNetwork network, TripRequest t) =>
        network.Junctions[network.Edges[t.FromEdge].FromJunction].Position.DistanceTo(network.Junctions[network.Edges[t.ToEdge].ToJunction].Position);

    private static List<string> Describe(List<TripRequest> trips) =>
        trips.ConvertAll(t => $"{t.Id}:{t.DepartMs}:{t.FromEdge}->{t.ToEdge}");
}
