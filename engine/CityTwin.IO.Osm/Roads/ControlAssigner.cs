using CityTwin.IO.Osm.Reading;
using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Reporting;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Places <c>highway=traffic_signals</c>, <c>stop</c> and <c>give_way</c> nodes: on a graph node they control it
/// directly; on an approach node they control the junction reached along the road within
/// <see cref="OsmImportOptions.ApproachControlDistanceM"/> (honouring <c>direction=forward/backward</c>).
/// </summary>
internal static class ControlAssigner
{
    /// <summary>Report reason.</summary>
    public const string MidBlockSignal = "traffic signals not near a junction (mid-block crossings) ignored";

    /// <summary>Assigns controls.</summary>
    /// <param name="graph">Road graph.</param>
    /// <param name="data">OSM data (node tags).</param>
    /// <param name="options">Options.</param>
    /// <param name="report">Report.</param>
    /// <param name="signalNodes">Output: graph nodes that are signalised.</param>
    /// <param name="stopNodes">Output: graph nodes tagged stop (1) / all-way stop (2) / give way (3) directly.</param>
    public static void Assign(RoadGraph graph, OsmData data, OsmImportOptions options, ReportBuilder report, out bool[] signalNodes, out byte[] stopNodes)
    {
        signalNodes = new bool[graph.NodeOsmIds.Count];
        stopNodes = new byte[graph.NodeOsmIds.Count];
        foreach (var (id, tags) in data.NodeTags)
        {
            var highway = TagValues.Get(tags, "highway");
            if (highway is not ("traffic_signals" or "stop" or "give_way"))
            {
                continue;
            }

            if (graph.NodeIndex.TryGetValue(id, out var node))
            {
                if (highway == "traffic_signals")
                {
                    signalNodes[node] = true;
                }
                else
                {
                    stopNodes[node] = highway == "give_way" ? (byte)3 : TagValues.Get(tags, "stop") == "all" ? (byte)2 : (byte)1;
                }

                continue;
            }

            if (!graph.InteriorNodes.TryGetValue(id, out var at))
            {
                continue; // not on a drivable road
            }

            var segment = graph.Segments[at.Segment];
            var piece = graph.Pieces[segment.Piece];
            double toStart = 0, toEnd = 0;
            for (var k = segment.Start + 1; k <= at.Index; k++)
            {
                toStart += piece.Points[k - 1].DistanceTo(piece.Points[k]);
            }

            toEnd = segment.LengthM - toStart;
            var direction = TagValues.Get(tags, highway == "traffic_signals" ? "traffic_signals:direction" : "direction") ?? TagValues.Get(tags, "direction");
            var max = options.ApproachControlDistanceM;
            // Which end does the controlled traffic reach? forward = towards the segment end (way order).
            bool towardsEnd;
            if (direction == "forward")
            {
                towardsEnd = true;
            }
            else if (direction == "backward")
            {
                towardsEnd = false;
            }
            else
            {
                var a = piece.Attributes;
                towardsEnd = a.Forward && (!a.Backward || toEnd <= toStart);
            }

            var distance = towardsEnd ? toEnd : toStart;
            if (distance > max)
            {
                if (highway == "traffic_signals")
                {
                    report.Add("signals", MidBlockSignal, ReportSeverity.Info, $"node {id}");
                }

                continue;
            }

            if (highway == "traffic_signals")
            {
                signalNodes[towardsEnd ? segment.ToNode : segment.FromNode] = true;
            }
            else if (highway == "stop")
            {
                if (towardsEnd)
                {
                    segment.StopForward = true;
                }
                else
                {
                    segment.StopBackward = true;
                }
            }
            else if (towardsEnd)
            {
                segment.GiveWayForward = true;
            }
            else
            {
                segment.GiveWayBackward = true;
            }
        }
    }
}
