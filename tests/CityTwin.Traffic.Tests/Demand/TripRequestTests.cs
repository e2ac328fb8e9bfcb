using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Tests.TestSupport;

namespace CityTwin.Traffic.Tests.Demand;

public class TripRequestTests
{
    [Test]
    public void Constructor_Defaults_AreSumoDefaults()
    {
        var trip = new TripRequest("t", 1500, 2, 5);

        Assert.That(trip.DepartLane, Is.EqualTo(DepartLane.First));
        Assert.That(trip.DepartPos, Is.EqualTo(DepartPos.Base));
        Assert.That(trip.DepartSpeed, Is.EqualTo(DepartSpeed.Zero));
        Assert.That(trip.Edges, Is.Null);
        Assert.That(trip.VehicleType, Is.Zero);
        Assert.That(trip.ResolveArrivalPosM(80), Is.EqualTo(80)); // end of the last edge
    }

    [Test]
    public void ResolveArrivalPosM_NegativeCountsFromEnd_Clamped()
    {
        Assert.That(new TripRequest("t", 0, 0, 1) { ArrivalPosM = -10 }.ResolveArrivalPosM(80), Is.EqualTo(70));
        Assert.That(new TripRequest("t", 0, 0, 1) { ArrivalPosM = 500 }.ResolveArrivalPosM(80), Is.EqualTo(80));
        Assert.That(new TripRequest("t", 0, 0, 1) { ArrivalPosM = 12.5 }.ResolveArrivalPosM(80), Is.EqualTo(12.5));
    }

    [Test]
    public void Constructor_InvalidArguments_Throw()
    {
        Assert.That(() => new TripRequest("", 0, 0, 1), Throws.ArgumentException);
        Assert.That(() => new TripRequest("t", -1, 0, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new TripRequest("t", 0, -1, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => TripRequest.AlongRoute("t", 0, []), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void AlongRoute_TakesEndsFromRoute()
    {
        var trip = TripRequest.AlongRoute("bus1", 60_000, [0, 1, 2]);

        Assert.That((trip.FromEdge, trip.ToEdge, trip.Edges), Is.EqualTo((0, 2, new[] { 0, 1, 2 })));
    }

    [TestCase("first", DepartLaneKind.First, 0)]
    [TestCase("RANDOM", DepartLaneKind.Random, 0)]
    [TestCase(" free ", DepartLaneKind.Free, 0)]
    [TestCase("best", DepartLaneKind.Best, 0)]
    [TestCase("2", DepartLaneKind.Given, 2)]
    public void DepartLane_TryParse_SumoNotation(string text, DepartLaneKind kind, int index)
    {
        Assert.That(DepartLane.TryParse(text, out var lane), Is.True);
        Assert.That((lane.Kind, lane.Index), Is.EqualTo((kind, index)));
        Assert.That(DepartLane.TryParse(lane.ToString(), out var again) && again == lane, Is.True);
    }

    [TestCase("base", DepartPosKind.Base, 0)]
    [TestCase("random", DepartPosKind.Random, 0)]
    [TestCase("free", DepartPosKind.Free, 0)]
    [TestCase("12.5", DepartPosKind.Given, 12.5)]
    [TestCase("-3", DepartPosKind.Given, -3)]
    public void DepartPos_TryParse_SumoNotation(string text, DepartPosKind kind, double positionM)
    {
        Assert.That(DepartPos.TryParse(text, out var pos), Is.True);
        Assert.That((pos.Kind, pos.PositionM), Is.EqualTo((kind, positionM)));
        Assert.That(DepartPos.TryParse(pos.ToString(), out var again) && again == pos, Is.True);
    }

    [TestCase("0", DepartSpeedKind.Zero, 0)]
    [TestCase("random", DepartSpeedKind.Random, 0)]
    [TestCase("max", DepartSpeedKind.Max, 0)]
    [TestCase("desired", DepartSpeedKind.Desired, 0)]
    [TestCase("13.9", DepartSpeedKind.Given, 13.9)]
    public void DepartSpeed_TryParse_SumoNotation(string text, DepartSpeedKind kind, double speedMps)
    {
        Assert.That(DepartSpeed.TryParse(text, out var speed), Is.True);
        Assert.That((speed.Kind, speed.SpeedMps), Is.EqualTo((kind, speedMps)));
        Assert.That(DepartSpeed.TryParse(speed.ToString(), out var again) && again == speed, Is.True);
    }

    [TestCase("left")]
    [TestCase("-1")]
    [TestCase("")]
    [TestCase(null)]
    public void DepartRules_TryParse_RejectsNonsense(string? text)
    {
        Assert.That(DepartLane.TryParse(text, out _), Is.False);
        Assert.That(DepartSpeed.TryParse(text, out _), Is.False);
        Assert.That(DepartPos.TryParse(text == "-1" ? "nan" : text, out _), Is.False);
    }

    [Test]
    public void DepartPos_ResolveFixedM()
    {
        Assert.That(DepartPos.Base.ResolveFixedM(100, 5), Is.EqualTo(5));
        Assert.That(DepartPos.Given(-20).ResolveFixedM(100, 5), Is.EqualTo(80));
        Assert.That(DepartPos.Given(150).ResolveFixedM(100, 5), Is.EqualTo(100));
        Assert.That(DepartPos.Random.ResolveFixedM(100, 5), Is.NaN);
    }

    [Test]
    public void SortByDepart_IsStableForEqualTimes()
    {
        var trips = new List<TripRequest> { new("c", 20, 0, 1), new("a", 10, 0, 1), new("b", 20, 0, 1), new("d", 10, 0, 1) };

        TripRequests.SortByDepart(trips);

        Assert.That(trips.ConvertAll(t => t.Id), Is.EqualTo(new[] { "a", "d", "c", "b" }));
    }

    [Test]
    public void Validate_CatchesDuplicateIdsBadEdgesTypesAndBrokenRoutes()
    {
        var network = TestNetworks.Straight(3);

        Assert.That(() => TripRequests.Validate([new("a", 0, 0, 2), new("b", 0, 0, 2)], network, 1), Throws.Nothing);
        Assert.That(() => TripRequests.Validate([TripRequest.AlongRoute("r", 0, [0, 1, 2])], network, 1), Throws.Nothing);
        Assert.That(() => TripRequests.Validate([new("a", 0, 0, 2), new("a", 5, 0, 2)], network, 1),
            Throws.ArgumentException.With.Message.Contains("twice"));
        Assert.That(() => TripRequests.Validate([new("a", 0, 0, 3)], network, 1), Throws.ArgumentException.With.Message.Contains("outside"));
        Assert.That(() => TripRequests.Validate([new("a", 0, 0, 2) { VehicleType = 1 }], network, 1),
            Throws.ArgumentException.With.Message.Contains("vehicle type"));
        Assert.That(() => TripRequests.Validate([TripRequest.AlongRoute("r", 0, [0, 2])], network, 1),
            Throws.ArgumentException.With.Message.Contains("no lane connection from edge 0 to edge 2"));
        Assert.That(() => TripRequests.Validate([new("r", 0, 0, 2) { Edges = [1, 2] }], network, 1),
            Throws.ArgumentException.With.Message.Contains("must start at edge 0"));
    }
}
