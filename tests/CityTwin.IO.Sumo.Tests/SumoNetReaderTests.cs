using CityTwin.Model.Roads;

namespace CityTwin.IO.Sumo.Tests;

public sealed class SumoNetReaderTests
{
    private static readonly string[] Nets =
        ["bologna-acosta/acosta_buslanes.net.xml", "bologna-joined/joined_buslanes.net.xml", "monaco-generated/monaco.net.xml.gz"];

    [TestCaseSource(nameof(Nets))]
    public void Counts_match_the_xml(string relative)
    {
        var path = SharedData.SumoFile(relative);
        var expected = NetCounts.Of(path);
        var net = SumoNetReader.Read(path);
        var roads = net.Model.Roads;
        Assert.Multiple(() =>
        {
            Assert.That(roads.Edges.Length, Is.EqualTo(expected.NormalEdges), "normal edges");
            Assert.That(roads.Lanes.Length, Is.EqualTo(expected.NormalLanes), "lanes of normal edges");
            Assert.That(roads.Connections.Length, Is.EqualTo(expected.Connections), "connections between normal edges");
            Assert.That(roads.SignalPrograms.Length, Is.EqualTo(expected.TlLogics), "tlLogic programs");
            Assert.That(net.Report.CountOf("roads", "connection's internal lane not listed by its junction: no right of way"), Is.Zero,
                "every link finds its request row, also across internal junctions");
            Assert.That(net.Report.CountOf("roads", "connection has no request row at its junction: no right of way"), Is.Zero);
        });
    }

    [TestCaseSource(nameof(Nets))]
    public void Connections_lanes_and_signal_links_are_consistent(string relative)
    {
        var net = SumoNetReader.Read(SharedData.SumoFile(relative));
        var roads = net.Model.Roads;
        for (var c = 0; c < roads.Connections.Length; c++)
        {
            var con = roads.Connections[c];
            Assert.That(roads.Lanes[con.FromLane].Edge, Is.EqualTo(con.FromEdge));
            Assert.That(roads.Lanes[con.ToLane].Edge, Is.EqualTo(con.ToEdge));
            Assert.That(roads.Edges[con.FromEdge].ToJunction, Is.EqualTo(roads.Edges[con.ToEdge].FromJunction), $"connection {c} joins its edges");
            if (con.Control == LinkControl.Signal)
            {
                var program = roads.Junctions[con.Junction].SignalProgram;
                Assert.That(program, Is.GreaterThanOrEqualTo(0));
                Assert.That(con.SignalLink, Is.LessThan(roads.SignalPrograms[program].LinkCount));
            }

            foreach (var f in roads.GetConflicts(c))
            {
                Assert.That(roads.Connections[f.Foe].Junction, Is.EqualTo(con.Junction), "foes share the junction");
                var back = roads.GetConflicts(f.Foe).ToArray().Count(b => b.Foe == c);
                Assert.That(back, Is.EqualTo(1), "each conflict appears on both sides");
            }
        }

        Assert.That(roads.Conflicts.Length, Is.GreaterThan(0));
        Assert.That(roads.Connections.ToArray().Count(c => c.Control == LinkControl.Signal), Is.GreaterThan(0));
    }

    [Test]
    public void Connection_paths_are_their_internal_lanes_length_and_lowest_speed_across_internal_junctions_too()
    {
        // Expected from the XML directly: a connection's via lane, plus the internal lanes continuing it (internal
        // connections from an internal lane with a via of their own).
        var path = SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml");
        var doc = System.Xml.Linq.XDocument.Load(path).Root!;
        var internalLanes = doc.Elements("edge").Where(e => (string?)e.Attribute("function") == "internal").SelectMany(e => e.Elements("lane")).ToList();
        var internalLength = internalLanes.ToDictionary(l => (string)l.Attribute("id")!, l => (double)l.Attribute("length")!);
        var internalSpeed = internalLanes.ToDictionary(l => (string)l.Attribute("id")!, l => (double)l.Attribute("speed")!);
        var continuation = doc.Elements("connection").Where(c => ((string)c.Attribute("from")!).StartsWith(':') && c.Attribute("via") is not null)
            .ToDictionary(c => $"{(string)c.Attribute("from")!}_{(string)c.Attribute("fromLane")!}", c => (string)c.Attribute("via")!);
        var expected = new Dictionary<string, (double LengthM, double SpeedMps)>();
        foreach (var c in doc.Elements("connection").Where(c => !((string)c.Attribute("from")!).StartsWith(':')))
        {
            var (length, speed) = (0.0, double.PositiveInfinity);
            for (var lane = (string?)c.Attribute("via"); lane is not null; lane = continuation.GetValueOrDefault(lane))
            {
                length += internalLength[lane];
                speed = Math.Min(speed, internalSpeed[lane]);
            }

            expected[$"{c.Attribute("from")!.Value}_{c.Attribute("fromLane")!.Value}>{c.Attribute("to")!.Value}_{c.Attribute("toLane")!.Value}"] =
                (length, double.IsPositiveInfinity(speed) ? 0 : speed);
        }

        var net = SumoNetReader.Read(path);
        var roads = net.Model.Roads;
        Assert.That(continuation, Is.Not.Empty, "the net has links across internal junctions");
        foreach (var con in roads.Connections)
        {
            var key = $"{net.EdgeIds[con.FromEdge]}_{con.FromLane - roads.Edges[con.FromEdge].FirstLane}>" +
                      $"{net.EdgeIds[con.ToEdge]}_{con.ToLane - roads.Edges[con.ToEdge].FirstLane}";
            Assert.That(con.LengthM, Is.EqualTo(expected[key].LengthM).Within(1e-3), key);
            Assert.That(con.SpeedMps, Is.EqualTo(expected[key].SpeedMps).Within(1e-3), key);
        }

        Assert.That(roads.Connections.ToArray().Average(c => c.LengthM), Is.GreaterThan(5), "junctions are metres across");
        Assert.That(roads.Connections.ToArray().Count(c => c.SpeedMps > 0 && c.SpeedMps < 8), Is.GreaterThan(10), "turns are slower");
    }

    [TestCaseSource(nameof(Nets))]
    public void Signal_programs_have_one_state_per_link_and_the_file_durations(string relative)
    {
        var path = SharedData.SumoFile(relative);
        var expected = NetCounts.Of(path);
        var net = SumoNetReader.Read(path);
        var roads = net.Model.Roads;
        for (var p = 0; p < roads.SignalPrograms.Length; p++)
        {
            var program = roads.SignalPrograms[p];
            var durations = expected.PhaseDurations[net.TrafficLightIds[p]];
            Assert.That(program.PhaseCount, Is.EqualTo(durations.Count));
            for (var k = 0; k < program.PhaseCount; k++)
            {
                Assert.That(roads.GetPhaseStates(p, k).Length, Is.EqualTo(program.LinkCount));
                Assert.That(roads.SignalPhases[program.FirstPhase + k].DurationS, Is.EqualTo(Math.Max(1, Math.Round(durations[k]))));
            }

            Assert.That(net.SignalPlans[p].LinkCount, Is.EqualTo(program.LinkCount));
        }
    }

    [Test]
    public void KeepClear_zero_lets_vehicles_block_the_junction_on_exactly_those_connections()
    {
        // Expected from the XML: the normal-lane connections with keepClear="0" (acosta has six, at junction 23).
        var path = SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml");
        var expected = System.Xml.Linq.XDocument.Load(path).Root!.Elements("connection")
            .Where(c => !((string)c.Attribute("from")!).StartsWith(':') && (string?)c.Attribute("keepClear") == "0")
            .Select(c => $"{c.Attribute("from")!.Value}_{c.Attribute("fromLane")!.Value}>{c.Attribute("to")!.Value}_{c.Attribute("toLane")!.Value}")
            .Order(StringComparer.Ordinal).ToList();
        var net = SumoNetReader.Read(path);
        var roads = net.Model.Roads;
        var mayBlock = roads.Connections.ToArray().Where(c => c.MayBlock)
            .Select(c => $"{net.EdgeIds[c.FromEdge]}_{c.FromLane - roads.Edges[c.FromEdge].FirstLane}>" +
                         $"{net.EdgeIds[c.ToEdge]}_{c.ToLane - roads.Edges[c.ToEdge].FirstLane}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.That(expected, Has.Count.EqualTo(6));
        Assert.That(mayBlock, Is.EqualTo(expected));
    }

    [Test]
    public void A_keepClear_that_is_not_a_boolean_is_an_error_with_file_and_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ct-keepclear-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "bad.net.xml");
            var lines = File.ReadAllLines(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
            var line = Array.FindIndex(lines, l => l.Contains("keepClear=\"0\"", StringComparison.Ordinal));
            lines[line] = lines[line].Replace("keepClear=\"0\"", "keepClear=\"sometimes\"", StringComparison.Ordinal);
            File.WriteAllLines(file, lines);
            var ex = Assert.Throws<SumoFormatException>(() => SumoNetReader.Read(file))!;
            Assert.That(ex.Message, Does.Contain("keepClear").And.Contain("sometimes").And.Contain("bad.net.xml"));
            Assert.That(ex.Message, Does.Contain($"{line + 1}"), "the line of the connection");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Acosta_right_of_way_follows_the_request_matrix()
    {
        // Junction "1": link 3 (left turn 1_0 -> 204a[0]) has response 00111 and yields to links 0..2 (through from 201c).
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var roads = net.Model.Roads;
        Assert.That(net.TryGetLane("1_0", out var lane), Is.True);
        Assert.That(net.TryGetEdge("201c", out var through), Is.True);
        var left = roads.GetConnections(lane).ToArray().Single();
        var index = roads.Lanes[lane].FirstConnection;
        Assert.That(left.Direction, Is.EqualTo(TurnDirections.Left));
        Assert.That(left.SignalLink, Is.EqualTo(3));
        var foes = roads.GetConflicts(index).ToArray();
        Assert.That(foes.Where(f => roads.Connections[f.Foe].FromEdge == through).All(f => f.MustYield), Is.True);
        Assert.That(foes.Count(f => roads.Connections[f.Foe].FromEdge == through), Is.EqualTo(3));
        Assert.That(roads.Junctions[left.Junction].Kind, Is.EqualTo(JunctionKind.TrafficSignals));
    }

    [Test]
    public void Rail_signals_become_block_signals_and_rail_lanes_take_trains()
    {
        // Wildau: five rail_signal junctions (SUMO builds their logic itself, so the net has no tlLogic for them) and tracks
        // whose lanes allow "rail rail_electric rail_fast" or "rail_urban rail".
        var net = SumoNetReader.Read(SharedData.SumoFile("../counts/wildau/Netzmodell2.net.xml.gz"));
        var roads = net.Model.Roads;
        var railSignals = roads.Connections.ToArray().Where(c => c.Control == LinkControl.RailSignal).ToList();
        Assert.That(net.TryGetEdge("6074658#1", out var track), Is.True);
        Assert.That(net.TryGetEdge("131942152", out var road), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(railSignals, Has.Count.EqualTo(5), "one link through each of the five rail signals");
            Assert.That(railSignals.All(c => c.SignalLink == -1), Is.True);
            Assert.That(roads.LaneAllows(roads.Edges[track].FirstLane, VehicleClasses.Rail), Is.True);
            Assert.That(roads.LaneAllows(roads.Edges[track].FirstLane, VehicleClasses.Passenger), Is.False);
            Assert.That(roads.LaneAllows(roads.Edges[road].FirstLane + 1, VehicleClasses.Rail), Is.False, "the carriageway disallows rail");
            Assert.That(LevelCrossingYield(net, ("111677668#0", "111677668#3"), ("153134060#0", "153134060#1")), Is.EqualTo((true, false)),
                "the road gives way to the train at the level crossing (SUMO's static matrix says the opposite there)");
            Assert.That(LevelCrossingYield(net, ("-111677668#3", "-111677668#0"), ("6074658#2", "6074658#3")), Is.EqualTo((true, false)));
            Assert.That(ControlOf(net, ("111677668#0", "111677668#3")), Is.EqualTo(LinkControl.RailCrossing), "the road's link has barriers");
            Assert.That(ControlOf(net, ("153134060#0", "153134060#1")), Is.EqualTo(LinkControl.Major), "the track's link is a priority link");
            Assert.That(SumoMappings.Permissions("tram", null), Is.EqualTo(VehicleClasses.Tram));
            Assert.That(SumoMappings.Permissions(null, "rail rail_urban rail_electric rail_fast tram") & (VehicleClasses.Rail | VehicleClasses.Tram),
                Is.EqualTo(VehicleClasses.None));
        });
    }

    /// <summary>How the link between two edges is controlled.</summary>
    private static LinkControl ControlOf(SumoNetwork net, (string From, string To) link)
    {
        Assert.That(net.TryGetEdge(link.From, out var from), Is.True, link.From);
        Assert.That(net.TryGetEdge(link.To, out var to), Is.True, link.To);
        return net.Model.Roads.Connections.ToArray().Single(c => c.FromEdge == from && c.ToEdge == to).Control;
    }

    /// <summary>Whether the road link yields to the rail link, and the rail link to the road link.</summary>
    private static (bool RoadYields, bool RailYields) LevelCrossingYield(SumoNetwork net, (string From, string To) road, (string From, string To) rail)
    {
        var roads = net.Model.Roads;
        int Find((string From, string To) link)
        {
            Assert.That(net.TryGetEdge(link.From, out var from), Is.True, link.From);
            Assert.That(net.TryGetEdge(link.To, out var to), Is.True, link.To);
            return roads.Connections.ToArray().Select((c, i) => (c, i)).Single(x => x.c.FromEdge == from && x.c.ToEdge == to).i;
        }

        var a = Find(road);
        var b = Find(rail);
        return (roads.GetConflicts(a).ToArray().Single(c => c.Foe == b).MustYield, roads.GetConflicts(b).ToArray().Single(c => c.Foe == a).MustYield);
    }

    [Test]
    public void Geo_referenced_net_gets_a_projection_at_its_centre()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("monaco-generated/monaco.net.xml.gz"));
        var projection = net.Model.Projection;
        Assert.That(projection.CentreLonDeg, Is.InRange(7.349, 7.491));
        Assert.That(projection.CentreLatDeg, Is.InRange(43.715, 43.770));
    }

    [Test]
    public void Unsupported_elements_are_reported_by_name_and_count()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        Assert.That(net.Report.CountOf("input", "element not supported: <prohibition>"), Is.EqualTo(6));
        Assert.That(net.Model.Report.Entries.Any(e => e.Reason.Contains("<prohibition>", StringComparison.Ordinal)), Is.True);
    }
}
