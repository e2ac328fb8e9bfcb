using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Demand;

/// <summary>
/// Traffic analysis zones (SUMO's TAZ): each zone is a named set of edges where its trips start and end.
/// </summary>
/// <remarks>
/// <para>Zones CSV (header row, one of three forms, decided by the second column's name):</para>
/// <list type="bullet">
/// <item><c>zone,edge_index</c> — one edge of the network per row;</item>
/// <item><c>zone,osm_way_id</c> — every edge made from that OSM way (both directions);</item>
/// <item><c>zone,wkt</c> — a <c>POLYGON((lon lat, …), (hole…))</c> in WGS 84 (quote it: it contains commas); the
/// zone gets every edge whose midpoint (between its geometry's first and last points) lies inside, after projecting
/// with the model's projection.</item>
/// </list>
/// <para>A zone may span several rows. Edges are kept sorted and without duplicates; zones keep the order in which
/// they first appear. Blank lines and lines starting with <c>#</c> are skipped.</para>
/// </remarks>
public sealed class TrafficZones
{
    private readonly string[] _names;
    private readonly int[][] _edges;
    private readonly Dictionary<string, int> _index;

    private TrafficZones(RoadNetwork network, string[] names, int[][] edges)
    {
        Network = network;
        _names = names;
        _edges = edges;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _index.Add(names[i], i);
        }
    }

    /// <summary>The network the edges belong to.</summary>
    public RoadNetwork Network { get; }

    /// <summary>Number of zones.</summary>
    public int Count => _names.Length;

    /// <summary>Zone names, in order of first appearance.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Edges of a zone, ascending.</summary>
    /// <param name="zone">Zone index.</param>
    /// <returns>Edge indices.</returns>
    public ReadOnlySpan<int> GetEdges(int zone) => _edges[zone];

    /// <summary>Finds a zone by name (case-sensitive).</summary>
    /// <param name="name">Zone name.</param>
    /// <param name="zone">Its index.</param>
    /// <returns>False when there is no such zone.</returns>
    public bool TryGetZone(string name, out int zone) => _index.TryGetValue(name, out zone);

    /// <summary>Zones from code.</summary>
    /// <param name="network">The network.</param>
    /// <param name="zones">Zone names and their edges.</param>
    /// <returns>The zones.</returns>
    /// <exception cref="ArgumentException">An empty or repeated zone, or an edge outside the network.</exception>
    public static TrafficZones FromEdges(RoadNetwork network, IEnumerable<(string Zone, int[] Edges)> zones)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(zones);
        var names = new List<string>();
        var edges = new List<int[]>();
        foreach (var (zone, list) in zones)
        {
            ArgumentException.ThrowIfNullOrEmpty(zone);
            if (names.Contains(zone) || list.Length == 0)
            {
                throw new ArgumentException($"Zone '{zone}' is repeated or has no edge.", nameof(zones));
            }

            foreach (var e in list)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)e, (uint)network.Edges.Length, nameof(zones));
            }

            names.Add(zone);
            edges.Add(SortedUnique(list));
        }

        return new TrafficZones(network, names.ToArray(), edges.ToArray());
    }

    /// <summary>Reads a zones CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="network">The network the zones refer to.</param>
    /// <param name="projection">The model's projection (<c>CityModel.Projection</c>); needed only for <c>wkt</c>.</param>
    /// <returns>The zones.</returns>
    /// <exception cref="DemandFormatException">Malformed content; the message names file, line and field.</exception>
    public static TrafficZones Load(string path, RoadNetwork network, LocalTransverseMercator? projection = null)
    {
        using var reader = new StreamReader(path);
        return Load(reader, Path.GetFileName(path), network, projection);
    }

    /// <summary>Reads zones CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">Name used in error messages (usually the file name).</param>
    /// <param name="network">The network the zones refer to.</param>
    /// <param name="projection">The model's projection; needed only for <c>wkt</c>.</param>
    /// <returns>The zones.</returns>
    /// <exception cref="DemandFormatException">Malformed content; the message names source, line and field.</exception>
    public static TrafficZones Load(TextReader reader, string source, RoadNetwork network, LocalTransverseMercator? projection = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(network);
        var table = CsvTable.Open(reader, source);
        table.Require("zone");
        var kind = table.HasColumn("edge_index") ? "edge_index" : table.HasColumn("osm_way_id") ? "osm_way_id" : table.HasColumn("wkt") ? "wkt" : null;
        if (kind is null)
        {
            throw new DemandFormatException(source, table.HeaderLine, null, "expected a header 'zone,edge_index', 'zone,osm_way_id' or 'zone,wkt'.");
        }

        if (kind == "wkt" && projection is null)
        {
            throw new ArgumentException("Zones given as WKT polygons need the model's projection.", nameof(projection));
        }

        var edgesByWay = kind == "osm_way_id" ? IndexWays(network) : null;
        var names = new List<string>();
        var lists = new List<List<int>>();
        while (table.ReadRow())
        {
            var zone = table.Text("zone");
            var z = names.IndexOf(zone);
            if (z < 0)
            {
                z = names.Count;
                names.Add(zone);
                lists.Add([]);
            }

            var list = lists[z];
            switch (kind)
            {
                case "edge_index":
                    var edge = table.Long("edge_index", 0);
                    if (edge >= network.Edges.Length)
                    {
                        throw table.Error("edge_index", $"expected an edge index below {network.Edges.Length}, found {edge}.");
                    }

                    list.Add((int)edge);
                    break;
                case "osm_way_id":
                    var way = table.Long("osm_way_id");
                    if (!edgesByWay!.TryGetValue(way, out var wayEdges))
                    {
                        throw table.Error("osm_way_id", $"no edge of the network comes from OSM way {way}.");
                    }

                    list.AddRange(wayEdges);
                    break;
                default:
                    var rings = WktPolygon.Parse(table, "wkt", projection!);
                    AddEdgesInside(network, rings, list);
                    if (list.Count == 0)
                    {
                        throw table.Error("wkt", "the polygon contains no edge midpoint (coordinates must be 'lon lat').");
                    }

                    break;
            }
        }

        if (names.Count == 0)
        {
            throw new DemandFormatException(source, table.LineNumber, null, "no zone defined; expected at least one row.");
        }

        var edges = new int[names.Count][];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = SortedUnique(lists[i].ToArray());
        }

        return new TrafficZones(network, names.ToArray(), edges);
    }

    private static Dictionary<long, List<int>> IndexWays(RoadNetwork network)
    {
        var byWay = new Dictionary<long, List<int>>();
        for (var e = 0; e < network.Edges.Length; e++)
        {
            var way = network.Edges[e].OsmWayId;
            if (!byWay.TryGetValue(way, out var list))
            {
                byWay.Add(way, list = []);
            }

            list.Add(e);
        }

        return byWay;
    }

    private static void AddEdgesInside(RoadNetwork network, List<PointM[]> rings, List<int> edges)
    {
        for (var e = 0; e < network.Edges.Length; e++)
        {
            var g = network.GetGeometry(e);
            var mid = new PointM((g[0].XM + g[^1].XM) / 2, (g[0].YM + g[^1].YM) / 2);
            // Even-odd rule over all rings: inside the outer ring and outside every hole.
            var inside = false;
            foreach (var ring in rings)
            {
                inside ^= WktPolygon.Contains(ring, mid);
            }

            if (inside)
            {
                edges.Add(e);
            }
        }
    }

    private static int[] SortedUnique(int[] edges)
    {
        var sorted = (int[])edges.Clone();
        Array.Sort(sorted);
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (n == 0 || sorted[n - 1] != sorted[i])
            {
                sorted[n++] = sorted[i];
            }
        }

        return sorted[..n];
    }
}
