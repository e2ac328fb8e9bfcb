using CityTwin.IO.Osm.Roads;
using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using static CityTwin.IO.Osm.Tests.TestSupport.ModelQueries;

namespace CityTwin.IO.Osm.Tests.Roads;

public class RoadNetworkBuilderTests
{
    private static CityModel Crossroads => OsmCityImporter.Import(TestPaths.TestData("crossroads.osm"));

    [Test]
    public void Build_Crossroads_KeepsTheConnectedNetworkOnly()
    {
        var r = Crossroads.Roads;

        // Main Street both ways (4 edges), Cross Street west arm (2), east one-way arm (1), the one-way loop (1).
        Assert.That(r.Edges.Length, Is.EqualTo(8));
        Assert.That(r.Junctions.Length, Is.EqualTo(5));
        Assert.That(EdgesOfWay(r, 105), Is.Empty, "one-way sink");
        Assert.That(EdgesOfWay(r, 106), Is.Empty, "isolated remainder of the way with a missing node");
        Assert.That(NetworkAssertions.EdgesNotStronglyConnected(r), Is.EqualTo(0));
    }

    [Test]
    public void Build_KeepLargestComponentOff_KeepsIslandsAndSinks()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("crossroads.osm"), new OsmImportOptions { KeepLargestComponent = false }).Roads;

        Assert.That(r.Edges.Length, Is.EqualTo(11));
        Assert.That(EdgesOfWay(r, 105), Has.Count.EqualTo(1));
        Assert.That(NetworkAssertions.EdgesNotStronglyConnected(r), Is.GreaterThan(0));
        Assert.That(NetworkAssertions.LanesWithoutSuccessor(r), Is.Empty, "the sink ends in a dead end");
    }

    [Test]
    public void Build_Crossroads_ReportsWhatWasDropped()
    {
        var report = Crossroads.Report;

        Assert.That(report.CountOf("roads", MovementBuilder.NotConnected), Is.EqualTo(3));
        Assert.That(report.CountOf("roads", RoadGraph.MissingNodes), Is.EqualTo(1));
        Assert.That(report.CountOf("roads", CityTwin.IO.Osm.Tags.RoadTags.NotDrivable), Is.EqualTo(1));
        Assert.That(report.CountOf("roads", CityTwin.IO.Osm.Tags.RoadTags.MinorService), Is.EqualTo(1));
        var missing = report.Entries.First(e => e.Reason == RoadGraph.MissingNodes);
        Assert.That(missing.ExampleIds, Is.EqualTo(new[] { "way 106" }));
    }

    [Test]
    public void Build_OnewayAndSpeeds_FollowTags()
    {
        var r = Crossroads.Roads;
        var centre = JunctionByNode(r, 1);

        Assert.That(EdgesOfWay(r, 103), Has.Count.EqualTo(1), "oneway=yes gives one direction");
        Assert.That(r.Edges[EdgesOfWay(r, 103)[0]].FromJunction, Is.EqualTo(centre));
        var west = EdgeBetween(r, 5, 1);
        Assert.That(r.Edges[west].SpeedLimitMps, Is.EqualTo(30 * 1.609344 / 3.6).Within(1e-4), "30 mph");
        var loop = EdgesOfWay(r, 104)[0];
        Assert.That(r.Edges[loop].SpeedLimitMps, Is.EqualTo(30 / 3.6).Within(1e-4), "DE:zone30");
        Assert.That(r.Edges[loop].Class, Is.EqualTo(RoadClass.Residential));
        Assert.That(r.Names[r.Edges[west].NameIndex], Is.EqualTo("Cross Street"));
    }

    [Test]
    public void Build_DeadEnds_GetATurnaroundAndNothingElse()
    {
        var r = Crossroads.Roads;
        var south = JunctionByNode(r, 3);

        Assert.That(r.Junctions[south].Kind, Is.EqualTo(JunctionKind.DeadEnd));
        var arriving = EdgeBetween(r, 1, 3);
        var lane = r.Edges[arriving].FirstLane;
        Assert.That(r.GetConnections(lane).Length, Is.EqualTo(1));
        Assert.That(r.GetConnections(lane)[0].Direction, Is.EqualTo(TurnDirections.UTurn));
        Assert.That(NetworkAssertions.ImpossibleConnections(r), Is.Empty);
        Assert.That(NetworkAssertions.LanesWithoutSuccessor(r), Is.Empty);
    }

    [Test]
    public void Build_SignalisedCrossroads_ConflictsAndYieldingAreRight()
    {
        var r = Crossroads.Roads;
        var c = JunctionByNode(r, 1);
        var fromSouth = EdgeBetween(r, 3, 1);
        var toNorth = EdgeBetween(r, 1, 2);
        var fromNorth = EdgeBetween(r, 2, 1);
        var toSouth = EdgeBetween(r, 1, 3);
        var fromWest = EdgeBetween(r, 5, 1);
        var toWest = EdgeBetween(r, 1, 5);
        var toEast = EdgeBetween(r, 1, 4);

        var southNorth = ConnectionBetween(r, fromSouth, toNorth);
        var westEast = ConnectionBetween(r, fromWest, toEast);
        var southWestLeft = ConnectionBetween(r, fromSouth, toWest);
        var northSouth = ConnectionBetween(r, fromNorth, toSouth);
        Assert.That(r.Connections[southNorth].Direction, Is.EqualTo(TurnDirections.Through));
        Assert.That(r.Connections[southWestLeft].Direction, Is.EqualTo(TurnDirections.Left));
        Assert.That(ConflictOf(r, southNorth, westEast)?.Kind, Is.EqualTo(ConflictKind.Crossing));
        Assert.That(ConflictOf(r, southWestLeft, northSouth)?.MustYield, Is.True, "left turn yields to oncoming traffic");
        Assert.That(ConflictOf(r, northSouth, southWestLeft)?.MustYield, Is.False);
        Assert.That(ConflictOf(r, southNorth, ConnectionBetween(r, fromSouth, toEast)), Is.Null, "same approach: no conflict");
        Assert.That(NetworkAssertions.InconsistentConflicts(r), Is.Empty);
    }

    [Test]
    public void Build_SignalisedCrossroads_GetsAnOppositesProgram()
    {
        var r = Crossroads.Roads;
        var c = JunctionByNode(r, 1);
        var program = r.SignalPrograms[r.Junctions[c].SignalProgram];

        Assert.That(r.Junctions[c].Kind, Is.EqualTo(JunctionKind.TrafficSignals));
        Assert.That(program.PhaseCount, Is.EqualTo(4), "north-south green, yellow, west green, yellow");
        Assert.That(program.CycleS, Is.EqualTo(90));
        Assert.That(r.SignalPhases[program.FirstPhase + 1].DurationS, Is.EqualTo(4), "yellow for 50 km/h: ceil(1 + 13.9/6)");
        var south = r.Connections[ConnectionBetween(r, EdgeBetween(r, 3, 1), EdgeBetween(r, 1, 2))].SignalLink;
        var west = r.Connections[ConnectionBetween(r, EdgeBetween(r, 5, 1), EdgeBetween(r, 1, 4))].SignalLink;
        var phase0 = r.GetPhaseStates(r.Junctions[c].SignalProgram, 0);
        var phase2 = r.GetPhaseStates(r.Junctions[c].SignalProgram, 2);
        Assert.That((phase0[south], phase0[west]), Is.EqualTo((SignalState.GreenMajor, SignalState.Red)));
        Assert.That((phase2[south], phase2[west]), Is.EqualTo((SignalState.Red, SignalState.GreenMajor)));
        Assert.That(NetworkAssertions.UnsafeSignalPhases(r), Is.Empty);
    }

    [Test]
    public void Build_DividedRoadCrossing_IsOneJunctionWithOneController()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("dual-carriageway.osm")).Roads;
        var j = JunctionByNode(r, 12);

        Assert.That(j, Is.GreaterThanOrEqualTo(0));
        Assert.That(r.Junctions[j].OsmNodeCount, Is.EqualTo(2));
        Assert.That(r.Junctions[j].Kind, Is.EqualTo(JunctionKind.TrafficSignals));
        Assert.That(r.SignalPrograms.Length, Is.EqualTo(1));
        Assert.That(JunctionByNode(r, 22), Is.EqualTo(-1), "node 22 is inside junction 12");
        var northbound = EdgeOfWayAt(r, 1, j, entering: true);
        var southbound = EdgeOfWayAt(r, 2, j, entering: false);
        Assert.That(ConnectionBetween(r, northbound, southbound), Is.EqualTo(-1), "no U-turn across the divided road");
        var fromWest = EdgeBetween(r, 31, 12);
        Assert.That(ConnectionBetween(r, fromWest, southbound), Is.Not.EqualTo(-1), "right turn through the cluster");
        Assert.That(r.Connections[ConnectionBetween(r, fromWest, southbound)].Direction, Is.EqualTo(TurnDirections.Right));
        Assert.That(r.Edges[northbound].LaneCount, Is.EqualTo(2));
        Assert.That(NetworkAssertions.UnsafeSignalPhases(r), Is.Empty);
    }

    [Test]
    public void Build_StopAndGiveWaySigns_MakeSideRoadsYield()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("priority.osm")).Roads;
        var j = JunctionByNode(r, 1);
        var fromSouth = EdgeBetween(r, 4, 1);
        var fromNorth = EdgeBetween(r, 5, 1);
        var fromWest = EdgeBetween(r, 2, 1);
        var toEast = EdgeBetween(r, 1, 3);
        var toNorth = EdgeBetween(r, 1, 5);
        var toSouth = EdgeBetween(r, 1, 4);

        Assert.That(r.Junctions[j].Kind, Is.EqualTo(JunctionKind.Priority));
        Assert.That(r.Edges[fromSouth].Flags & EdgeFlags.StopAtEnd, Is.EqualTo(EdgeFlags.StopAtEnd));
        Assert.That(r.Edges[fromNorth].Flags & EdgeFlags.GiveWayAtEnd, Is.EqualTo(EdgeFlags.GiveWayAtEnd));
        var main = ConnectionBetween(r, fromWest, toEast);
        var side = ConnectionBetween(r, fromSouth, toNorth);
        Assert.That(r.Connections[main].Control, Is.EqualTo(LinkControl.Major));
        Assert.That(r.Connections[side].Control, Is.EqualTo(LinkControl.Stop));
        Assert.That(r.Connections[ConnectionBetween(r, fromNorth, toSouth)].Control, Is.EqualTo(LinkControl.Minor));
        Assert.That(ConflictOf(r, side, main)?.MustYield, Is.True);
    }

    [Test]
    public void Build_EqualSlowStreets_AreRightBeforeLeft()
    {
        var r = OsmCityImporter.Import(TestPaths.TestData("priority.osm")).Roads;
        var j = JunctionByNode(r, 10);
        var fromSouth = EdgeBetween(r, 3, 10);
        var toNorth = EdgeBetween(r, 10, 11);
        var fromWest = EdgeBetween(r, 12, 10);
        var fromEast = EdgeBetween(r, 13, 10);
        var toWest = EdgeBetween(r, 10, 12);
        var toEast = EdgeBetween(r, 10, 13);

        Assert.That(r.Junctions[j].Kind, Is.EqualTo(JunctionKind.RightBeforeLeft));
        var southNorth = ConnectionBetween(r, fromSouth, toNorth);
        Assert.That(r.Connections[southNorth].Control, Is.EqualTo(LinkControl.RightBeforeLeft));
        // Coming from the south, traffic from the east is on the right: yield to it; traffic from the west is on the left.
        Assert.That(ConflictOf(r, southNorth, ConnectionBetween(r, fromEast, toWest))?.MustYield, Is.True);
        Assert.That(ConflictOf(r, southNorth, ConnectionBetween(r, fromWest, toEast))?.MustYield, Is.False);
    }
}
