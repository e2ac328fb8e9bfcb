using CityTwin.IO.Osm.Reading;
using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.IO.Osm.Roads;

/// <summary>Builds the lane-level <see cref="RoadNetwork"/> from OSM data (the road half of the import).</summary>
internal static class RoadNetworkBuilder
{
    private const double SideEpsilonRad = 0.01;

    /// <summary>Builds the network.</summary>
    /// <param name="data">OSM data.</param>
    /// <param name="projection">Projection.</param>
    /// <param name="options">Options.</param>
    /// <param name="report">Report.</param>
    /// <returns>The network.</returns>
    /// <exception cref="OsmImportException">The extract has no drivable roads.</exception>
    public static RoadNetwork Build(OsmData data, LocalTransverseMercator projection, OsmImportOptions options, ReportBuilder report)
    {
        var graph = RoadGraph.Build(data, projection, report);
        ControlAssigner.Assign(graph, data, options, report, out var signalNodes, out var stopNodes);
        var cluster = JunctionClusterer.Cluster(graph, signalNodes, options);
        var clusterCount = 0;
        foreach (var c in cluster)
        {
            clusterCount = Math.Max(clusterCount, c + 1);
        }

        var candidates = MovementBuilder.CreateEdges(graph, cluster, out var internalLinks);
        var movements = new List<Movement>();
        var possible = MovementBuilder.CreateMovements(candidates, internalLinks, graph.NodeOsmIds.Count, clusterCount);
        possible = TurnRestrictions.Apply(possible, candidates, graph, cluster, data.Relations, report);
        var kept = candidates.Count == 0
            ? []
            : MovementBuilder.SelectConnected(candidates, possible, options.KeepLargestComponent, report, out movements);

        // Renumber junctions and edges that survive, in a deterministic order (cluster order, candidate order).
        var junctionIndex = new int[clusterCount];
        Array.Fill(junctionIndex, -1);
        var edgeIndex = new int[candidates.Count];
        var keptEdges = new List<int>();
        for (var e = 0; e < candidates.Count; e++)
        {
            edgeIndex[e] = -1;
            if (kept[e])
            {
                edgeIndex[e] = keptEdges.Count;
                keptEdges.Add(e);
                junctionIndex[candidates[e].FromJunction] = 0;
                junctionIndex[candidates[e].ToJunction] = 0;
            }
        }

        if (keptEdges.Count == 0)
        {
            throw new OsmImportException($"{data.SourceName}: the extract has no drivable roads (no connected car network could be built).");
        }

        var centroids = JunctionClusterer.Centroids(graph, cluster, clusterCount);
        var junctions = new List<Junction>();
        for (var c = 0; c < clusterCount; c++)
        {
            if (junctionIndex[c] == 0)
            {
                junctionIndex[c] = junctions.Count;
                junctions.Add(new Junction { Position = centroids[c], OsmNodeId = long.MaxValue, SignalProgram = -1 });
            }
        }

        var junctionArray = junctions.ToArray();
        var signalised = new bool[junctionArray.Length];
        var allWay = new bool[junctionArray.Length];
        for (var n = 0; n < cluster.Length; n++)
        {
            var j = junctionIndex[cluster[n]];
            if (j < 0)
            {
                continue;
            }

            junctionArray[j].OsmNodeId = Math.Min(junctionArray[j].OsmNodeId, graph.NodeOsmIds[n]);
            junctionArray[j].OsmNodeCount++;
            signalised[j] |= signalNodes[n];
            allWay[j] |= stopNodes[n] == 2;
        }

        // Edges, geometry and names.
        var names = new List<string>();
        var nameIndex = new Dictionary<string, int>();
        var points = new List<PointM>();
        var edges = new Edge[keptEdges.Count];
        var armIn = new double[edges.Length];
        var armOut = new double[edges.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            var cand = candidates[keptEdges[i]];
            var name = cand.Attributes.Name;
            var ni = -1;
            if (name != null && !nameIndex.TryGetValue(name, out ni))
            {
                ni = names.Count;
                nameIndex[name] = ni;
                names.Add(name);
            }

            var flags = cand.Flags;
            if (stopNodes[cand.ToNode] == 1)
            {
                flags |= EdgeFlags.StopAtEnd;
            }
            else if (stopNodes[cand.ToNode] == 3)
            {
                flags |= EdgeFlags.GiveWayAtEnd;
            }

            edges[i] = new Edge
            {
                FromJunction = junctionIndex[cand.FromJunction],
                ToJunction = junctionIndex[cand.ToJunction],
                OsmWayId = cand.WayId,
                NameIndex = ni,
                FirstPoint = points.Count,
                PointCount = cand.Points.Length,
                LengthM = cand.LengthM,
                SpeedLimitMps = (float)cand.SpeedMps,
                LaneCount = (byte)cand.LaneCount,
                Class = cand.Attributes.Class,
                Allowed = cand.Attributes.Allowed,
                Flags = flags,
            };
            points.AddRange(cand.Points);
            var endCentre = centroids[cand.ToJunction];
            var startCentre = centroids[cand.FromJunction];
            var pin = cand.PointNear(atEnd: true);
            var pout = cand.PointNear(atEnd: false);
            armIn[i] = Math.Atan2(pin.YM - endCentre.YM, pin.XM - endCentre.XM) + SideEpsilonRad;
            armOut[i] = Math.Atan2(pout.YM - startCentre.YM, pout.XM - startCentre.XM) - SideEpsilonRad;
        }

        // A stop or give-way sign directly on a junction node only binds the lesser approaches.
        DemoteSignedNodeApproaches(edges, candidates, keptEdges, stopNodes);

        // Lanes and lane-to-lane connections.
        var lanes = new List<Lane>();
        var connections = new List<Connection>();
        var byIn = new List<Movement>[candidates.Count];
        foreach (var m in movements)
        {
            if (kept[m.In] && kept[m.Out])
            {
                (byIn[m.In] ??= new List<Movement>()).Add(m);
            }
        }

        var links = new List<LaneConnector.LaneLink>();
        for (var i = 0; i < edges.Length; i++)
        {
            var cand = candidates[keptEdges[i]];
            edges[i].FirstLane = lanes.Count;
            links.Clear();
            var mine = byIn[keptEdges[i]] ?? new List<Movement>();
            mine.Sort((a, b) => b.AngleDeg.CompareTo(a.AngleDeg));
            LaneConnector.Connect(cand.LaneCount, cand.Turns, mine, o => candidates[o].LaneCount, links);
            var k = 0;
            for (var l = 0; l < cand.LaneCount; l++)
            {
                var lane = new Lane
                {
                    Edge = i,
                    IndexFromRight = (byte)l,
                    WidthM = (float)cand.Attributes.LaneWidthM,
                    FirstConnection = connections.Count,
                    TurnsTagged = cand.Turns != null,
                    Turns = cand.Turns != null ? cand.Turns[cand.LaneCount - 1 - l] : TurnDirections.None,
                };
                for (; k < links.Count && links[k].FromLane == l; k++)
                {
                    var out0 = edgeIndex[links[k].Out];
                    connections.Add(new Connection
                    {
                        FromLane = lanes.Count,
                        FromEdge = i,
                        ToEdge = out0,
                        ToLane = -1 - links[k].ToLane, // resolved below once every edge has its FirstLane
                        Junction = edges[i].ToJunction,
                        Direction = links[k].Direction,
                        SignalLink = -1,
                    });
                    if (cand.Turns == null)
                    {
                        lane.Turns |= links[k].Direction;
                    }
                }

                lane.ConnectionCount = connections.Count - lane.FirstConnection;
                lanes.Add(lane);
            }
        }

        var connectionArray = connections.ToArray();
        for (var c = 0; c < connectionArray.Length; c++)
        {
            connectionArray[c].ToLane = edges[connectionArray[c].ToEdge].FirstLane + (-1 - connectionArray[c].ToLane);
        }

        var laneArray = lanes.ToArray();
        var conflicts = JunctionRules.Apply(junctionArray, edges, connectionArray, armIn, armOut, signalised, allWay);
        SignalProgramBuilder.Build(junctionArray, edges, connectionArray, conflicts, armIn, options.DefaultCycleS,
            out SignalProgram[] programs, out SignalPhase[] phases, out SignalState[] states);
        return new RoadNetwork(junctionArray, edges, points.ToArray(), laneArray, connectionArray, conflicts, programs, phases, states, names.ToArray());
    }

    private static void DemoteSignedNodeApproaches(Edge[] edges, List<EdgeCandidate> candidates, List<int> keptEdges, byte[] stopNodes)
    {
        var bestRankAtNode = new Dictionary<int, int>();
        for (var i = 0; i < edges.Length; i++)
        {
            var node = candidates[keptEdges[i]].ToNode;
            if (stopNodes[node] is 1 or 3)
            {
                var plain = edges[i];
                plain.Flags &= ~(EdgeFlags.StopAtEnd | EdgeFlags.GiveWayAtEnd);
                bestRankAtNode[node] = Math.Max(bestRankAtNode.GetValueOrDefault(node, int.MinValue), JunctionRules.Rank(plain));
            }
        }

        for (var i = 0; i < edges.Length; i++)
        {
            var node = candidates[keptEdges[i]].ToNode;
            if (bestRankAtNode.TryGetValue(node, out var best))
            {
                var plain = edges[i];
                plain.Flags &= ~(EdgeFlags.StopAtEnd | EdgeFlags.GiveWayAtEnd);
                if (JunctionRules.Rank(plain) >= best && (candidates[keptEdges[i]].Flags & (EdgeFlags.StopAtEnd | EdgeFlags.GiveWayAtEnd)) == 0)
                {
                    edges[i].Flags = plain.Flags; // the main road through a signed node keeps priority
                }
            }
        }
    }
}
