using CityTwin.Scenarios.Definition;
using YamlDotNet.RepresentationModel;

namespace CityTwin.Scenarios.Loading;

/// <summary>Reads the <c>edits:</c> list: each item is a mapping with <c>edit: KIND</c>, a <c>where:</c> selector and the kind's own keys.</summary>
internal static class EditReader
{
    /// <summary>Edit kinds and the keys each allows besides <c>edit</c> and <c>where</c>.</summary>
    private static readonly Dictionary<string, string[]> Kinds = new(StringComparer.Ordinal)
    {
        ["closeRoad"] = [],
        ["speedLimit"] = ["kmh"],
        ["lanes"] = ["delta"],
        ["busLane"] = [],
        ["signal"] = ["cycleS", "greenSplitsS", "offsetS", "actuated", "minGreenS", "maxGreenS"],
        ["ledRetrofit"] = ["share", "wattageW"],
        ["lightingControl"] = ScenarioLoader.LightingKeys.Where(k => k is not ("enabled" or "technology")).ToArray(),
        ["pv"] = ["share"],
        ["ev"] = ["share"],
        ["envelope"] = ["uFactor"],
        ["demandScale"] = ["factor"],
    };

    /// <summary>Edits that apply to the whole city and so take no <c>where:</c>.</summary>
    private static readonly HashSet<string> CityWide = ["lightingControl", "pv", "ev", "demandScale"];

    /// <summary>Edits that address roads or junctions and so need a non-empty <c>where:</c>.</summary>
    private static readonly HashSet<string> NeedsWhere = ["closeRoad", "speedLimit", "lanes", "busLane", "signal"];

    public static List<Edit> ReadAll(YamlSection top)
    {
        var edits = new List<Edit>();
        foreach (var item in top.Items("edits"))
        {
            if (item is not YamlMappingNode map)
            {
                top.Error(item, "edits: each item must be a mapping starting with edit: KIND");
                continue;
            }

            var kindNode = map.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: "edit" }).Value;
            if (kindNode is not YamlScalarNode { Value: { } kind } || !Kinds.TryGetValue(kind, out var keys))
            {
                top.Error(kindNode ?? map, $"edits[]: edit: must be one of {string.Join(", ", Kinds.Keys)}");
                continue;
            }

            var s = new YamlSection(top.Source, map, $"edits[{kind}]", top.Errors, ["edit", "where", .. keys]);
            var where = ReadSelector(s);
            if (NeedsWhere.Contains(kind) && where.IsEmpty)
            {
                s.Error(map, $"edit {kind}: needs where: (osmWay, street, edge, junction, osmNode or polygon)");
            }

            if (CityWide.Contains(kind) && s.Has("where"))
            {
                s.Error(s.KeyNode("where"), $"edit {kind}: applies to the whole city; where: is not supported (use ledRetrofit or envelope for parts of the city)");
            }

            var location = s.Source.ErrorAt(map, "");
            Edit? edit = kind switch
            {
                "closeRoad" => new CloseRoadEdit(),
                "speedLimit" => new SpeedLimitEdit { SpeedKmh = Required(s, "kmh", () => s.Double("kmh", 50, 5, 200)) },
                "lanes" => new LanesEdit { Delta = Required(s, "delta", () => s.Int("delta", 0, -5, 5)) },
                "busLane" => new BusLaneEdit(),
                "signal" => ReadSignal(s),
                "ledRetrofit" => new LedRetrofitEdit
                {
                    Share = s.Double("share", 1, 0, 1), WattageW = s.Has("wattageW") ? s.Double("wattageW", 40, 1, 2000) : null,
                },
                "lightingControl" => new LightingControlEdit { Settings = ScenarioLoader.ReadLighting(s, new LightingSettings()) },
                "pv" => new PvEdit { Share = Required(s, "share", () => s.Double("share", 0, 0, 1)) },
                "ev" => new EvShareEdit { Share = Required(s, "share", () => s.Double("share", 0, 0, 1)) },
                "envelope" => new EnvelopeEdit { UFactor = Required(s, "uFactor", () => s.Double("uFactor", 1, 0.05, 2)) },
                "demandScale" => new DemandScaleEdit { Factor = Required(s, "factor", () => s.Double("factor", 1, 0, 100)) },
                _ => null,
            };
            if (edit is LanesEdit { Delta: 0 } && s.Has("delta"))
            {
                s.Error(s.Raw("delta")!, "edit lanes: delta must not be 0 (e.g. 1 adds a lane, -1 removes one)");
            }

            if (edit is not null)
            {
                edits.Add(edit with { Where = where, Location = new SourceLocation(location.File, location.Line, location.Column) });
            }
        }

        return edits;
    }

    private static T Required<T>(YamlSection s, string key, Func<T> read)
    {
        if (!s.Has(key))
        {
            s.Error(s.Node, $"{s.PathPrefix}: {key}: is required");
        }

        return read();
    }

    private static SignalEdit ReadSignal(YamlSection s)
    {
        var edit = new SignalEdit
        {
            CycleS = s.Has("cycleS") ? s.Int("cycleS", 90, 10, 600) : null,
            GreenSplitsS = s.Longs("greenSplitsS", 1, 600).Select(v => (int)v).ToList(),
            OffsetS = s.Has("offsetS") ? s.Int("offsetS", 0, 0, 600) : null,
            Actuated = s.Bool("actuated", false),
            MinGreenS = s.Int("minGreenS", 5, 1, 120),
            MaxGreenS = s.Int("maxGreenS", 50, 1, 300),
        };
        if (edit.CycleS is null && edit.GreenSplitsS.Count == 0 && edit.OffsetS is null && !edit.Actuated)
        {
            s.Error(s.Node, "edit signal: change something: cycleS, greenSplitsS, offsetS or actuated: true");
        }

        if (edit.MinGreenS > edit.MaxGreenS)
        {
            s.Error(s.Raw("minGreenS") ?? s.Node, "edit signal: minGreenS must not exceed maxGreenS");
        }

        return edit;
    }

    private static Selector ReadSelector(YamlSection edit)
    {
        var s = edit.Section("where", "osmWay", "street", "edge", "junction", "osmNode", "polygon");
        if (s is null)
        {
            return Selector.All;
        }

        var polygon = new List<(double, double)>();
        foreach (var vertex in s.Items("polygon"))
        {
            if (vertex is YamlSequenceNode { Children.Count: 2 } pair && pair.Children.All(c => c is YamlScalarNode) &&
                double.TryParse(((YamlScalarNode)pair.Children[0]).Value, System.Globalization.CultureInfo.InvariantCulture, out var lon) &&
                double.TryParse(((YamlScalarNode)pair.Children[1]).Value, System.Globalization.CultureInfo.InvariantCulture, out var lat) &&
                lon is >= -180 and <= 180 && lat is >= -90 and <= 90)
            {
                polygon.Add((lon, lat));
            }
            else
            {
                s.Error(vertex, $"{s.Qualified("polygon")}: expected vertices [longitude, latitude] in degrees");
            }
        }

        if (s.Has("polygon") && polygon.Count is > 0 and < 3)
        {
            s.Error(s.Raw("polygon")!, $"{s.Qualified("polygon")}: a polygon needs at least 3 vertices");
        }

        return new Selector
        {
            OsmWays = s.Longs("osmWay", 1),
            Streets = s.Strings("street"),
            Edges = s.Longs("edge", 0),
            Junctions = s.Longs("junction", 0),
            OsmNodes = s.Longs("osmNode", 1),
            Polygon = polygon,
        };
    }
}
