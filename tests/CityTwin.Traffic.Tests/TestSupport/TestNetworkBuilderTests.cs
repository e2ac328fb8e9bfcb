using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>The hand-built networks other tests rely on must be what they claim.</summary>
public class TestNetworkBuilderTests
{
    [Test]
    public void Build_Grid_ConnectionsGroupedByLaneAndConsistent()
    {
        var network = TestNetworks.Grid(3, 3, laneCount: 2);

        Assert.That(network.Junctions.Length, Is.EqualTo(9));
        Assert.That(network.Edges.Length, Is.EqualTo(24));
        for (var lane = 0; lane < network.Lanes.Length; lane++)
        {
            var l = network.Lanes[lane];
            Assert.That(l.ConnectionCount, Is.GreaterThan(0), $"lane {lane} has no way on");
            foreach (ref readonly var c in network.GetConnections(lane))
            {
                Assert.That(c.FromLane, Is.EqualTo(lane));
                Assert.That(c.FromEdge, Is.EqualTo(l.Edge));
                Assert.That(network.Lanes[c.ToLane].Edge, Is.EqualTo(c.ToEdge));
                Assert.That(network.Edges[c.ToEdge].FromJunction, Is.EqualTo(network.Edges[c.FromEdge].ToJunction));
                Assert.That(c.Junction, Is.EqualTo(network.Edges[c.FromEdge].ToJunction));
            }
        }
    }

    [Test]
    public void Build_Ring_LengthsAddUpAndEveryEdgeContinues()
    {
        var network = TestNetworks.Ring(11, circumferenceM: 230);

        Assert.That(network.TotalLengthM, Is.EqualTo(230).Within(1e-9));
        for (var e = 0; e < 11; e++)
        {
            Assert.That(network.GetConnections(network.Edges[e].FirstLane)[0].ToEdge, Is.EqualTo((e + 1) % 11));
        }
    }

    [Test]
    public void Build_ConnectionsAddedOutOfOrder_ConflictsFollowTheirConnections()
    {
        var b = new TestNetworkBuilder();
        var west = b.AddJunction(-100, 0);
        var south = b.AddJunction(0, -100);
        var centre = b.AddJunction(0, 0);
        var east = b.AddJunction(100, 0);
        var north = b.AddJunction(0, 100);
        var we = b.AddEdge(west, centre);
        var sn = b.AddEdge(south, centre);
        var ce = b.AddEdge(centre, east);
        var cn = b.AddEdge(centre, north);
        // Added south approach first, so the builder must reorder connections by incoming lane.
        var snThrough = b.Connect(b.Lane(sn), b.Lane(cn), TurnDirections.Through, LinkControl.Minor);
        var weThrough = b.Connect(b.Lane(we), b.Lane(ce));
        b.AddConflict(snThrough, weThrough, ConflictKind.Crossing, mustYield: true);
        b.AddConflict(weThrough, snThrough, ConflictKind.Crossing, mustYield: false);

        var network = b.Build();

        var minor = b.ConnectionIndex(snThrough);
        var major = b.ConnectionIndex(weThrough);
        Assert.That(major, Is.LessThan(minor), "grouped by incoming lane: the west lane comes first");
        Assert.That(network.GetConflicts(minor).ToArray() is [{ MustYield: true } c1] && c1.Foe == major, Is.True);
        Assert.That(network.GetConflicts(major).ToArray() is [{ MustYield: false } c2] && c2.Foe == minor, Is.True);
        Assert.That(() => b.Connect(b.Lane(ce), b.Lane(we)), Throws.ArgumentException);
    }
}
