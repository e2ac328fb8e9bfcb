using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Roads;

/// <summary>A directed edge before connectivity filtering and renumbering.</summary>
internal sealed class EdgeCandidate
{
    /// <summary>Segment it was built from.</summary>
    public required int Segment { get; init; }

    /// <summary>Whether it runs against the way's node order.</summary>
    public required bool Reverse { get; init; }

    /// <summary>Junction cluster at the start.</summary>
    public required int FromJunction { get; init; }

    /// <summary>Junction cluster at the end.</summary>
    public required int ToJunction { get; init; }

    /// <summary>Graph node at the start.</summary>
    public required int FromNode { get; init; }

    /// <summary>Graph node at the end.</summary>
    public required int ToNode { get; init; }

    /// <summary>Geometry in driving order.</summary>
    public required PointM[] Points { get; init; }

    /// <summary>Length, metres.</summary>
    public required double LengthM { get; init; }

    /// <summary>Lanes.</summary>
    public required int LaneCount { get; init; }

    /// <summary>Speed limit, m/s.</summary>
    public required double SpeedMps { get; init; }

    /// <summary>turn:lanes for this direction (leftmost first) or null.</summary>
    public required TurnDirections[]? Turns { get; init; }

    /// <summary>Flags.</summary>
    public required EdgeFlags Flags { get; init; }

    /// <summary>Way attributes.</summary>
    public required RoadAttributes Attributes { get; init; }

    /// <summary>OSM way id.</summary>
    public required long WayId { get; init; }

    /// <summary>Heading at the end (direction of travel), radians.</summary>
    public double EndHeadingRad => Heading(Points, atEnd: true);

    /// <summary>Heading at the start (direction of travel), radians.</summary>
    public double StartHeadingRad => Heading(Points, atEnd: false);

    /// <summary>A point about 15 m from the given end, for the edge's position around its junction.</summary>
    /// <param name="atEnd">Near the end (incoming side) or the start (outgoing side).</param>
    /// <returns>The point.</returns>
    public PointM PointNear(bool atEnd)
    {
        var walked = 0.0;
        for (var k = 1; k < Points.Length; k++)
        {
            var a = atEnd ? Points[^k] : Points[k - 1];
            var b = atEnd ? Points[^(k + 1)] : Points[k];
            walked += a.DistanceTo(b);
            if (walked >= 15)
            {
                return b;
            }
        }

        return atEnd ? Points[0] : Points[^1];
    }

    private static double Heading(PointM[] points, bool atEnd)
    {
        // Direction over the last (first) ~10 m: a single short vertex pair is too noisy for turn classification.
        PointM from, to;
        if (atEnd)
        {
            to = points[^1];
            from = points[^2];
            for (var k = points.Length - 2; k >= 0 && to.DistanceTo(points[k]) < 10; k--)
            {
                from = points[k];
            }
        }
        else
        {
            from = points[0];
            to = points[1];
            for (var k = 1; k < points.Length && from.DistanceTo(points[k]) < 10; k++)
            {
                to = points[k];
            }
        }

        return Math.Atan2(to.YM - from.YM, to.XM - from.XM);
    }
}
