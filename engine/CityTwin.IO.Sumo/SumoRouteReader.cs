using CityTwin.Ecs.Randomness;
using CityTwin.Model.Reporting;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.IO.Sumo;

/// <summary>
/// Reads SUMO demand (<c>.rou.xml[.gz]</c> and additional files holding <c>vType</c>s) against an imported network.
/// Files are read in the order given, as SUMO loads them: a type or route must be defined before it is used.
/// </summary>
public sealed partial class SumoRouteReader
{
    private static readonly HashSet<string> VehicleAttributes =
    [
        "id", "type", "route", "depart", "departLane", "departPos", "departSpeed", "arrivalPos", "from", "to", "via",
        "begin", "end", "vehsPerHour", "period", "probability", "number",
    ];

    private static readonly HashSet<string> Skipped =
        ["person", "personFlow", "container", "containerFlow", "interval", "include", "stop", "param", "tlLogic", "e1Detector",
         "inductionLoop", "busStop", "e2Detector", "e3Detector", "chargingStation", "parkingArea"];

    private readonly SumoNetwork _network;
    private readonly SeededRandom _random;
    private readonly IRouter? _viaRouter;
    private readonly SumoReport _report = new();
    private readonly List<VehicleType> _types = [VehicleType.SumoDefault with { Id = "DEFAULT_VEHTYPE" }];
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal) { ["DEFAULT_VEHTYPE"] = 0 };
    private readonly Dictionary<string, (int[] Types, double[] Weights)> _typeDistributions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]?> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int[]?[] Routes, double[] Weights)> _routeDistributions = new(StringComparer.Ordinal);
    private readonly List<TripRequest> _trips = [];
    private int _vehicles;
    private int _tripElements;
    private int _flows;
    private int _routeDefinitions;
    private int _vTypes;

    /// <summary>Creates a reader.</summary>
    /// <param name="network">The imported network (SUMO edge ids → model edges).</param>
    /// <param name="random">Draws from type and route distributions and for probability flows (deterministic per seed).</param>
    /// <param name="viaRouter">Routes trips with <c>via</c> edges at load time, leg by leg; null drops the via edges (reported).</param>
    public SumoRouteReader(SumoNetwork network, SeededRandom random, IRouter? viaRouter = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(random);
        _network = network;
        _random = random;
        _viaRouter = viaRouter;
    }

    /// <summary>Reads one file and adds its types, routes and trips.</summary>
    /// <param name="path">A .rou.xml, .rou.xml.gz or an additional file with vTypes.</param>
    /// <exception cref="SumoFormatException">Malformed XML or an undefined type/route (message names file and line).</exception>
    public void ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var xml = new SumoXml(path);
        var ctx = new Context();
        while (xml.NextElement())
        {
            Element(xml, ctx);
        }

        ctx.Flush(this, xml);
    }

    /// <summary>Reads several files in order and returns the demand.</summary>
    /// <param name="network">The imported network.</param>
    /// <param name="random">Random source for distributions and probability flows.</param>
    /// <param name="paths">Files in SUMO's loading order (additional files with vTypes first).</param>
    /// <returns>The demand.</returns>
    public static SumoDemand Read(SumoNetwork network, SeededRandom random, params string[] paths)
    {
        var reader = new SumoRouteReader(network, random);
        foreach (var p in paths)
        {
            reader.ReadFile(p);
        }

        return reader.ToDemand();
    }

    /// <summary>The demand read so far: types, and trips sorted by departure.</summary>
    /// <returns>The demand.</returns>
    public SumoDemand ToDemand() =>
        new(_types.ToArray(), _trips.Select((t, i) => (t, i)).OrderBy(x => x.t.DepartMs).ThenBy(x => x.i).Select(x => x.t).ToArray(), _report)
        {
            VehicleElements = _vehicles, TripElements = _tripElements, FlowElements = _flows, RouteDefinitions = _routeDefinitions, VTypeElements = _vTypes,
        };

    private void Element(SumoXml xml, Context ctx)
    {
        var depth = xml.Depth;
        if (ctx.SkipDepth >= 0 && depth > ctx.SkipDepth)
        {
            return;
        }

        ctx.SkipDepth = -1;
        if (ctx.Pending is not null && depth <= ctx.Pending.Depth)
        {
            Flush(ctx.Pending, xml);
            ctx.Pending = null;
        }

        if (ctx.TypeDistribution is not null && depth <= ctx.TypeDistribution.Depth)
        {
            FinishTypeDistribution(ctx.TypeDistribution);
            ctx.TypeDistribution = null;
        }

        if (ctx.RouteDistribution is not null && depth <= ctx.RouteDistribution.Depth)
        {
            FinishRouteDistribution(ctx.RouteDistribution);
            ctx.RouteDistribution = null;
        }

        var name = xml.Name;
        switch (name)
        {
            case "routes" or "additional" when depth == 0:
                break;
            case "vType":
                var type = SumoVehicleTypes.Read(xml, _report);
                _vTypes++;
                _typeIndex[type.Id] = _types.Count;
                _types.Add(type);
                ctx.TypeDistribution?.Add(_types.Count - 1, xml.Double("probability", 1));
                break;
            case "vTypeDistribution":
                ctx.TypeDistribution = StartTypeDistribution(xml);
                break;
            case "routeDistribution":
                ctx.RouteDistribution = StartRouteDistribution(xml);
                break;
            case "route":
                Route(xml, ctx);
                break;
            case "vehicle" or "trip" or "flow":
                ctx.Pending = new PendingVehicle(xml, name, depth, _report);
                break;
            case "stop" when ctx.Pending is not null:
                _report.Add("demand", "stop ignored (vehicles drive through stops)", ReportSeverity.Warning, ctx.Pending.Id);
                break;
            default:
                _report.Add("demand", Skipped.Contains(name) ? $"element not supported: <{name}>" : $"unknown element: <{name}>", ReportSeverity.Info);
                ctx.SkipDepth = depth;
                break;
        }
    }

    private void Route(SumoXml xml, Context ctx)
    {
        var id = xml.Attr("id");
        var refId = xml.Attr("refId");
        int[]? edges = refId is not null ? ResolveRoute(refId, xml) : Edges(xml.Required("edges"), id ?? ctx.Pending?.Id ?? "route", xml);
        if (ctx.RouteDistribution is not null)
        {
            ctx.RouteDistribution.Add(edges, xml.Double("probability", 1));
        }
        else if (ctx.Pending is not null && xml.Depth == ctx.Pending.Depth + 1)
        {
            ctx.Pending.Route = edges;
            ctx.Pending.HasRoute = true;
            return;
        }

        if (id is not null)
        {
            _routeDefinitions++;
            _routes[id] = edges;
        }
    }

    /// <summary>Edge indices of a space-separated list; null (reported) when an edge is not a normal edge of the network.</summary>
    private int[]? Edges(string list, string owner, SumoXml xml)
    {
        var ids = list.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            throw xml.Error($"'{owner}' has an empty edge list");
        }

        var edges = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_network.TryGetEdge(ids[i], out edges[i]))
            {
                _report.Add("demand", "route uses an edge the network lacks: vehicle dropped", ReportSeverity.Warning, ids[i]);
                return null;
            }
        }

        return edges;
    }

    private int[]? ResolveRoute(string id, SumoXml xml)
    {
        if (_routes.TryGetValue(id, out var edges))
        {
            return edges;
        }

        if (_routeDistributions.TryGetValue(id, out var dist))
        {
            return dist.Routes[Draw(dist.Weights)];
        }

        throw xml.Error($"route '{id}' is not defined (routes must be defined before use)");
    }

    private int ResolveType(string? id, SumoXml xml)
    {
        if (id is null)
        {
            return 0;
        }

        if (_typeIndex.TryGetValue(id, out var t))
        {
            return t;
        }

        if (_typeDistributions.TryGetValue(id, out var dist))
        {
            return dist.Types[Draw(dist.Weights)];
        }

        throw xml.Error($"vType '{id}' is not defined (types must be defined before use)");
    }

    private int Draw(double[] weights)
    {
        var total = weights.Sum();
        var x = _random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
