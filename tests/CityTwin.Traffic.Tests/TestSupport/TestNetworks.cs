using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>
/// Small hand-built road networks for unit tests (see <see cref="TestNetworkBuilder"/> for anything else). All roads
/// allow <see cref="TestNetworkBuilder.Motorised"/> traffic; lengths are in metres, speeds in metres per second.
/// </summary>
public static class TestNetworks
{
    /// <summary>
    /// A straight one-way road along the X axis: junctions 0..<paramref name="edgeCount"/> at x = i · length, edge i
    /// from junction i to i + 1, every lane connected to the same lane of the next edge.
    /// </summary>
    public static RoadNetwork Straight(int edgeCount = 3, double edgeLengthM = 100, int laneCount = 1, double speedLimitMps = 13.89)
    {
        var b = new TestNetworkBuilder();
        for (var i = 0; i <= edgeCount; i++)
        {
            b.AddJunction(i * edgeLengthM, 0);
        }

        for (var i = 0; i < edgeCount; i++)
        {
            b.AddEdge(i, i + 1, laneCount, speedLimitMps);
        }

        for (var i = 0; i + 1 < edgeCount; i++)
        {
            b.ConnectEdges(i, i + 1);
        }

        return b.Build();
    }

    /// <summary>
    /// A one-way ring (counter-clockwise) of <paramref name="edgeCount"/> equal edges whose lengths add up to
    /// <paramref name="circumferenceM"/> (the geometry is the chord; the length is the arc): edge i goes from junction
    /// i to junction (i + 1) mod n and connects to edge (i + 1) mod n.
    /// </summary>
    public static RoadNetwork Ring(int edgeCount = 4, double circumferenceM = 230, int laneCount = 1, double speedLimitMps = 13.89)
    {
        var b = new TestNetworkBuilder();
        var radiusM = circumferenceM / (2 * Math.PI);
        for (var i = 0; i < edgeCount; i++)
        {
            var angle = 2 * Math.PI * i / edgeCount;
            b.AddJunction(radiusM * Math.Cos(angle), radiusM * Math.Sin(angle));
        }

        for (var i = 0; i < edgeCount; i++)
        {
            b.AddEdge(i, (i + 1) % edgeCount, laneCount, speedLimitMps, lengthM: circumferenceM / edgeCount);
        }

        for (var i = 0; i < edgeCount; i++)
        {
            b.ConnectEdges(i, (i + 1) % edgeCount);
        }

        return b.Build();
    }

    /// <summary>
    /// A grid of <paramref name="columns"/> × <paramref name="rows"/> junctions, <paramref name="spacingM"/> apart
    /// (junction (c, r) has index r · columns + c and sits at x = c · spacing, y = r · spacing), with a two-way street
    /// between neighbours and every turn but the U-turn connected (<see cref="TestNetworkBuilder.ConnectAllTurns"/>).
    /// Edges are added row streets first (eastbound then westbound per block), then column streets.
    /// </summary>
    public static RoadNetwork Grid(int columns = 3, int rows = 3, double spacingM = 100, int laneCount = 1, double speedLimitMps = 13.89)
        => GridBuilder(columns, rows, spacingM, laneCount, speedLimitMps).Build();

    /// <summary>The builder behind <see cref="Grid"/>, before connections are added, so a test can change it.</summary>
    public static TestNetworkBuilder GridBuilder(int columns, int rows, double spacingM = 100, int laneCount = 1, double speedLimitMps = 13.89, bool connect = true)
    {
        var b = new TestNetworkBuilder();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                b.AddJunction(c * spacingM, r * spacingM);
            }
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c + 1 < columns; c++)
            {
                b.AddTwoWay((r * columns) + c, (r * columns) + c + 1, laneCount, speedLimitMps);
            }
        }

        for (var c = 0; c < columns; c++)
        {
            for (var r = 0; r + 1 < rows; r++)
            {
                b.AddTwoWay((r * columns) + c, ((r + 1) * columns) + c, laneCount, speedLimitMps);
            }
        }

        if (connect)
        {
            b.ConnectAllTurns();
        }

        return b;
    }

    /// <summary>Index of the edge from junction <paramref name="from"/> to junction <paramref name="to"/>, or -1.</summary>
    public static int FindEdge(RoadNetwork network, int from, int to)
    {
        foreach (var e in network.GetOutgoingEdges(from))
        {
            if (network.Edges[e].ToJunction == to)
            {
                return e;
            }
        }

        return -1;
    }
}
