using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using static CityTwin.IO.Osm.Tests.TestSupport.ModelQueries;

namespace CityTwin.IO.Osm.Tests.Integration;

/// <summary>Counts and hand-checked junctions of the Monaco 2016 extract (values checked against the OSM tags).</summary>
public class MonacoImportTests
{
    [Test]
    public void Import_Monaco_CountsArePlausible()
    {
        var m = ImportedCities.Monaco;

        // SOURCES.md: 1,764 drivable ways, 23,370 building ways in the extract.
        Assert.That(m.Roads.Junctions.Length, Is.InRange(1200, 3000));
        Assert.That(m.Roads.Edges.Length, Is.InRange(2500, 6000));
        Assert.That(m.Roads.Lanes.Length, Is.GreaterThanOrEqualTo(m.Roads.Edges.Length));
        Assert.That(m.Roads.TotalLengthM / 1000, Is.InRange(300, 800));
        Assert.That(m.Roads.SignalPrograms.Length, Is.InRange(5, 21), "21 traffic_signals nodes, several per junction");
        Assert.That(m.Buildings.Count, Is.InRange(22000, 23370));
        Assert.That(m.Report.NodesRead, Is.EqualTo(180118));
        Assert.That(m.Report.WaysRead, Is.EqualTo(27377));
        Assert.That(m.Report.RelationsRead, Is.EqualTo(212));
    }

    [Test]
    public void Import_Monaco_HasRoundaboutsWhereEnteringTrafficYields()
    {
        var r = ImportedCities.Monaco.Roads;
        var checkedConflicts = 0;
        for (var c = 0; c < r.Connections.Length; c++)
        {
            var conn = r.Connections[c];
            if (r.Junctions[conn.Junction].Kind != JunctionKind.Roundabout || (r.Edges[conn.FromEdge].Flags & EdgeFlags.Roundabout) != 0)
            {
                continue;
            }

            foreach (var k in r.GetConflicts(c))
            {
                if ((r.Edges[r.Connections[k.Foe].FromEdge].Flags & EdgeFlags.Roundabout) != 0)
                {
                    Assert.That(k.MustYield, Is.True, $"entering connection {c} must yield to circulating {k.Foe}");
                    checkedConflicts++;
                }
            }
        }

        Assert.That(checkedConflicts, Is.GreaterThan(20));
    }

    /// <summary>
    /// Boulevard des Moulins × Rue des Iris (node 21915639, highway=traffic_signals): the boulevard (way 157719652 /
    /// 166009791, primary, two-way, lanes=2, maxspeed=50) runs through; Rue des Iris (way 157719664, primary,
    /// oneway=yes, lanes=2) ends here, so it only enters.
    /// </summary>
    [Test]
    public void Import_BoulevardDesMoulinsAtRueDesIris_IsASignalisedTJunction()
    {
        var r = ImportedCities.Monaco.Roads;
        var j = JunctionByNode(r, 21915639);

        Assert.That(j, Is.GreaterThanOrEqualTo(0));
        Assert.That(r.Junctions[j].Kind, Is.EqualTo(JunctionKind.TrafficSignals));
        var iris = EdgeOfWayAt(r, 157719664, j, entering: true);
        Assert.That(iris, Is.GreaterThanOrEqualTo(0));
        Assert.That(EdgeOfWayAt(r, 157719664, j, entering: false), Is.EqualTo(-1), "Rue des Iris is one-way into the junction");
        Assert.That(r.Edges[iris].LaneCount, Is.EqualTo(2));
        var boulevardIn = EdgeOfWayAt(r, 157719652, j, entering: true);
        Assert.That(r.Edges[boulevardIn].LaneCount, Is.EqualTo(1), "lanes=2 on a two-way road: one each way");
        Assert.That(r.Edges[boulevardIn].SpeedLimitMps * 3.6, Is.EqualTo(50).Within(1e-3));
        Assert.That(r.GetIncomingEdges(j).Length, Is.EqualTo(3));
        Assert.That(r.GetOutgoingEdges(j).Length, Is.EqualTo(2));

        var program = r.SignalPrograms[r.Junctions[j].SignalProgram];
        Assert.That(program.PhaseCount, Is.EqualTo(4));
        Assert.That(program.CycleS, Is.EqualTo(90));
        var p = r.Junctions[j].SignalProgram;
        // Both boulevard directions are green together; Rue des Iris is green in the other phase.
        var irisLink = r.Connections[r.Lanes[r.Edges[iris].FirstLane].FirstConnection].SignalLink;
        var boulevardLink = r.Connections[r.Lanes[r.Edges[boulevardIn].FirstLane].FirstConnection].SignalLink;
        var greenPhaseOfIris = -1;
        var greenPhaseOfBoulevard = -1;
        for (var k = 0; k < program.PhaseCount; k++)
        {
            var states = r.GetPhaseStates(p, k);
            if (states[irisLink] is SignalState.GreenMajor or SignalState.GreenMinor)
            {
                greenPhaseOfIris = k;
            }

            if (states[boulevardLink] is SignalState.GreenMajor or SignalState.GreenMinor)
            {
                greenPhaseOfBoulevard = k;
            }
        }

        Assert.That(greenPhaseOfIris, Is.Not.EqualTo(greenPhaseOfBoulevard));
        Assert.That(r.SignalPhases[program.FirstPhase + greenPhaseOfIris + 1].DurationS, Is.EqualTo(4), "yellow after green, 50 km/h");
    }

    /// <summary>
    /// Boulevard Princesse Charlotte (way 157719650, primary, oneway, lanes=2) passes node 258071979
    /// (highway=traffic_signals) where Rue des Iris (way 39838265, primary, oneway, lanes=2) joins it: two streams
    /// merging under one signal, so one of them must yield where they meet.
    /// </summary>
    [Test]
    public void Import_RueDesIrisJoiningPrincesseCharlotte_MergesWithOneSideYielding()
    {
        var r = ImportedCities.Monaco.Roads;
        var j = JunctionByNode(r, 258071979);

        Assert.That(r.Junctions[j].Kind, Is.EqualTo(JunctionKind.TrafficSignals));
        var iris = EdgeOfWayAt(r, 39838265, j, entering: true);
        var charlotteIn = EdgeOfWayAt(r, 157719650, j, entering: true);
        var charlotteOut = EdgeOfWayAt(r, 157719650, j, entering: false);
        Assert.That(new[] { iris, charlotteIn, charlotteOut }, Has.None.EqualTo(-1));
        Assert.That(r.Edges[charlotteOut].LaneCount, Is.EqualTo(2));
        var merges = 0;
        for (var c = 0; c < r.Connections.Length; c++)
        {
            if (r.Connections[c].FromEdge != iris)
            {
                continue;
            }

            Assert.That(r.Connections[c].ToEdge, Is.EqualTo(charlotteOut));
            foreach (var k in r.GetConflicts(c))
            {
                if (k.Kind == ConflictKind.Merging && r.Connections[k.Foe].FromEdge == charlotteIn)
                {
                    merges++;
                }
            }
        }

        Assert.That(merges, Is.GreaterThan(0));
    }
}
