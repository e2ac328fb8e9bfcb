using CityTwin.IO.Osm.Roads;
using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model.Roads;
using static CityTwin.IO.Osm.Tests.TestSupport.ModelQueries;

namespace CityTwin.IO.Osm.Tests.Roads;

public class LaneConnectorTests
{
    [Test]
    public void Connect_TaggedTurnLanes_SendEachLaneOnlyWhereItsArrowsPoint()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("turn-lanes.osm")).Roads;
        var approach = EdgeBetween(r, 1, 2);
        var lanes = r.GetLanes(approach);

        Assert.That(lanes.Length, Is.EqualTo(2));
        Assert.That(lanes[1].Turns, Is.EqualTo(TurnDirections.Left), "leftmost lane: 'left'");
        Assert.That(lanes[0].Turns, Is.EqualTo(TurnDirections.Through | TurnDirections.Right));
        Assert.That(lanes[0].TurnsTagged, Is.True);
        var left = r.GetConnections(r.Edges[approach].FirstLane + 1).ToArray();
        var right = r.GetConnections(r.Edges[approach].FirstLane).ToArray();
        Assert.That(left.Select(c => c.ToEdge), Is.EqualTo(new[] { EdgeBetween(r, 2, 4) }));
        Assert.That(left.Single().Direction, Is.EqualTo(TurnDirections.Left));
        Assert.That(right.Select(c => c.ToEdge), Is.EquivalentTo(new[] { EdgeBetween(r, 2, 3), EdgeBetween(r, 2, 20) }));
    }

    [Test]
    public void Connect_Untagged_RightFromRightmostLeftFromLeftmostStraightFromAll()
    {
        var links = new List<LaneConnector.LaneLink>();
        var movements = new List<Movement>
        {
            new(0, 1, TurnDirections.Left, 90),
            new(0, 2, TurnDirections.Through, 0),
            new(0, 3, TurnDirections.Right, -90),
        };

        LaneConnector.Connect(3, null, movements, _ => 2, links);

        Assert.That(links.Where(l => l.Out == 1).Select(l => (l.FromLane, l.ToLane)), Is.EqualTo(new[] { (2, 1) }));
        Assert.That(links.Where(l => l.Out == 3).Select(l => (l.FromLane, l.ToLane)), Is.EqualTo(new[] { (0, 0) }));
        Assert.That(links.Where(l => l.Out == 2).Select(l => (l.FromLane, l.ToLane)), Is.EqualTo(new[] { (0, 0), (1, 1), (2, 1) }));
    }

    [Test]
    public void Connect_TaggedTurnWithoutExit_BorrowsTheNeighbourSoNoLaneIsStranded()
    {
        var links = new List<LaneConnector.LaneLink>();
        var movements = new List<Movement> { new(0, 1, TurnDirections.Through, 2) };

        // Two lanes tagged left|through, but the junction has no left exit.
        LaneConnector.Connect(2, [TurnDirections.Left, TurnDirections.Through], movements, _ => 1, links);

        Assert.That(links.Select(l => l.FromLane).Distinct().Order(), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Build_StopSignsOnEveryApproach_MakeAnAllWayStop()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("turn-lanes.osm")).Roads;
        var j = JunctionByNode(r, 20);

        Assert.That(r.Junctions[j].Kind, Is.EqualTo(JunctionKind.AllWayStop));
        foreach (var e in r.GetIncomingEdges(j))
        {
            Assert.That(r.Edges[e].Flags & EdgeFlags.StopAtEnd, Is.EqualTo(EdgeFlags.StopAtEnd));
        }

        Assert.That(r.Connections.ToArray().Where(c => c.Junction == j).Select(c => c.Control).Distinct(), Is.EqualTo(new[] { LinkControl.AllWayStop }));
    }
}
