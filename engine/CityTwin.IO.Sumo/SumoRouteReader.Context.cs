using System.Globalization;

namespace CityTwin.IO.Sumo;

/// <summary>Parsing state of one file: the open vehicle and distributions.</summary>
public sealed partial class SumoRouteReader
{
    private Distribution StartTypeDistribution(SumoXml xml)
    {
        var d = new Distribution(xml.Required("id"), xml.Depth);
        if (xml.Attr("vTypes") is { } refs)
        {
            var weights = Weights(xml, refs);
            var names = refs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < names.Length; i++)
            {
                d.Add(ResolveType(names[i], xml), weights[i]);
            }
        }

        return d;
    }

    private void FinishTypeDistribution(Distribution d) =>
        _typeDistributions[d.Id] = (d.Items.Select(i => (int)i!).ToArray(), d.Weights.ToArray());

    private Distribution StartRouteDistribution(SumoXml xml)
    {
        var d = new Distribution(xml.Required("id"), xml.Depth);
        if (xml.Attr("routes") is { } refs)
        {
            var weights = Weights(xml, refs);
            var names = refs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < names.Length; i++)
            {
                d.Add(ResolveRoute(names[i], xml), weights[i]);
            }
        }

        return d;
    }

    private void FinishRouteDistribution(Distribution d) =>
        _routeDistributions[d.Id] = (d.Items.Select(i => (int[]?)i).ToArray(), d.Weights.ToArray());

    private static double[] Weights(SumoXml xml, string refs)
    {
        var count = refs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var text = xml.Attr("probabilities");
        if (text is null)
        {
            return Enumerable.Repeat(1.0, count).ToArray();
        }

        var w = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(SumoXml.ParseDouble).ToArray();
        return w.Length == count ? w : throw xml.Error($"{count} members but {w.Length} probabilities");
    }

    /// <summary>A type or route distribution being read.</summary>
    private sealed class Distribution(string id, int depth)
    {
        public string Id { get; } = id;

        public int Depth { get; } = depth;

        public List<object?> Items { get; } = [];

        public List<double> Weights { get; } = [];

        public void Add(object? item, double weight)
        {
            Items.Add(item);
            Weights.Add(weight);
        }
    }

    /// <summary>A vehicle, trip or flow whose children (embedded route, stops) are still being read.</summary>
    private sealed class PendingVehicle
    {
        private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);

        public PendingVehicle(SumoXml xml, string kind, int depth, SumoReport report)
        {
            Kind = kind;
            Depth = depth;
            Line = xml.Line;
            Id = xml.Required("id");
            xml.ReportUnknownAttributes(VehicleAttributes, report, "demand");
            var r = xml.Reader;
            if (r.MoveToFirstAttribute())
            {
                do
                {
                    _attributes[r.Name] = r.Value;
                }
                while (r.MoveToNextAttribute());
                r.MoveToElement();
            }
        }

        public string Kind { get; }

        public int Depth { get; }

        public int Line { get; }

        public string Id { get; }

        public int[]? Route { get; set; }

        public bool HasRoute { get; set; }

        public string? Get(string name) => _attributes.GetValueOrDefault(name);

        public double? Double(string name, SumoXml xml)
        {
            var text = Get(name);
            if (text is null)
            {
                return null;
            }

            if (name is "begin" or "end")
            {
                return SumoXml.TryParseTime(text, out var t)
                    ? t
                    : throw new SumoFormatException(xml.Path, Line, $"{Kind} '{Id}': '{name}' is not a time (seconds or HH:MM:SS): '{text}'");
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new SumoFormatException(xml.Path, Line, $"{Kind} '{Id}': '{name}' is not a number: '{text}'");
        }
    }

    /// <summary>Open elements of the file being read.</summary>
    private sealed class Context
    {
        public int SkipDepth { get; set; } = -1;

        public PendingVehicle? Pending { get; set; }

        public Distribution? TypeDistribution { get; set; }

        public Distribution? RouteDistribution { get; set; }

        public void Flush(SumoRouteReader reader, SumoXml xml)
        {
            if (Pending is not null)
            {
                reader.Flush(Pending, xml);
                Pending = null;
            }

            if (TypeDistribution is not null)
            {
                reader.FinishTypeDistribution(TypeDistribution);
                TypeDistribution = null;
            }

            if (RouteDistribution is not null)
            {
                reader.FinishRouteDistribution(RouteDistribution);
                RouteDistribution = null;
            }
        }
    }
}
