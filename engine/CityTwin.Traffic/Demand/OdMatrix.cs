using System.Globalization;
using CityTwin.Ecs.Randomness;
using CityTwin.Traffic.Routing;

namespace CityTwin.Traffic.Demand;

/// <summary>
/// An origin–destination matrix between <see cref="TrafficZones"/>: cells of (origin zone, destination zone, trips,
/// interval), read from CSV or built in code, expanded into <see cref="TripRequest"/>s (like SUMO's od2trips).
/// </summary>
/// <remarks>
/// <para>
/// CSV format: a header row <c>origin,destination,trips,begin_s,end_s</c> (any column order; other columns are
/// ignored), then one cell per row: zone names, a non-negative integer trip count and the interval in seconds with
/// 0 ≤ begin_s ≤ end_s. Blank lines and lines starting with <c>#</c> are skipped. A field may be double-quoted.
/// </para>
/// <para>
/// Expansion: every cell yields exactly its trip count (failed ones are counted, never dropped silently). Departure
/// times follow <see cref="OdExpansionOptions.Spacing"/>; origin and destination edges are drawn within the zones with
/// probability proportional to <c>LengthM × LaneCount</c> among the edges the vehicle class may use, must differ and
/// must be connected by a route (checked with an <see cref="AStarRouter"/> on free-flow travel times), with up to
/// <see cref="OdExpansionOptions.MaxAttempts"/> draws per trip.
/// </para>
/// </remarks>
public sealed class OdMatrix
{
    private const string OriginColumn = "origin";
    private const string DestinationColumn = "destination";
    private const string TripsColumn = "trips";
    private const string BeginColumn = "begin_s";
    private const string EndColumn = "end_s";
    private readonly OdCell[] _cells;

    /// <summary>Creates a matrix from cells.</summary>
    /// <param name="cells">The cells.</param>
    /// <param name="source">Name used in error messages (the file name when read from a file).</param>
    public OdMatrix(IEnumerable<OdCell> cells, string source = "code")
    {
        ArgumentNullException.ThrowIfNull(cells);
        _cells = cells.ToArray();
        Source = source;
        foreach (var c in _cells)
        {
            TotalTrips += c.Trips;
        }
    }

    /// <summary>Where the cells came from (file name, or "code").</summary>
    public string Source { get; }

    /// <summary>The cells, in file order.</summary>
    public IReadOnlyList<OdCell> Cells => _cells;

    /// <summary>Sum of all cells' trips.</summary>
    public long TotalTrips { get; }

    /// <summary>Reads a matrix from a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="DemandFormatException">Malformed content; the message names file, line and field.</exception>
    public static OdMatrix Load(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a matrix from CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">Name used in error messages (usually the file name).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="DemandFormatException">Malformed content; the message names source, line and field.</exception>
    public static OdMatrix Load(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = CsvTable.Open(reader, source);
        table.Require(OriginColumn, DestinationColumn, TripsColumn, BeginColumn, EndColumn);
        var cells = new List<OdCell>();
        while (table.ReadRow())
        {
            var origin = table.Text(OriginColumn);
            var destination = table.Text(DestinationColumn);
            var trips = table.Long(TripsColumn, 0);
            if (trips > int.MaxValue)
            {
                throw table.Error(TripsColumn, $"expected at most {int.MaxValue} trips, found {trips}.");
            }

            var beginS = table.Double(BeginColumn, 0);
            var endS = table.Double(EndColumn, 0);
            if (endS < beginS)
            {
                throw table.Error(EndColumn, $"expected a time ≥ begin_s ({beginS.ToString(CultureInfo.InvariantCulture)}), found {endS.ToString(CultureInfo.InvariantCulture)}.");
            }

            cells.Add(new OdCell(origin, destination, (int)trips, beginS, endS, table.LineNumber));
        }

        return new OdMatrix(cells, source);
    }

    /// <summary>Expands the matrix into trips.</summary>
    /// <param name="zones">The zones the cells name.</param>
    /// <param name="options">Options.</param>
    /// <param name="random">The random stream to draw from (the caller owns the seed).</param>
    /// <param name="graph">
    /// Graph to check routes on (e.g. with closed edges); null builds a free-flow one for
    /// <see cref="OdExpansionOptions.VehicleClass"/>. Its class must be that class.
    /// </param>
    /// <returns>Trips sorted by departure (ties in cell order), and how many could not be placed.</returns>
    /// <exception cref="DemandFormatException">A cell names a zone that <paramref name="zones"/> does not define.</exception>
    /// <exception cref="InvalidOperationException">A zone has no edge the vehicle class may use.</exception>
    public TripGenerationResult Expand(TrafficZones zones, OdExpansionOptions options, SeededRandom random, RoutingGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        if (graph is not null && (graph.Network != zones.Network || graph.VehicleClass != options.VehicleClass))
        {
            throw new ArgumentException("The routing graph must be built on the zones' network for the options' vehicle class.", nameof(graph));
        }

        graph ??= RoutingGraph.Build(zones.Network, options.VehicleClass);
        var router = new AStarRouter(graph);
        var samplers = new EdgeSampler?[zones.Count];
        var trips = new List<TripRequest>(checked((int)TotalTrips));
        var route = new List<int>();
        int failed = 0, rejected = 0;
        for (var c = 0; c < _cells.Length; c++)
        {
            var cell = _cells[c];
            var origin = SamplerFor(zones, ZoneIndex(zones, cell, OriginColumn, cell.Origin), graph, samplers);
            var destination = SamplerFor(zones, ZoneIndex(zones, cell, DestinationColumn, cell.Destination), graph, samplers);
            var spanS = cell.EndS - cell.BeginS;
            for (var k = 0; k < cell.Trips; k++)
            {
                var departS = options.Spacing == DepartureSpacing.Even
                    ? cell.BeginS + ((k + 0.5) * spanS / cell.Trips)
                    : cell.BeginS + (random.NextDouble() * spanS);
                // Floor keeps a departure drawn just below end_s inside the interval once in milliseconds.
                var departMs = (long)Math.Floor(departS * 1000);
                var placed = false;
                for (var attempt = 0; attempt < options.MaxAttempts && !placed; attempt++)
                {
                    var from = origin.Next(random);
                    var to = destination.Next(random);
                    placed = from != to && router.TryRoute(from, to, route);
                    if (!placed)
                    {
                        rejected++;
                        continue;
                    }

                    trips.Add(new TripRequest(string.Create(CultureInfo.InvariantCulture, $"{options.IdPrefix}{c}.{k}"), departMs, from, to)
                    {
                        Edges = options.IncludeRoutes ? route.ToArray() : null,
                        VehicleType = options.VehicleType,
                        DepartLane = options.DepartLane,
                        DepartPos = options.DepartPos,
                        DepartSpeed = options.DepartSpeed,
                    });
                }

                if (!placed)
                {
                    failed++;
                }
            }
        }

        TripRequests.SortByDepart(trips);
        return new TripGenerationResult(trips, failed, rejected);
    }

    private int ZoneIndex(TrafficZones zones, OdCell cell, string column, string zone)
    {
        if (!zones.TryGetZone(zone, out var index))
        {
            throw new DemandFormatException(Source, cell.LineNumber, column,
                $"unknown zone '{zone}'; expected one of the {zones.Count} zones defined ({string.Join(", ", zones.Names.Take(10))}{(zones.Count > 10 ? ", …" : "")}).");
        }

        return index;
    }

    private static EdgeSampler SamplerFor(TrafficZones zones, int zone, RoutingGraph graph, EdgeSampler?[] samplers)
    {
        if (samplers[zone] is { } existing)
        {
            return existing;
        }

        var edges = new List<int>();
        var weights = new List<double>();
        var network = zones.Network.Edges;
        foreach (var e in zones.GetEdges(zone))
        {
            var weight = network[e].LengthM * network[e].LaneCount;
            if (graph.IsAllowed(e) && weight > 0)
            {
                edges.Add(e);
                weights.Add(weight);
            }
        }

        if (edges.Count == 0)
        {
            throw new InvalidOperationException($"Zone '{zones.Names[zone]}' has no edge that {graph.VehicleClass} may use.");
        }

        return samplers[zone] = new EdgeSampler(edges, weights);
    }
}
