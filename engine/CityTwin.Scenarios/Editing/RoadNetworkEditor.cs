using CityTwin.Model.Roads;

namespace CityTwin.Scenarios.Editing;

/// <summary>
/// Makes an edited copy of an immutable road network: closures, speed limits, bus lanes and lane counts. The original
/// is never changed (the baseline and its variants can share one imported city).
/// </summary>
/// <remarks>
/// Lane count changes rebuild the lane, connection and conflict arrays. A removed (leftmost) lane's outgoing
/// connections are dropped and connections that led onto it are redirected to the new leftmost lane of its edge
/// (duplicates merged), so every movement that existed still exists. An added lane on the left copies the
/// leftmost lane's outgoing connections, with the same signal links and the same conflicts, and every connection
/// that conflicted with the original also conflicts with the copy; no connection leads onto the new lane, which
/// vehicles reach by changing lanes.
/// </remarks>
public sealed class RoadNetworkEditor
{
    private readonly RoadNetwork _source;
    private readonly Edge[] _edges;
    private readonly Lane[] _lanes;
    private readonly int[] _laneDelta;

    /// <summary>Starts an edit of <paramref name="source"/>.</summary>
    /// <param name="source">The network to copy.</param>
    public RoadNetworkEditor(RoadNetwork source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _edges = source.Edges.ToArray();
        _lanes = source.Lanes.ToArray();
        _laneDelta = new int[_edges.Length];
    }

    /// <summary>Closes an edge to every vehicle class.</summary>
    /// <param name="edge">Edge index.</param>
    public void Close(int edge) => _edges[edge].Allowed = VehicleClasses.None;

    /// <summary>Sets an edge's speed limit.</summary>
    /// <param name="edge">Edge index.</param>
    /// <param name="speedMps">New limit, m/s.</param>
    public void SetSpeedLimit(int edge, double speedMps) => _edges[edge].SpeedLimitMps = (float)speedMps;

    /// <summary>Makes the rightmost lane of an edge bus-only when the edge has another lane for everyone else.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>False when the edge has a single lane (it is left unchanged).</returns>
    public bool MakeBusLane(int edge)
    {
        if (_edges[edge].LaneCount + _laneDelta[edge] < 2)
        {
            return false;
        }

        _lanes[_edges[edge].FirstLane].Disallowed = (VehicleClasses)0xFF & ~VehicleClasses.Bus;
        return true;
    }

    /// <summary>Adds (positive) or removes (negative) lanes on the left of an edge; at least one lane is kept.</summary>
    /// <param name="edge">Edge index.</param>
    /// <param name="delta">Lanes to add or remove.</param>
    /// <returns>The change actually applied.</returns>
    public int ChangeLanes(int edge, int delta)
    {
        var current = _edges[edge].LaneCount + _laneDelta[edge];
        var target = Math.Clamp(current + delta, 1, 16);
        _laneDelta[edge] += target - current;
        return target - current;
    }

    /// <summary>Builds the edited network.</summary>
    /// <returns>A new network.</returns>
    public RoadNetwork Build()
    {
        var s = _source;
        if (_laneDelta.All(d => d == 0))
        {
            return new RoadNetwork(s.Junctions.ToArray(), _edges.ToArray(), s.EdgePoints.ToArray(), _lanes.ToArray(), s.Connections.ToArray(),
                s.Conflicts.ToArray(), s.SignalPrograms.ToArray(), s.SignalPhases.ToArray(), s.SignalStates.ToArray(), s.Names.ToArray());
        }

        // New lane numbering: per edge, kept original lanes then added copies of the leftmost.
        var newLaneOf = new int[_lanes.Length];
        Array.Fill(newLaneOf, -1);
        var lanes = new List<Lane>();
        var sourceOfLane = new List<int>();
        var edges = _edges.ToArray();
        for (var e = 0; e < edges.Length; e++)
        {
            var old = _edges[e];
            var keep = Math.Min(old.LaneCount, old.LaneCount + _laneDelta[e]);
            var total = old.LaneCount + _laneDelta[e];
            edges[e].FirstLane = lanes.Count;
            edges[e].LaneCount = (byte)total;
            for (var i = 0; i < total; i++)
            {
                var from = old.FirstLane + Math.Min(i, old.LaneCount - 1);
                if (i < keep)
                {
                    newLaneOf[from] = lanes.Count;
                }

                var lane = _lanes[from];
                lane.IndexFromRight = (byte)i;
                if (i >= old.LaneCount)
                {
                    lane.Disallowed = VehicleClasses.None; // an added lane is for everyone
                }

                lanes.Add(lane);
                sourceOfLane.Add(from);
            }

            // Connections into a removed lane go to the new leftmost lane of its edge.
            for (var i = keep; i < old.LaneCount; i++)
            {
                newLaneOf[old.FirstLane + i] = edges[e].FirstLane + keep - 1;
            }
        }

        // Connections: per new lane, the source lane's (remapped, de-duplicated); remember old → new connection ids.
        var connections = new List<Connection>();
        var sourceOfConnection = new List<int>();
        var newOfOld = new List<int>[s.Connections.Length];
        for (var l = 0; l < lanes.Count; l++)
        {
            var lane = lanes[l];
            var from = sourceOfLane[l];
            var removed = newLaneOf[from] != l && l - edges[lane.Edge].FirstLane < _edges[lane.Edge].LaneCount;
            lane.FirstConnection = connections.Count;
            if (!removed)
            {
                for (var c = _lanes[from].FirstConnection; c < _lanes[from].FirstConnection + _lanes[from].ConnectionCount; c++)
                {
                    var conn = s.Connections[c];
                    conn.FromLane = l;
                    conn.ToLane = newLaneOf[conn.ToLane];
                    var duplicate = -1;
                    for (var k = lane.FirstConnection; k < connections.Count; k++)
                    {
                        duplicate = connections[k].ToLane == conn.ToLane ? k : duplicate;
                    }

                    var id = duplicate >= 0 ? duplicate : connections.Count;
                    (newOfOld[c] ??= []).Add(id);
                    if (duplicate < 0)
                    {
                        connections.Add(conn);
                        sourceOfConnection.Add(c);
                    }
                }
            }

            lane.ConnectionCount = connections.Count - lane.FirstConnection;
            lanes[l] = lane;
        }

        // Conflicts: each new connection takes its source's conflicts, foes mapped to all their new copies.
        var conflicts = new List<Conflict>();
        var connArray = connections.ToArray();
        for (var c = 0; c < connArray.Length; c++)
        {
            connArray[c].FirstConflict = conflicts.Count;
            var seen = new HashSet<int>();
            foreach (var conflict in s.GetConflicts(sourceOfConnection[c]))
            {
                foreach (var foe in newOfOld[conflict.Foe] ?? [])
                {
                    if (foe != c && seen.Add(foe))
                    {
                        conflicts.Add(conflict with { Foe = foe });
                    }
                }
            }

            connArray[c].ConflictCount = conflicts.Count - connArray[c].FirstConflict;
        }

        return new RoadNetwork(s.Junctions.ToArray(), edges, s.EdgePoints.ToArray(), lanes.ToArray(), connArray, conflicts.ToArray(),
            s.SignalPrograms.ToArray(), s.SignalPhases.ToArray(), s.SignalStates.ToArray(), s.Names.ToArray());
    }
}
