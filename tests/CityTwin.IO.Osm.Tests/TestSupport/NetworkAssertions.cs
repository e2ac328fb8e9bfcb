using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.IO.Osm.Tests.TestSupport;

/// <summary>Structural checks every imported road network must pass; each returns a list of violations.</summary>
internal static class NetworkAssertions
{
    /// <summary>Lanes without a successor whose edge does not end in a dead end.</summary>
    public static List<string> LanesWithoutSuccessor(RoadNetwork r)
    {
        var bad = new List<string>();
        for (var l = 0; l < r.Lanes.Length; l++)
        {
            var edge = r.Edges[r.Lanes[l].Edge];
            var deadEnd = r.GetOutgoingEdges(edge.ToJunction).Length == 0;
            if (r.Lanes[l].ConnectionCount == 0 && !deadEnd)
            {
                bad.Add($"lane {l} of edge {r.Lanes[l].Edge} (way {edge.OsmWayId})");
            }
        }

        return bad;
    }

    /// <summary>Connections that cannot exist: wrong junction, lane not on its edge, U-turn where another way on exists.</summary>
    public static List<string> ImpossibleConnections(RoadNetwork r)
    {
        var bad = new List<string>();
        for (var c = 0; c < r.Connections.Length; c++)
        {
            var conn = r.Connections[c];
            var from = r.Edges[conn.FromEdge];
            var to = r.Edges[conn.ToEdge];
            if (from.ToJunction != conn.Junction || to.FromJunction != conn.Junction)
            {
                bad.Add($"connection {c}: edges do not meet at junction {conn.Junction}");
            }

            if (r.Lanes[conn.FromLane].Edge != conn.FromEdge || r.Lanes[conn.ToLane].Edge != conn.ToEdge)
            {
                bad.Add($"connection {c}: lane not on its edge");
            }

            if ((to.Allowed & VehicleClasses.Passenger) == 0)
            {
                bad.Add($"connection {c}: enters an edge closed to cars");
            }

            if (conn.Direction == TurnDirections.UTurn)
            {
                foreach (var other in r.GetConnections(conn.FromLane))
                {
                    if (other.Direction != TurnDirections.UTurn)
                    {
                        bad.Add($"connection {c}: U-turn although lane {conn.FromLane} has another way on");
                        break;
                    }
                }
            }
        }

        return bad;
    }

    /// <summary>Conflicts that are not mirrored, or where both or neither side yields.</summary>
    public static List<string> InconsistentConflicts(RoadNetwork r)
    {
        var bad = new List<string>();
        for (var c = 0; c < r.Connections.Length; c++)
        {
            foreach (var k in r.GetConflicts(c))
            {
                var mirrored = false;
                foreach (var back in r.GetConflicts(k.Foe))
                {
                    if (back.Foe == c)
                    {
                        mirrored = back.Kind == k.Kind && back.MustYield != k.MustYield;
                    }
                }

                if (!mirrored || r.Connections[k.Foe].Junction != r.Connections[c].Junction)
                {
                    bad.Add($"conflict {c} vs {k.Foe}");
                }
            }
        }

        return bad;
    }

    /// <summary>Phases in which two conflicting links are green and neither yields, or links never green.</summary>
    public static List<string> UnsafeSignalPhases(RoadNetwork r)
    {
        var bad = new List<string>();
        for (var p = 0; p < r.SignalPrograms.Length; p++)
        {
            var program = r.SignalPrograms[p];
            var everGreen = new bool[program.LinkCount];
            var links = new int[program.LinkCount];
            for (var c = 0; c < r.Connections.Length; c++)
            {
                if (r.Connections[c].Junction == program.Junction)
                {
                    links[r.Connections[c].SignalLink] = c;
                }
            }

            for (var k = 0; k < program.PhaseCount; k++)
            {
                var states = r.GetPhaseStates(p, k);
                for (var i = 0; i < states.Length; i++)
                {
                    if (states[i] is not (SignalState.GreenMajor or SignalState.GreenMinor))
                    {
                        continue;
                    }

                    everGreen[i] = true;
                    foreach (var conflict in r.GetConflicts(links[i]))
                    {
                        var foeState = states[r.Connections[conflict.Foe].SignalLink];
                        var foeGreen = foeState is SignalState.GreenMajor or SignalState.GreenMinor;
                        if (foeGreen && states[i] == SignalState.GreenMajor && conflict.MustYield)
                        {
                            bad.Add($"program {p} phase {k}: link {i} has priority green but must yield to green link {r.Connections[conflict.Foe].SignalLink}");
                        }
                    }
                }
            }

            for (var i = 0; i < everGreen.Length; i++)
            {
                if (!everGreen[i])
                {
                    bad.Add($"program {p}: link {i} is never green");
                }
            }
        }

        return bad;
    }

    /// <summary>Edges not reachable from edge 0, or that cannot reach it, following lane connections.</summary>
    public static int EdgesNotStronglyConnected(RoadNetwork r)
    {
        var forward = Reach(r, reverse: false);
        var backward = Reach(r, reverse: true);
        var bad = 0;
        for (var e = 0; e < r.Edges.Length; e++)
        {
            if (!forward[e] || !backward[e])
            {
                bad++;
            }
        }

        return bad;
    }

    private static bool[] Reach(RoadNetwork r, bool reverse)
    {
        var next = new List<int>[r.Edges.Length];
        for (var e = 0; e < next.Length; e++)
        {
            next[e] = new List<int>();
        }

        foreach (var c in r.Connections)
        {
            if (reverse)
            {
                next[c.ToEdge].Add(c.FromEdge);
            }
            else
            {
                next[c.FromEdge].Add(c.ToEdge);
            }
        }

        var seen = new bool[r.Edges.Length];
        var stack = new Stack<int>();
        seen[0] = true;
        stack.Push(0);
        while (stack.Count > 0)
        {
            foreach (var n in next[stack.Pop()])
            {
                if (!seen[n])
                {
                    seen[n] = true;
                    stack.Push(n);
                }
            }
        }

        return seen;
    }
}
