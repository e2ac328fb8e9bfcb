using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Decides each junction's kind, each connection's control, and the conflicts between connections with who yields.
/// </summary>
/// <remarks>
/// Implementation note: conflicts are found topologically, as in SUMO's right-of-way model: every incoming and
/// outgoing edge gets a position (angle) on a circle around the junction, incoming edges just counter-clockwise of
/// outgoing ones on the same arm (right-hand traffic). Two movements cross when exactly one end of one lies strictly
/// inside the counter-clockwise arc of the other; they merge when they enter the same lane. The yielding side is
/// decided once per pair, so exactly one of the two yields: lower road rank yields (stop and give-way approaches
/// rank lowest, roundabout circulation highest); at equal rank, or under signals, a left turn yields to a straight
/// or right move, a turn yields to a straight move when merging, and otherwise the vehicle with the other on its
/// right yields (right before left).
/// </remarks>
internal static class JunctionRules
{
    private const double RightBeforeLeftMaxSpeedMps = 49 / 3.6; // netconvert --junctions.right-before-left.speed-threshold

    /// <summary>Applies the rules.</summary>
    /// <param name="junctions">Junctions (Kind is set here).</param>
    /// <param name="edges">Edges.</param>
    /// <param name="connections">Connections (Control, FirstConflict, ConflictCount set here), grouped by junction order of their lanes.</param>
    /// <param name="armAngleIn">Angle of each edge's incoming end around its end junction, radians.</param>
    /// <param name="armAngleOut">Angle of each edge's outgoing end around its start junction, radians.</param>
    /// <param name="signalised">Whether each junction has signals.</param>
    /// <param name="allWayStop">Whether each junction is tagged as an all-way stop.</param>
    /// <returns>The conflicts, grouped by connection.</returns>
    public static Conflict[] Apply(
        Junction[] junctions, Edge[] edges, Connection[] connections,
        double[] armAngleIn, double[] armAngleOut, bool[] signalised, bool[] allWayStop)
    {
        var incoming = Group(edges, junctions.Length, e => e.ToJunction);
        var outgoing = Group(edges, junctions.Length, e => e.FromJunction);
        var byJunction = new List<int>[junctions.Length];
        for (var c = 0; c < connections.Length; c++)
        {
            (byJunction[connections[c].Junction] ??= new List<int>()).Add(c);
        }

        var rank = new int[edges.Length];
        for (var e = 0; e < edges.Length; e++)
        {
            rank[e] = Rank(edges[e]);
        }

        var perConnection = new List<Conflict>[connections.Length];
        for (var j = 0; j < junctions.Length; j++)
        {
            var ins = incoming[j];
            var kind = Kind(j, ins, outgoing[j], edges, rank, signalised[j], allWayStop[j]);
            junctions[j].Kind = kind;
            var maxRank = int.MinValue;
            foreach (var e in ins)
            {
                maxRank = Math.Max(maxRank, rank[e]);
            }

            var list = byJunction[j];
            if (list == null)
            {
                continue;
            }

            foreach (var c in list)
            {
                ref var conn = ref connections[c];
                var from = edges[conn.FromEdge];
                conn.Control = kind switch
                {
                    JunctionKind.TrafficSignals => LinkControl.Signal,
                    JunctionKind.AllWayStop => LinkControl.AllWayStop,
                    JunctionKind.RightBeforeLeft => LinkControl.RightBeforeLeft,
                    _ when rank[conn.FromEdge] == maxRank => LinkControl.Major,
                    _ when (from.Flags & EdgeFlags.StopAtEnd) != 0 => LinkControl.Stop,
                    _ => LinkControl.Minor,
                };
            }

            for (var x = 0; x < list.Count; x++)
            {
                for (var y = x + 1; y < list.Count; y++)
                {
                    var a = list[x];
                    var b = list[y];
                    ref readonly var ca = ref connections[a];
                    ref readonly var cb = ref connections[b];
                    if (ca.FromEdge == cb.FromEdge)
                    {
                        continue;
                    }

                    ConflictKind conflict;
                    if (ca.ToLane == cb.ToLane)
                    {
                        conflict = ConflictKind.Merging;
                    }
                    else if (ca.ToEdge != cb.ToEdge && Crosses(
                        armAngleIn[ca.FromEdge], armAngleOut[ca.ToEdge], armAngleIn[cb.FromEdge], armAngleOut[cb.ToEdge]))
                    {
                        conflict = ConflictKind.Crossing;
                    }
                    else
                    {
                        continue;
                    }

                    var aYields = Yields(kind, conflict, ca, cb, rank, armAngleIn);
                    (perConnection[a] ??= new List<Conflict>()).Add(new Conflict { Foe = b, Kind = conflict, MustYield = aYields });
                    (perConnection[b] ??= new List<Conflict>()).Add(new Conflict { Foe = a, Kind = conflict, MustYield = !aYields });
                }
            }
        }

        var all = new List<Conflict>();
        for (var c = 0; c < connections.Length; c++)
        {
            connections[c].FirstConflict = all.Count;
            connections[c].ConflictCount = perConnection[c]?.Count ?? 0;
            if (perConnection[c] != null)
            {
                all.AddRange(perConnection[c]);
            }
        }

        return all.ToArray();
    }

    /// <summary>Whether chord (a1→a2) crosses chord (b1→b2) on the circle (angles in radians, all distinct).</summary>
    /// <param name="a1">Start of a.</param>
    /// <param name="a2">End of a.</param>
    /// <param name="b1">Start of b.</param>
    /// <param name="b2">End of b.</param>
    /// <returns>True when they cross.</returns>
    public static bool Crosses(double a1, double a2, double b1, double b2) => InArc(a1, a2, b1) != InArc(a1, a2, b2);

    /// <summary>Importance of an edge's approach for right of way.</summary>
    /// <param name="e">Edge.</param>
    /// <returns>Higher = more important.</returns>
    public static int Rank(in Edge e)
    {
        var r = e.Class switch
        {
            RoadClass.Motorway => 10,
            RoadClass.Trunk => 9,
            RoadClass.Primary or RoadClass.MotorwayLink => 8,
            RoadClass.Secondary or RoadClass.TrunkLink => 7,
            RoadClass.Tertiary or RoadClass.PrimaryLink => 6,
            RoadClass.SecondaryLink => 5,
            RoadClass.Unclassified or RoadClass.TertiaryLink => 4,
            RoadClass.Residential or RoadClass.Road => 3,
            RoadClass.LivingStreet => 2,
            _ => 1,
        };
        if ((e.Flags & EdgeFlags.Roundabout) != 0)
        {
            r += 100;
        }

        if ((e.Flags & (EdgeFlags.StopAtEnd | EdgeFlags.GiveWayAtEnd)) != 0)
        {
            r -= 50;
        }

        return r;
    }

    private static JunctionKind Kind(int j, List<int> ins, List<int> outs, Edge[] edges, int[] rank, bool signalised, bool allWay)
    {
        var neighbours = new HashSet<int>();
        foreach (var e in ins)
        {
            neighbours.Add(edges[e].FromJunction);
        }

        foreach (var e in outs)
        {
            neighbours.Add(edges[e].ToJunction);
        }

        neighbours.Remove(j);
        if (signalised)
        {
            return JunctionKind.TrafficSignals;
        }

        foreach (var e in ins)
        {
            if ((edges[e].Flags & EdgeFlags.Roundabout) != 0)
            {
                return JunctionKind.Roundabout;
            }
        }

        if (neighbours.Count <= 1)
        {
            return JunctionKind.DeadEnd;
        }

        var allStop = ins.Count >= 3;
        var sameRank = true;
        var slow = true;
        foreach (var e in ins)
        {
            allStop &= (edges[e].Flags & EdgeFlags.StopAtEnd) != 0;
            sameRank &= rank[e] == rank[ins[0]];
            slow &= edges[e].SpeedLimitMps < RightBeforeLeftMaxSpeedMps;
        }

        if (allWay || allStop)
        {
            return JunctionKind.AllWayStop;
        }

        return sameRank && slow && neighbours.Count >= 3 ? JunctionKind.RightBeforeLeft : JunctionKind.Priority;
    }

    private static bool Yields(JunctionKind kind, ConflictKind conflict, in Connection a, in Connection b, int[] rank, double[] armAngleIn)
    {
        var useRank = kind is JunctionKind.Priority or JunctionKind.Roundabout or JunctionKind.DeadEnd;
        if (useRank && rank[a.FromEdge] != rank[b.FromEdge])
        {
            return rank[a.FromEdge] < rank[b.FromEdge];
        }

        int sideA = LaneConnector.Side(a.Direction), sideB = LaneConnector.Side(b.Direction);
        var opposite = Math.Abs(Math.Abs(Ccw(armAngleIn[a.FromEdge], armAngleIn[b.FromEdge])) - Math.PI) < Math.PI / 6;
        if (kind != JunctionKind.RightBeforeLeft || opposite)
        {
            if (sideA < 0 && sideB >= 0)
            {
                return true;
            }

            if (sideB < 0 && sideA >= 0)
            {
                return false;
            }

            if (conflict == ConflictKind.Merging && (sideA == 0) != (sideB == 0))
            {
                return sideA != 0;
            }
        }

        // Right before left: a yields when b approaches from a's right (b's arm lies counter-clockwise within 180°).
        var d = Ccw(armAngleIn[a.FromEdge], armAngleIn[b.FromEdge]);
        return d > 0 && d < Math.PI;
    }

    private static double Ccw(double from, double to)
    {
        var d = (to - from) % (2 * Math.PI);
        return d < 0 ? d + (2 * Math.PI) : d;
    }

    private static bool InArc(double from, double to, double x)
    {
        var span = Ccw(from, to);
        var at = Ccw(from, x);
        return at > 0 && at < span;
    }

    private static List<int>[] Group(Edge[] edges, int junctionCount, Func<Edge, int> key)
    {
        var result = new List<int>[junctionCount];
        for (var j = 0; j < junctionCount; j++)
        {
            result[j] = new List<int>();
        }

        for (var e = 0; e < edges.Length; e++)
        {
            result[key(edges[e])].Add(e);
        }

        return result;
    }
}
