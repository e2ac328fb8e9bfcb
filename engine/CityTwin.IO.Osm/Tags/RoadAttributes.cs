using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Tags;

/// <summary>The drivable attributes of one OSM highway way, per direction (forward = the way's node order).</summary>
internal sealed class RoadAttributes
{
    /// <summary>Road class.</summary>
    public RoadClass Class { get; init; }

    /// <summary>Cars may drive in the way's direction.</summary>
    public bool Forward { get; init; }

    /// <summary>Cars may drive against the way's direction.</summary>
    public bool Backward { get; init; }

    /// <summary>Lanes in the way's direction.</summary>
    public int LanesForward { get; init; }

    /// <summary>Lanes against the way's direction.</summary>
    public int LanesBackward { get; init; }

    /// <summary>Speed limit in the way's direction, m/s.</summary>
    public double SpeedForwardMps { get; init; }

    /// <summary>Speed limit against the way's direction, m/s.</summary>
    public double SpeedBackwardMps { get; init; }

    /// <summary>Per-lane turns (leftmost first) in the way's direction, or null.</summary>
    public TurnDirections[]? TurnsForward { get; init; }

    /// <summary>Per-lane turns (leftmost first) against the way's direction, or null.</summary>
    public TurnDirections[]? TurnsBackward { get; init; }

    /// <summary>Lane width, metres.</summary>
    public double LaneWidthM { get; init; }

    /// <summary>Allowed vehicle classes.</summary>
    public VehicleClasses Allowed { get; init; }

    /// <summary>Lit, roundabout and one-way flags.</summary>
    public EdgeFlags Flags { get; init; }

    /// <summary>Street name or null.</summary>
    public string? Name { get; init; }
}
