using CityTwin.Model.Reporting;

namespace CityTwin.IO.Sumo;

/// <summary>Reads the elements of a .net.xml into <see cref="SumoNetRaw"/>, counting what it skips.</summary>
internal static class SumoNetParser
{
    private static readonly HashSet<string> Reported =
        ["param", "neigh", "stopOffset", "prohibition", "type", "restriction", "crossing", "walkingArea", "include"];

    public static SumoNetRaw Parse(string path, SumoReport report)
    {
        var raw = new SumoNetRaw();
        using var xml = new SumoXml(path);
        RawEdge? edge = null;
        RawJunction? junction = null;
        RawTlLogic? tl = null;
        var skippedEdgeDepth = -1;
        var internalEdge = false;
        while (xml.NextElement())
        {
            var depth = xml.Depth;
            if (skippedEdgeDepth >= 0 && depth > skippedEdgeDepth)
            {
                continue; // lanes and children of an internal/walking/crossing edge
            }

            skippedEdgeDepth = -1;
            if (depth <= 1)
            {
                edge = null;
                junction = null;
                tl = null;
                internalEdge = false;
            }

            switch (xml.Name)
            {
                case "net" when depth == 0:
                    break;
                case "location":
                    raw.NetOffset = xml.Attr("netOffset");
                    raw.ConvBoundary = xml.Attr("convBoundary");
                    raw.OrigBoundary = xml.Attr("origBoundary");
                    raw.ProjParameter = xml.Attr("projParameter");
                    break;
                case "edge":
                    internalEdge = xml.Attr("function") == "internal" || IsInternalId(xml.Attr("id") ?? string.Empty);
                    edge = ReadEdge(xml, report);
                    if (edge is not null)
                    {
                        raw.Edges.Add(edge);
                    }
                    else if (!internalEdge)
                    {
                        skippedEdgeDepth = depth;
                    }

                    break;
                case "lane" when internalEdge:
                    // Internal lanes: only their length and speed are kept, for the path across the junction.
                    var internalLane = xml.Required("id");
                    raw.InternalLaneLengthM[internalLane] = xml.Double("length", 0);
                    raw.InternalLaneSpeedMps[internalLane] = xml.Double("speed", 0);
                    break;
                case "lane" when edge is not null:
                    edge.Lanes.Add(new RawLane(
                        xml.Required("id"), xml.Int("index", edge.Lanes.Count), xml.Double("speed", 13.89), xml.Double("length", 0),
                        xml.Double("width", 3.2), xml.Attr("allow"), xml.Attr("disallow"), xml.Attr("shape") ?? string.Empty));
                    break;
                case "junction":
                    junction = ReadJunction(xml, raw, report);
                    break;
                case "request":
                    // Requests of internal junctions are skipped with their junction (counted there).
                    junction?.Requests.Add(new RawRequest(xml.Int("index", 0), xml.Required("response"), xml.Required("foes")));
                    break;
                case "connection":
                    ReadConnection(xml, raw);
                    break;
                case "tlLogic":
                    tl = ReadTlLogic(xml);
                    raw.TlLogics.Add(tl);
                    break;
                case "phase" when tl is not null:
                    tl.Phases.Add(ReadPhase(xml, report, tl.Id));
                    break;
                case "roundabout":
                    raw.RoundaboutEdges.AddRange((xml.Attr("edges") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    report.Add("roads", "roundabout: edges flagged, right of way taken from the request matrix", ReportSeverity.Info);
                    break;
                default:
                    var name = xml.Name;
                    report.Add("input", Reported.Contains(name) ? $"element not supported: <{name}>" : $"unknown element: <{name}>", ReportSeverity.Info);
                    break;
            }
        }

        return raw;
    }

    internal static bool IsInternalId(string id) => id.StartsWith(':');

    private static RawEdge? ReadEdge(SumoXml xml, SumoReport report)
    {
        var id = xml.Required("id");
        var function = xml.Attr("function") ?? "normal";
        if (function == "internal" || IsInternalId(id))
        {
            return null; // internal lanes: the request matrix and the connections carry what the model needs
        }

        if (function != "normal")
        {
            report.Add("roads", $"edge skipped: function={function}", ReportSeverity.Info, id);
            return null;
        }

        return new RawEdge(id, xml.Required("from"), xml.Required("to"), xml.Attr("name"), xml.Attr("type"), xml.Attr("shape"));
    }

    private static RawJunction? ReadJunction(SumoXml xml, SumoNetRaw raw, SumoReport report)
    {
        var id = xml.Required("id");
        var type = xml.Attr("type") ?? "priority";
        if (type == "internal" || IsInternalId(id))
        {
            report.Add("roads", "internal junction merged into its junction", ReportSeverity.Info);
            return null;
        }

        var j = new RawJunction(id, type, xml.Double("x", 0), xml.Double("y", 0),
            (xml.Attr("intLanes") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        raw.Junctions.Add(j);
        return j;
    }

    private static void ReadConnection(SumoXml xml, SumoNetRaw raw)
    {
        var from = xml.Required("from");
        var to = xml.Required("to");
        if (IsInternalId(from))
        {
            // The continuation of a link across an internal junction: kept only to find the link's request row.
            if (xml.Attr("via") is { } next)
            {
                raw.InternalContinuation.TryAdd($"{from}_{xml.Int("fromLane", 0)}", next);
            }

            return;
        }

        raw.Connections.Add(new RawConnection(from, to, xml.Int("fromLane", 0), xml.Int("toLane", 0), xml.Attr("via"), xml.Attr("tl"),
            xml.Int("linkIndex", -1), xml.Attr("dir"), xml.Attr("state"), xml.Bool("keepClear", true), xml.Line));
    }

    private static RawTlLogic ReadTlLogic(SumoXml xml) =>
        new(xml.Required("id"), xml.Attr("type") ?? "static", xml.Attr("programID") ?? "0", xml.Double("offset", 0)) { Line = xml.Line };

    internal static RawPhase ReadPhase(SumoXml xml, SumoReport report, string tlId)
    {
        if (xml.Attr("next") is not null)
        {
            report.Add("signals", "phase 'next' ignored (phases run in file order)", ReportSeverity.Warning, tlId);
        }

        double? min = xml.Attr("minDur") is null ? null : xml.Double("minDur", 0);
        double? max = xml.Attr("maxDur") is null ? null : xml.Double("maxDur", 0);
        _ = xml.Required("duration");
        return new RawPhase(xml.Double("duration", 0), xml.Required("state"), min, max);
    }
}
