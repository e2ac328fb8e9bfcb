using CityTwin.IO.Osm.Reading;
using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Reporting;
using OsmSharp;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Applies OSM turn restrictions (<c>type=restriction</c> with a from way, a via node and a to way) to the movements:
/// <c>no_*</c> removes the movement, <c>only_*</c> removes every other movement from the same approach.
/// </summary>
/// <remarks>
/// Implementation note: the via node may sit inside a clustered junction, so ways are matched by the junction that
/// contains the via node. When the to way runs on through the via node (both directions match), the restriction's
/// own direction (left, right, straight, U-turn) picks the matching exit. Restrictions whose <c>except</c> lists
/// <c>motorcar</c>, or that are specific to other vehicles (<c>restriction:hgv</c>…), do not apply to cars.
/// Restrictions with a via way, time-conditional ones, and ones whose from or to way lies inside a clustered junction
/// (it has no edge of its own there) are reported and skipped.
/// </remarks>
internal static class TurnRestrictions
{
    /// <summary>Report reason.</summary>
    public const string Applied = "turn restrictions applied";

    /// <summary>Report reason.</summary>
    public const string ViaWay = "turn restrictions with a via way (or no via node) skipped";

    /// <summary>Report reason.</summary>
    public const string TimeConditional = "time-conditional turn restrictions not applied (time, day_on, hour_on)";

    /// <summary>Report reason.</summary>
    public const string Unmatched = "turn restrictions skipped: from and to ways do not meet at the via node in the car network";

    /// <summary>Removes restricted movements.</summary>
    /// <param name="movements">All possible movements.</param>
    /// <param name="edges">Edge candidates.</param>
    /// <param name="graph">Road graph.</param>
    /// <param name="cluster">Junction cluster per graph node.</param>
    /// <param name="relations">Relations read (restrictions among them).</param>
    /// <param name="report">Report.</param>
    /// <returns>The movements that remain.</returns>
    public static List<Movement> Apply(List<Movement> movements, List<EdgeCandidate> edges, RoadGraph graph, int[] cluster, List<OsmRelation> relations, ReportBuilder report)
    {
        var banned = new HashSet<(int In, int Out)>();
        foreach (var r in relations)
        {
            if (TagValues.Get(r.Tags, "type") != "restriction")
            {
                continue;
            }

            var restriction = TagValues.Get(r.Tags, "restriction") ?? TagValues.Get(r.Tags, "restriction:motorcar") ?? TagValues.Get(r.Tags, "restriction:motor_vehicle");
            if (restriction == null || (TagValues.Get(r.Tags, "except") ?? string.Empty).Contains("motorcar", StringComparison.Ordinal))
            {
                continue;
            }

            if (TagValues.Get(r.Tags, "time") != null || TagValues.Get(r.Tags, "day_on") != null || TagValues.Get(r.Tags, "hour_on") != null)
            {
                // A fixed network cannot switch a turn on and off by time of day; scenario edits can.
                report.Add("roads", TimeConditional, ReportSeverity.Info, $"relation {r.Id}");
                continue;
            }

            long from = 0, to = 0, via = 0;
            var viaIsNode = false;
            foreach (var m in r.Members)
            {
                switch (m.Role)
                {
                    case "from" when m.Type == OsmGeoType.Way:
                        from = m.Id;
                        break;
                    case "to" when m.Type == OsmGeoType.Way:
                        to = m.Id;
                        break;
                    case "via":
                        via = m.Id;
                        viaIsNode = m.Type == OsmGeoType.Node;
                        break;
                }
            }

            if (!viaIsNode || from == 0 || to == 0)
            {
                report.Add("roads", ViaWay, ReportSeverity.Info, $"relation {r.Id}");
                continue;
            }

            if (!graph.NodeIndex.TryGetValue(via, out var viaNode))
            {
                report.Add("roads", Unmatched, ReportSeverity.Info, $"relation {r.Id}");
                continue;
            }

            var junction = cluster[viaNode];
            var side = restriction.Contains("left", StringComparison.Ordinal) ? -1
                : restriction.Contains("right", StringComparison.Ordinal) ? 1
                : restriction.Contains("straight", StringComparison.Ordinal) ? 0 : 2;
            var only = restriction.StartsWith("only_", StringComparison.Ordinal);
            var matched = false;
            foreach (var group in GroupByIn(movements, edges, from, junction))
            {
                var targets = new List<Movement>();
                foreach (var m in group)
                {
                    if (edges[m.Out].WayId == to)
                    {
                        targets.Add(m);
                    }
                }

                if (targets.Count > 1)
                {
                    var bySide = targets.FindAll(m => side == 2 ? m.Direction == Model.Roads.TurnDirections.UTurn : m.Direction != Model.Roads.TurnDirections.UTurn && LaneConnector.Side(m.Direction) == side);
                    if (bySide.Count > 0)
                    {
                        targets = bySide;
                    }
                }

                if (targets.Count == 0)
                {
                    continue;
                }

                matched = true;
                foreach (var m in group)
                {
                    if (only != targets.Contains(m))
                    {
                        banned.Add((m.In, m.Out));
                    }
                }
            }

            report.Add("roads", matched ? Applied : Unmatched, ReportSeverity.Info, $"relation {r.Id}");
        }

        return banned.Count == 0 ? movements : movements.FindAll(m => !banned.Contains((m.In, m.Out)));
    }

    private static List<List<Movement>> GroupByIn(List<Movement> movements, List<EdgeCandidate> edges, long fromWay, int junction)
    {
        var groups = new Dictionary<int, List<Movement>>();
        foreach (var m in movements)
        {
            var e = edges[m.In];
            if (e.WayId == fromWay && e.ToJunction == junction)
            {
                if (!groups.TryGetValue(m.In, out var list))
                {
                    groups[m.In] = list = new List<Movement>();
                }

                list.Add(m);
            }
        }

        return [.. groups.Values];
    }
}
