using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;
using CityTwin.Model.Tests.TestSupport;

namespace CityTwin.Model.Tests.Roads;

public class RoadNetworkTests
{
    [Test]
    public void Adjacency_SmallCity_ListsIncomingAndOutgoingEdges()
    {
        var r = SmallCity.Create().Roads;

        Assert.That(r.GetOutgoingEdges(0).ToArray(), Is.EqualTo(new[] { 0 }));
        Assert.That(r.GetIncomingEdges(0).ToArray(), Is.EqualTo(new[] { 1 }));
        Assert.That(r.GetGeometry(1)[0], Is.EqualTo(new PointM(100, 0)));
        Assert.That(r.GetConnections(0)[0].ToLane, Is.EqualTo(1));
        Assert.That(r.TotalLengthM, Is.EqualTo(200));
        Assert.That(r.GetPhaseStates(0, 1).ToArray(), Is.EqualTo(new[] { Model.Signals.SignalState.Yellow }));
    }

    [Test]
    public void Constructor_EdgeToMissingJunction_Throws()
    {
        var edges = new[] { new Edge { FromJunction = 0, ToJunction = 3, PointCount = 2, LaneCount = 1, NameIndex = -1 } };
        var ex = Assert.Throws<InvalidDataException>(() => new RoadNetwork(
            [new Junction { SignalProgram = -1 }], edges, [new PointM(0, 0), new PointM(1, 0)], [new Lane()], [], [], [], [], [], []));

        Assert.That(ex!.Message, Does.Contain("edge 0").And.Contain("junction"));
    }

    [Test]
    public void Constructor_LaneRangePastTheEnd_Throws()
    {
        var edges = new[] { new Edge { FromJunction = 0, ToJunction = 0, PointCount = 2, LaneCount = 2, NameIndex = -1 } };

        Assert.That(() => new RoadNetwork([new Junction { SignalProgram = -1 }], edges, [new PointM(0, 0), new PointM(1, 0)], [new Lane()], [], [], [], [], [], []),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("lanes"));
    }
}
