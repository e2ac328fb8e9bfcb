using System.Globalization;
using CityTwin.Model.Reporting;
using CityTwin.Traffic.Demand;

namespace CityTwin.IO.Sumo;

/// <summary>Vehicles, trips, flows and distributions.</summary>
public sealed partial class SumoRouteReader
{
    /// <summary>SUMO's default flow end when neither <c>end</c> nor a <c>number</c> bounds it: 24 h.</summary>
    private const double DefaultFlowEndS = 86_400;

    private void Flush(PendingVehicle v, SumoXml xml)
    {
        switch (v.Kind)
        {
            case "vehicle":
                _vehicles++;
                break;
            case "trip":
                _tripElements++;
                break;
            default:
                _flows++;
                break;
        }

        var departures = v.Kind == "flow" ? FlowDepartures(v, xml) : Departure(v, xml);
        var i = 0;
        foreach (var departS in departures)
        {
            var id = v.Kind == "flow" ? FormattableString.Invariant($"{v.Id}.{i++}") : v.Id;
            var trip = Trip(v, id, departS, xml);
            if (trip is not null)
            {
                _trips.Add(trip);
            }
        }
    }

    private IEnumerable<double> Departure(PendingVehicle v, SumoXml xml)
    {
        var text = v.Get("depart") ?? throw new SumoFormatException(xml.Path, v.Line, $"{v.Kind} '{v.Id}' has no depart");
        if (text == "begin")
        {
            return [0.0];
        }

        if (SumoXml.TryParseTime(text, out var s))
        {
            return [s];
        }

        _report.Add("demand", $"depart='{text}' not supported: vehicle dropped", ReportSeverity.Warning, v.Id);
        return [];
    }

    /// <summary>
    /// Departure times of a flow: with <c>period</c> (or <c>vehsPerHour</c> = 3600/period) at begin + i·period while
    /// before <c>end</c> and below <c>number</c>; with only <c>number</c>, evenly over [begin, end); with
    /// <c>probability</c>, one Bernoulli draw per second from the caller's random source (SUMO's 1 s step).
    /// </summary>
    private List<double> FlowDepartures(PendingVehicle v, SumoXml xml)
    {
        var begin = v.Double("begin", xml) ?? 0;
        var number = v.Double("number", xml) is { } n ? (long)n : long.MaxValue;
        var end = v.Double("end", xml) ?? (number == long.MaxValue ? DefaultFlowEndS : double.PositiveInfinity);
        var period = v.Double("period", xml) ?? (v.Double("vehsPerHour", xml) is { } vph && vph > 0 ? 3600 / vph : null);
        var probability = v.Double("probability", xml);
        var times = new List<double>();
        if (probability is { } p)
        {
            var last = double.IsPositiveInfinity(end) ? begin + DefaultFlowEndS : end;
            for (var t = begin; t < last && times.Count < number; t += 1)
            {
                if (_random.NextDouble() < p)
                {
                    times.Add(t);
                }
            }

            return times;
        }

        if (period is null && number != long.MaxValue && double.IsFinite(end))
        {
            period = (end - begin) / number;
        }

        if (period is not { } step || step <= 0)
        {
            throw new SumoFormatException(xml.Path, v.Line, $"flow '{v.Id}' needs vehsPerHour, period, probability or number with end");
        }

        for (long i = 0; i < number; i++)
        {
            var t = begin + (i * step);
            if (t >= end)
            {
                break;
            }

            times.Add(t);
        }

        return times;
    }

    private TripRequest? Trip(PendingVehicle v, string id, double departS, SumoXml xml)
    {
        var type = ResolveType(v.Get("type"), xml);
        int[]? edges;
        if (v.HasRoute)
        {
            edges = v.Route;
        }
        else if (v.Get("route") is { } routeId)
        {
            edges = ResolveRoute(routeId, xml);
        }
        else if (v.Get("from") is { } from && v.Get("to") is { } to)
        {
            return RoutedAtInsertion(v, id, departS, type, from, to, xml);
        }
        else
        {
            throw new SumoFormatException(xml.Path, v.Line, $"{v.Kind} '{v.Id}' has neither a route nor from/to");
        }

        return edges is null ? null : Rules(TripRequest.AlongRoute(id, Ms(departS), edges), v, type);
    }

    private TripRequest? RoutedAtInsertion(PendingVehicle v, string id, double departS, int type, string from, string to, SumoXml xml)
    {
        var via = (v.Get("via") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ends = Edges(string.Join(' ', [from, .. via, to]), id, xml);
        if (ends is null)
        {
            return null;
        }

        if (via.Length == 0)
        {
            return Rules(new TripRequest(id, Ms(departS), ends[0], ends[^1]), v, type);
        }

        if (_viaRouter is null)
        {
            _report.Add("demand", "via edges dropped (no router given): routed from/to at insertion", ReportSeverity.Warning, id);
            return Rules(new TripRequest(id, Ms(departS), ends[0], ends[^1]), v, type);
        }

        // A via chain is routed now, leg by leg, because a trip request only carries its two ends.
        var route = new List<int> { ends[0] };
        var leg = new List<int>();
        for (var k = 1; k < ends.Length; k++)
        {
            leg.Clear();
            if (!_viaRouter.TryRoute(ends[k - 1], ends[k], leg))
            {
                _report.Add("demand", "trip via edges unroutable: vehicle dropped", ReportSeverity.Warning, id);
                return null;
            }

            route.AddRange(leg.Skip(1));
        }

        _report.Add("demand", "trip with via routed at load time", ReportSeverity.Info, id);
        return Rules(TripRequest.AlongRoute(id, Ms(departS), route.ToArray()), v, type);
    }

    private TripRequest Rules(TripRequest trip, PendingVehicle v, int type)
    {
        var lane = Parse<DepartLane>(v, "departLane", DepartLane.TryParse, trip.DepartLane);
        var pos = Parse<DepartPos>(v, "departPos", DepartPos.TryParse, trip.DepartPos);
        var speed = Parse<DepartSpeed>(v, "departSpeed", DepartSpeed.TryParse, trip.DepartSpeed);
        double? arrival = null;
        if (v.Get("arrivalPos") is { } a && a != "max")
        {
            if (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
            {
                arrival = m;
            }
            else
            {
                _report.Add("demand", $"arrivalPos='{a}' not supported: end of the edge used", ReportSeverity.Warning, v.Id);
            }
        }

        return new TripRequest(trip.Id, trip.DepartMs, trip.FromEdge, trip.ToEdge)
        {
            Edges = trip.Edges, VehicleType = type, DepartLane = lane, DepartPos = pos, DepartSpeed = speed, ArrivalPosM = arrival,
        };
    }

    private delegate bool TryParser<T>(string? text, out T value);

    private T Parse<T>(PendingVehicle v, string name, TryParser<T> parse, T fallback)
    {
        var text = v.Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        _report.Add("demand", $"{name}='{text}' not supported: default used", ReportSeverity.Warning, v.Id);
        return fallback;
    }

    private static long Ms(double s) => (long)Math.Round(Math.Max(0, s) * 1000, MidpointRounding.AwayFromZero);
}
