using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Turns edge-to-edge movements into lane-to-lane connections: which lanes of the incoming edge serve a movement
/// (from <c>turn:lanes</c> when tagged, otherwise right turns from the rightmost lane, left turns and U-turns from the
/// leftmost, straight on from all), and which lanes of the outgoing edge they enter.
/// </summary>
/// <remarks>
/// Implementation note: every lane of an edge that has any movement gets at least one connection (a lane whose
/// tagged turn has no matching exit takes the movements of its nearest neighbour), so "every lane has a successor
/// or is a dead end" holds by construction, and the tests check it.
/// </remarks>
internal static class LaneConnector
{
    /// <summary>One lane-to-lane connection, with lane numbers local to their edges.</summary>
    /// <param name="FromLane">Lane of the incoming edge (0 = rightmost).</param>
    /// <param name="Out">Outgoing edge candidate.</param>
    /// <param name="ToLane">Lane of the outgoing edge.</param>
    /// <param name="Direction">Turn direction.</param>
    public readonly record struct LaneLink(int FromLane, int Out, int ToLane, TurnDirections Direction);

    /// <summary>Connects the lanes of one incoming edge.</summary>
    /// <param name="laneCount">Lanes of the incoming edge.</param>
    /// <param name="tagged">turn:lanes, leftmost first, or null.</param>
    /// <param name="movements">Its movements.</param>
    /// <param name="outLanes">Lane count of each outgoing edge candidate.</param>
    /// <param name="links">Output list (appended to), sorted by lane.</param>
    public static void Connect(int laneCount, TurnDirections[]? tagged, List<Movement> movements, Func<int, int> outLanes, List<LaneLink> links)
    {
        if (movements.Count == 0)
        {
            return;
        }

        // The movement closest to straight acts as "through" when nothing is classified through (e.g. a bent road).
        var hasThrough = false;
        var straightest = 0;
        for (var i = 0; i < movements.Count; i++)
        {
            hasThrough |= movements[i].Direction == TurnDirections.Through;
            if (Math.Abs(movements[i].AngleDeg) < Math.Abs(movements[straightest].AngleDeg))
            {
                straightest = i;
            }
        }

        var lanesOf = new List<int>[movements.Count];
        var served = new List<int>[laneCount];
        for (var i = 0; i < movements.Count; i++)
        {
            var dir = movements[i].Direction;
            var side = !hasThrough && i == straightest ? 0 : Side(dir);
            lanesOf[i] = (tagged != null ? TaggedLanes(tagged, dir, side) : null) ?? DefaultLanes(laneCount, side);
            foreach (var l in lanesOf[i])
            {
                (served[l] ??= new List<int>()).Add(i);
            }
        }

        // Lanes with no movement (tagged turn without a matching exit): borrow from the nearest served lane.
        for (var l = 0; l < laneCount; l++)
        {
            if (served[l] != null)
            {
                continue;
            }

            for (var d = 1; d < laneCount; d++)
            {
                var donor = l - d >= 0 && served[l - d] != null && served[l - d]!.Count > 0 ? l - d
                    : l + d < laneCount && served[l + d] != null && served[l + d]!.Count > 0 ? l + d : -1;
                if (donor >= 0)
                {
                    foreach (var i in served[donor]!)
                    {
                        lanesOf[i].Add(l);
                    }

                    break;
                }
            }
        }

        var start = links.Count;
        for (var i = 0; i < movements.Count; i++)
        {
            var source = lanesOf[i];
            source.Sort();
            var t = outLanes(movements[i].Out);
            var side = !hasThrough && i == straightest ? 0 : Side(movements[i].Direction);
            var s = source.Count;
            for (var k = 0; k < s; k++)
            {
                var to = side switch
                {
                    > 0 => Math.Min(k, t - 1),
                    < 0 => Math.Max(t - s + k, 0),
                    _ => Math.Min(k, t - 1),
                };
                links.Add(new LaneLink(source[k], movements[i].Out, to, movements[i].Direction));
            }

            if (side == 0 && s < t)
            {
                // Extra lanes on the outgoing edge are fed from the leftmost through lane.
                for (var to = s; to < t; to++)
                {
                    links.Add(new LaneLink(source[s - 1], movements[i].Out, to, movements[i].Direction));
                }
            }
        }

        links.Sort(start, links.Count - start, Comparer<LaneLink>.Create(static (a, b) =>
            a.FromLane != b.FromLane ? a.FromLane.CompareTo(b.FromLane) : a.Out != b.Out ? a.Out.CompareTo(b.Out) : a.ToLane.CompareTo(b.ToLane)));
    }

    /// <summary>-1 = left side, 0 = straight, +1 = right side.</summary>
    /// <param name="d">Direction.</param>
    /// <returns>The side.</returns>
    public static int Side(TurnDirections d) => d switch
    {
        TurnDirections.Right or TurnDirections.SharpRight or TurnDirections.SlightRight => 1,
        TurnDirections.Left or TurnDirections.SharpLeft or TurnDirections.SlightLeft or TurnDirections.UTurn => -1,
        _ => 0,
    };

    private static List<int> DefaultLanes(int laneCount, int side)
    {
        if (side > 0)
        {
            return [0];
        }

        if (side < 0)
        {
            return [laneCount - 1];
        }

        var all = new List<int>(laneCount);
        for (var l = 0; l < laneCount; l++)
        {
            all.Add(l);
        }

        return all;
    }

    private static List<int>? TaggedLanes(TurnDirections[] tagged, TurnDirections dir, int side)
    {
        var n = tagged.Length;
        List<int>? exact = null, similar = null;
        for (var pos = 0; pos < n; pos++)
        {
            var lane = n - 1 - pos; // tags are listed left to right; lane 0 is the rightmost
            if ((tagged[pos] & dir) != 0)
            {
                (exact ??= new List<int>()).Add(lane);
            }
            else if (Compatible(tagged[pos], side))
            {
                (similar ??= new List<int>()).Add(lane);
            }
        }

        return exact ?? similar;
    }

    private static bool Compatible(TurnDirections laneTags, int side)
    {
        const TurnDirections left = TurnDirections.Left | TurnDirections.SharpLeft | TurnDirections.SlightLeft | TurnDirections.UTurn;
        const TurnDirections right = TurnDirections.Right | TurnDirections.SharpRight | TurnDirections.SlightRight;
        const TurnDirections straight = TurnDirections.Through | TurnDirections.SlightLeft | TurnDirections.SlightRight |
                                        TurnDirections.MergeToLeft | TurnDirections.MergeToRight;
        return side switch
        {
            > 0 => (laneTags & right) != 0,
            < 0 => (laneTags & left) != 0,
            _ => (laneTags & straight) != 0,
        };
    }
}
