using System.Globalization;
using CityTwin.Model.Geometry;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Tests.TestSupport;

namespace CityTwin.Traffic.Tests.Demand;

public class TrafficZonesTests
{
    [Test]
    public void Load_EdgeIndex_GroupsRowsByZoneSortedAndUnique()
    {
        var network = TestNetworks.Grid(3, 3);
        var zones = TrafficZones.Load(new StringReader("zone,edge_index\nb,5\na,3\nb,1\nb,5\n"), "zones.csv", network);

        Assert.That(zones.Names, Is.EqualTo(new[] { "b", "a" }));
        Assert.That(zones.GetEdges(0).ToArray(), Is.EqualTo(new[] { 1, 5 }));
        Assert.That(zones.TryGetZone("a", out var a) && zones.GetEdges(a).ToArray() is [3], Is.True);
    }

    [Test]
    public void Load_OsmWayId_TakesEveryEdgeOfTheWay()
    {
        var b = new TestNetworkBuilder();
        b.AddJunction(0, 0);
        b.AddJunction(100, 0);
        b.AddJunction(200, 0);
        b.AddEdge(0, 1, osmWayId: 77);
        b.AddEdge(1, 0, osmWayId: 77);
        b.AddEdge(1, 2, osmWayId: 88);
        var network = b.Build();

        var zones = TrafficZones.Load(new StringReader("zone,osm_way_id\nz,77\n"), "zones.csv", network);

        Assert.That(zones.GetEdges(0).ToArray(), Is.EqualTo(new[] { 0, 1 }));
        var ex = Assert.Throws<DemandFormatException>(() => TrafficZones.Load(new StringReader("zone,osm_way_id\nz,77\nz,99\n"), "zones.csv", network))!;
        Assert.That((ex.LineNumber, ex.Field), Is.EqualTo((3, "osm_way_id")));
    }

    [Test]
    public void Load_Wkt_SelectsEdgesWhoseMidpointIsInsideAndNotInHoles()
    {
        var network = TestNetworks.Grid(3, 3, spacingM: 100);
        var projection = new LocalTransverseMercator(24.94, 60.17);
        // Around the left column (x < 40; the row streets' midpoints are at x = 50) excluding, by a hole, the midpoints around y = 150.
        var outer = Ring(projection, (-20, -20), (40, -20), (40, 220), (-20, 220));
        var hole = Ring(projection, (-10, 120), (10, 120), (10, 180), (-10, 180));
        var csv = $"zone,wkt\nleft,\"POLYGON(({outer}), ({hole}))\"\n";

        var zones = TrafficZones.Load(new StringReader(csv), "zones.csv", network, projection);

        var expected = new List<int>();
        foreach (var (from, to) in new[] { (0, 3), (3, 0) })
        {
            expected.Add(TestNetworks.FindEdge(network, from, to));
        }

        expected.Sort();
        Assert.That(zones.GetEdges(0).ToArray(), Is.EqualTo(expected.ToArray()));
    }

    [TestCase("zone,edge_index\nz,99\n", 2, "edge_index", "below 14")]
    [TestCase("zone,edge_index\nz,-1\n", 2, "edge_index", "integer")]
    [TestCase("zone,edge_index\n,1\n", 2, "zone", "empty")]
    [TestCase("zone,street\nz,1\n", 1, null, "zone,edge_index")]
    [TestCase("zone,wkt\nz,\"LINESTRING(0 0, 1 1)\"\n", 2, "wkt", "POLYGON")]
    [TestCase("zone,wkt\nz,\"POLYGON((24.9 60.1, 25 60.1, 25 abc))\"\n", 2, "wkt", "point 3")]
    [TestCase("zone,wkt\nz,\"POLYGON((24.9 60.1, 25 60.1))\"\n", 2, "wkt", "at least 3")]
    public void Load_Malformed_ErrorNamesLineAndField(string csv, int line, string? field, string expected)
    {
        var network = TestNetworks.Grid(3, 2);
        var projection = new LocalTransverseMercator(24.94, 60.17);

        var ex = Assert.Throws<DemandFormatException>(() => TrafficZones.Load(new StringReader(csv), "zones.csv", network, projection))!;

        Assert.That((ex.LineNumber, ex.Field), Is.EqualTo((line, field)));
        Assert.That(ex.Message, Does.StartWith($"zones.csv:{line}:").And.Contain(expected));
    }

    [Test]
    public void FromEdges_EmptyOrRepeatedZone_Throws()
    {
        var network = TestNetworks.Grid(3, 2);

        Assert.That(() => TrafficZones.FromEdges(network, [("a", [])]), Throws.ArgumentException);
        Assert.That(() => TrafficZones.FromEdges(network, [("a", [1]), ("a", [2])]), Throws.ArgumentException);
        Assert.That(() => TrafficZones.FromEdges(network, [("a", [1000])]), Throws.InstanceOf<ArgumentException>());
    }

    private static string Ring(LocalTransverseMercator projection, params (double X, double Y)[] points)
    {
        var parts = new List<string>();
        foreach (var (x, y) in points)
        {
            projection.Inverse(x, y, out var lon, out var lat);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{lon:R} {lat:R}"));
        }

        parts.Add(parts[0]);
        return string.Join(", ", parts);
    }
}
