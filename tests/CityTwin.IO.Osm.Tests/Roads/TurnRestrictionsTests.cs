using CityTwin.IO.Osm.Roads;
using CityTwin.IO.Osm.Tests.TestSupport;
using static CityTwin.IO.Osm.Tests.TestSupport.ModelQueries;

namespace CityTwin.IO.Osm.Tests.Roads;

public class TurnRestrictionsTests
{
    [Test]
    public void Apply_NoLeftTurn_RemovesOnlyTheLeftTurnOntoAThroughWay()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("priority.osm")).Roads;
        var fromSouth = EdgeBetween(r, 4, 1);

        // High Street (way 1) runs through the via node: only the left-hand exit (west) is banned.
        Assert.That(ConnectionBetween(r, fromSouth, EdgeBetween(r, 1, 2)), Is.EqualTo(-1));
        Assert.That(ConnectionBetween(r, fromSouth, EdgeBetween(r, 1, 3)), Is.Not.EqualTo(-1));
        Assert.That(ConnectionBetween(r, fromSouth, EdgeBetween(r, 1, 5)), Is.Not.EqualTo(-1));
    }

    [Test]
    public void Apply_OnlyStraightOn_RemovesEveryOtherExit()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("priority.osm")).Roads;
        var fromNorth = EdgeBetween(r, 5, 1);

        Assert.That(r.Connections.ToArray().Where(c => c.FromEdge == fromNorth).Select(c => c.ToEdge).Distinct(), Is.EqualTo(new[] { EdgeBetween(r, 1, 4) }));
    }

    [Test]
    public void Apply_ExemptOrViaWayRestrictions_AreNotAppliedButCounted()
    {
        var m = OsmCityImporter.Import(TestPaths.TestData("priority.osm"));
        var r = m.Roads;

        Assert.That(ConnectionBetween(r, EdgeBetween(r, 2, 1), EdgeBetween(r, 1, 4)), Is.Not.EqualTo(-1), "except=motorcar");
        Assert.That(m.Report.CountOf("roads", TurnRestrictions.Applied), Is.EqualTo(2));
        Assert.That(m.Report.CountOf("roads", TurnRestrictions.ViaWay), Is.EqualTo(1));
    }

    [Test]
    public void Apply_Monaco_AppliesMostRestrictions()
    {
        var m = ImportedCities.Monaco;
        var applied = m.Report.CountOf("roads", TurnRestrictions.Applied);
        var unmatched = m.Report.CountOf("roads", TurnRestrictions.Unmatched);

        Assert.That(applied, Is.GreaterThan(0));
        Assert.That(applied, Is.GreaterThan(unmatched));
    }
}
