using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Tests.TestSupport;

namespace CityTwin.Traffic.Tests.Demand;

public class OdMatrixTests
{
    private const string Matrix = """
        # morning peak, two zones
        origin,destination,trips,begin_s,end_s
        west,east,12,0,600
        east,west,5,300,900

        "west",west,3,0,60
        east,east,0,0,60
        """;

    [Test]
    public void Load_ValidCsv_ReadsCellsSkippingCommentsAndBlankLines()
    {
        var matrix = OdMatrix.Load(new StringReader(Matrix), "od.csv");

        Assert.That(matrix.Cells, Has.Count.EqualTo(4));
        Assert.That(matrix.TotalTrips, Is.EqualTo(20));
        var c = matrix.Cells[1];
        Assert.That((c.Origin, c.Destination, c.Trips, c.BeginS, c.EndS, c.LineNumber), Is.EqualTo(("east", "west", 5, 300.0, 900.0, 4)));
        Assert.That(matrix.Cells[2].Origin, Is.EqualTo("west"));
    }

    [Test]
    public void Load_ColumnsInAnyOrder_ExtraColumnsIgnored()
    {
        var matrix = OdMatrix.Load(new StringReader("trips,end_s,note,begin_s,destination,origin\n7,60,\"a, b\",0,b,a\n"), "od.csv");

        Assert.That((matrix.Cells[0].Origin, matrix.Cells[0].Destination, matrix.Cells[0].Trips), Is.EqualTo(("a", "b", 7)));
    }

    [TestCase("origin,destination,trips,begin_s,end_s\na,b,abc,0,60\n", 2, "trips", "non-negative|integer")]
    [TestCase("origin,destination,trips,begin_s,end_s\na,b,1,0,60\na,b,-3,0,60\n", 3, "trips", "integer")]
    [TestCase("origin,destination,trips,begin_s,end_s\n\n# c\na,b,1,x,60\n", 4, "begin_s", "number")]
    [TestCase("origin,destination,trips,begin_s,end_s\na,b,1,100,60\n", 2, "end_s", "begin_s")]
    [TestCase("origin,destination,trips,begin_s,end_s\n,b,1,0,60\n", 2, "origin", "empty")]
    [TestCase("origin,destination,trips,begin_s\na,b,1,0\n", 1, "end_s", "missing column")]
    [TestCase("# exported\norigin,destination,trips,begin_s\na,b,1,0\n", 2, "end_s", "missing column")]
    [TestCase("origin,destination,trips,begin_s,end_s\na,b,1,0\n", 2, null, "5 fields")]
    [TestCase("origin,destination,trips,begin_s,end_s\n\"a,b,1,0,60\n", 2, null, "quote")]
    public void Load_Malformed_ErrorNamesFileLineAndField(string csv, int line, string? field, string expected)
    {
        var ex = Assert.Throws<DemandFormatException>(() => OdMatrix.Load(new StringReader(csv), "od.csv"))!;

        Assert.That(ex.FileName, Is.EqualTo("od.csv"));
        Assert.That(ex.LineNumber, Is.EqualTo(line));
        Assert.That(ex.Field, Is.EqualTo(field));
        Assert.That(ex.Message, Does.StartWith($"od.csv:{line}:"));
        Assert.That(ex.Message, Does.Match(expected.Contains('|') ? $"({expected})" : expected));
    }

    [Test]
    public void Load_EmptyFile_Throws()
    {
        Assert.That(() => OdMatrix.Load(new StringReader("# nothing\n"), "od.csv"),
            Throws.TypeOf<DemandFormatException>().With.Message.Contains("header"));
    }

    [Test]
    public void Load_File_UsesFileNameInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"od-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "origin,destination,trips,begin_s,end_s\na,b,1.5,0,60\n");
        try
        {
            Assert.That(() => OdMatrix.Load(path),
                Throws.TypeOf<DemandFormatException>().With.Message.StartsWith($"{Path.GetFileName(path)}:2: field 'trips'"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Expand_TotalsConservedPerCell_EndpointsInZones_DepartsInInterval()
    {
        var (zones, matrix) = GridDemand();

        var result = matrix.Expand(zones, new OdExpansionOptions { IdPrefix = "od" }, new SeededRandom(12));

        Assert.That(result.FailedCount, Is.Zero);
        Assert.That(result.Trips, Has.Count.EqualTo(matrix.TotalTrips));
        for (var c = 0; c < matrix.Cells.Count; c++)
        {
            var cell = matrix.Cells[c];
            var inCell = result.Trips.FindAll(t => t.Id.StartsWith($"od{c}.", StringComparison.Ordinal));
            Assert.That(inCell, Has.Count.EqualTo(cell.Trips), $"cell {c}");
            zones.TryGetZone(cell.Origin, out var o);
            zones.TryGetZone(cell.Destination, out var d);
            foreach (var t in inCell)
            {
                Assert.That(zones.GetEdges(o).Contains(t.FromEdge), Is.True);
                Assert.That(zones.GetEdges(d).Contains(t.ToEdge), Is.True);
                Assert.That(t.DepartMs, Is.InRange((long)(cell.BeginS * 1000), (long)(cell.EndS * 1000) - 1));
            }
        }

        Assert.That(result.Trips.ConvertAll(t => t.DepartMs), Is.Ordered);
    }

    [Test]
    public void Expand_SameSeed_SameTrips()
    {
        var (zones, matrix) = GridDemand();

        var a = matrix.Expand(zones, new OdExpansionOptions(), new SeededRandom(4)).Trips;
        var b = matrix.Expand(zones, new OdExpansionOptions(), new SeededRandom(4)).Trips;
        var c = matrix.Expand(zones, new OdExpansionOptions(), new SeededRandom(5)).Trips;

        Assert.That(a.ConvertAll(t => $"{t.Id}{t.DepartMs}{t.FromEdge}{t.ToEdge}"), Is.EqualTo(b.ConvertAll(t => $"{t.Id}{t.DepartMs}{t.FromEdge}{t.ToEdge}")));
        Assert.That(a.ConvertAll(t => t.DepartMs), Is.Not.EqualTo(c.ConvertAll(t => t.DepartMs)));
    }

    [Test]
    public void Expand_EvenSpacing_DepartsAtCellCentres()
    {
        var (zones, _) = GridDemand();
        var matrix = new OdMatrix([new OdCell("west", "east", 4, 100, 500)]);

        var trips = matrix.Expand(zones, new OdExpansionOptions { Spacing = DepartureSpacing.Even }, new SeededRandom(1)).Trips;

        Assert.That(trips.ConvertAll(t => t.DepartMs), Is.EqualTo(new long[] { 150_000, 250_000, 350_000, 450_000 }));
    }

    [Test]
    public void Expand_RandomSpacing_RoughlyUniform()
    {
        var (zones, _) = GridDemand();
        var matrix = new OdMatrix([new OdCell("west", "east", 4000, 0, 1000)]);

        var trips = matrix.Expand(zones, new OdExpansionOptions(), new SeededRandom(8)).Trips;
        var firstHalf = trips.FindAll(t => t.DepartMs < 500_000).Count;

        // Binomial(4000, ½): standard deviation ≈ 32, so ±150 is a 4.7-sigma band.
        Assert.That(firstHalf, Is.InRange(1850, 2150));
    }

    [Test]
    public void Expand_UnknownZone_ErrorNamesLineAndField()
    {
        var (zones, _) = GridDemand();
        var matrix = OdMatrix.Load(new StringReader("origin,destination,trips,begin_s,end_s\nwest,east,1,0,60\nwest,north,1,0,60\n"), "od.csv");

        var ex = Assert.Throws<DemandFormatException>(() => matrix.Expand(zones, new OdExpansionOptions(), new SeededRandom(1)))!;

        Assert.That((ex.LineNumber, ex.Field), Is.EqualTo((3, "destination")));
        Assert.That(ex.Message, Does.Contain("unknown zone 'north'"));
    }

    [Test]
    public void Expand_NoRoute_CountsFailuresInsteadOfDropping()
    {
        // One-way road: the downstream zone cannot reach the upstream zone.
        var network = TestNetworks.Straight(4);
        var zones = TrafficZones.FromEdges(network, [("up", [0, 1]), ("down", [2, 3])]);
        var matrix = new OdMatrix([new OdCell("up", "down", 6, 0, 60), new OdCell("down", "up", 4, 0, 60)]);

        var result = matrix.Expand(zones, new OdExpansionOptions { MaxAttempts = 10 }, new SeededRandom(1));

        Assert.That(result.Trips, Has.Count.EqualTo(6));
        Assert.That(result.FailedCount, Is.EqualTo(4));
        Assert.That(result.RejectedDraws, Is.GreaterThanOrEqualTo(40));
    }

    [Test]
    public void Expand_GivenGraph_ChecksRoutesOnIt()
    {
        var (zones, _) = GridDemand();
        var graph = RoutingGraph.Build(zones.Network, VehicleClasses.Passenger);
        zones.TryGetZone("west", out var west);
        foreach (var e in zones.GetEdges(west))
        {
            graph.SetTravelTimeS(e, double.PositiveInfinity); // the whole west zone is closed
        }

        var matrix = new OdMatrix([new OdCell("west", "east", 3, 0, 60), new OdCell("east", "east", 2, 0, 60)]);
        var result = matrix.Expand(zones, new OdExpansionOptions { MaxAttempts = 5 }, new SeededRandom(1), graph);

        Assert.That((result.Trips.Count, result.FailedCount), Is.EqualTo((2, 3)));
        Assert.That(() => matrix.Expand(zones, new OdExpansionOptions { VehicleClass = VehicleClasses.Bus }, new SeededRandom(1), graph),
            Throws.ArgumentException);
    }

    /// <summary>A 4×3 grid with a west zone (column 0 streets) and an east zone (column 3 streets).</summary>
    private static (TrafficZones Zones, OdMatrix Matrix) GridDemand()
    {
        var network = TestNetworks.Grid(4, 3, spacingM: 100);
        var west = new List<int>();
        var east = new List<int>();
        for (var e = 0; e < network.Edges.Length; e++)
        {
            var from = network.Junctions[network.Edges[e].FromJunction].Position.XM;
            var to = network.Junctions[network.Edges[e].ToJunction].Position.XM;
            if (from == 0 && to == 0)
            {
                west.Add(e);
            }
            else if (from == 300 && to == 300)
            {
                east.Add(e);
            }
        }

        var zones = TrafficZones.FromEdges(network, [("west", west.ToArray()), ("east", east.ToArray())]);
        return (zones, OdMatrix.Load(new StringReader(Matrix), "od.csv"));
    }
}
