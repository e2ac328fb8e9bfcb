using CityTwin.Model.Roads;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Tags;

/// <summary>Interprets the tags of an OSM highway way for cars: class, direction, lanes, speed, access, turns.</summary>
internal static class RoadTags
{
    /// <summary>Skip reasons (also report reasons).</summary>
    public const string NotDrivable = "highway ways not drivable by car (footway, cycleway, path, track, steps…)";

    /// <summary>Skip reason.</summary>
    public const string AreaHighway = "highway areas (area=yes) skipped";

    /// <summary>Skip reason.</summary>
    public const string MinorService = "service roads skipped (parking_aisle, driveway, drive-through, emergency_access)";

    /// <summary>Skip reason.</summary>
    public const string NoCarAccess = "roads closed to cars skipped (access/motor_vehicle=no or private, bus-only)";

    /// <summary>Skip reason.</summary>
    public const string Reversible = "reversible or alternating one-way roads skipped (direction varies in time)";

    /// <summary>Classifies a way; returns null and a reason when it is not part of the car network.</summary>
    /// <param name="tags">The way's tags.</param>
    /// <param name="skipReason">Why the way is skipped (null when it is a road, or when it is not a highway at all).</param>
    /// <returns>The attributes, or null.</returns>
    public static RoadAttributes? Interpret(TagsCollectionBase? tags, out string? skipReason)
    {
        skipReason = null;
        var highway = TagValues.Get(tags, "highway");
        if (highway == null)
        {
            return null;
        }

        if (!TryClass(highway, out var roadClass))
        {
            skipReason = NotDrivable;
            return null;
        }

        if (TagValues.Get(tags, "area") == "yes")
        {
            skipReason = AreaHighway;
            return null;
        }

        if (roadClass == RoadClass.Service && TagValues.Get(tags, "service") is "parking_aisle" or "driveway" or "drive-through" or "emergency_access")
        {
            skipReason = MinorService;
            return null;
        }

        if (!CarsAllowed(tags))
        {
            skipReason = NoCarAccess;
            return null;
        }

        var junction = TagValues.Get(tags, "junction");
        var roundabout = junction is "roundabout" or "circular";
        var oneway = TagValues.Get(tags, "oneway");
        if (oneway is "reversible" or "alternating")
        {
            skipReason = Reversible;
            return null;
        }

        bool forward = true, backward = true;
        if (oneway is "yes" or "true" or "1")
        {
            backward = false;
        }
        else if (oneway is "-1" or "reverse")
        {
            forward = false;
        }
        else if (oneway is not "no" && (roundabout || roadClass is RoadClass.Motorway or RoadClass.MotorwayLink))
        {
            // Implied one-way (OSM wiki: roundabouts and motorways are one-way unless tagged oneway=no).
            backward = false;
        }

        var (lanesFwd, lanesBwd) = Lanes(tags, roadClass, forward, backward);
        var speedFwd = Speed(tags, roadClass, "maxspeed:forward");
        var speedBwd = Speed(tags, roadClass, "maxspeed:backward");
        var flags = EdgeFlags.None;
        if (TagValues.Get(tags, "lit") is "yes" or "24/7" or "automatic" or "sunset-sunrise" or "dusk-dawn")
        {
            flags |= EdgeFlags.Lit;
        }

        if (roundabout)
        {
            flags |= EdgeFlags.Roundabout;
        }

        if (!(forward && backward))
        {
            flags |= EdgeFlags.Oneway;
        }

        var turnsFwd = TurnLanesParser.Parse(TagValues.Get(tags, "turn:lanes:forward") ?? (backward && forward ? null : TagValues.Get(tags, "turn:lanes")));
        var turnsBwd = TurnLanesParser.Parse(TagValues.Get(tags, "turn:lanes:backward") ?? (forward ? null : TagValues.Get(tags, "turn:lanes")));
        var totalLanes = (forward ? lanesFwd : 0) + (backward ? lanesBwd : 0);
        var width = DefaultLaneWidthM(roadClass);
        if (TagValues.TryParseLengthM(TagValues.Get(tags, "width"), out var w) && totalLanes > 0)
        {
            width = Math.Clamp(w / totalLanes, 2.5, 4.0);
        }

        return new RoadAttributes
        {
            Class = roadClass,
            Forward = forward,
            Backward = backward,
            LanesForward = lanesFwd,
            LanesBackward = lanesBwd,
            SpeedForwardMps = speedFwd / 3.6,
            SpeedBackwardMps = speedBwd / 3.6,
            TurnsForward = turnsFwd != null && turnsFwd.Length == lanesFwd ? turnsFwd : null,
            TurnsBackward = turnsBwd != null && turnsBwd.Length == lanesBwd ? turnsBwd : null,
            LaneWidthM = width,
            Allowed = Vehicles(tags, roadClass),
            Flags = flags,
            Name = TagValues.Get(tags, "name"),
        };
    }

    /// <summary>Maps a <c>highway=*</c> value to a drivable road class.</summary>
    /// <param name="highway">The value.</param>
    /// <param name="roadClass">The class.</param>
    /// <returns>False for ways cars cannot use.</returns>
    public static bool TryClass(string highway, out RoadClass roadClass) => RoadClasses.TryParseHighway(highway, out roadClass);

    private static bool CarsAllowed(TagsCollectionBase? tags)
    {
        // The most specific tag wins: motorcar > motor_vehicle > vehicle > access.
        foreach (var key in (ReadOnlySpan<string>)["motorcar", "motor_vehicle", "vehicle", "access"])
        {
            var v = TagValues.Get(tags, key);
            if (v == null)
            {
                continue;
            }

            return v is not ("no" or "private" or "agricultural" or "forestry" or "psv" or "bus" or "emergency" or "use_sidepath" or "discouraged");
        }

        return true;
    }

    private static (int Forward, int Backward) Lanes(TagsCollectionBase? tags, RoadClass roadClass, bool forward, bool backward)
    {
        var haveTotal = TagValues.TryParseCount(TagValues.Get(tags, "lanes"), out var total) && total > 0;
        var haveFwd = TagValues.TryParseCount(TagValues.Get(tags, "lanes:forward"), out var fwd) && fwd > 0;
        var haveBwd = TagValues.TryParseCount(TagValues.Get(tags, "lanes:backward"), out var bwd) && bwd > 0;
        var fallback = roadClass is RoadClass.Motorway or RoadClass.Trunk ? 2 : 1;
        if (forward != backward)
        {
            var n = forward ? (haveFwd ? fwd : haveTotal ? total : fallback) : (haveBwd ? bwd : haveTotal ? total : fallback);
            return (Math.Clamp(n, 1, 8), Math.Clamp(n, 1, 8));
        }

        if (!haveFwd)
        {
            fwd = haveTotal ? (haveBwd ? total - bwd : (total + 1) / 2) : 1;
        }

        if (!haveBwd)
        {
            bwd = haveTotal ? total - fwd : 1;
        }

        return (Math.Clamp(fwd, 1, 8), Math.Clamp(bwd, 1, 8));
    }

    private static double Speed(TagsCollectionBase? tags, RoadClass roadClass, string directionalKey)
    {
        if (MaxSpeedParser.TryParse(TagValues.Get(tags, directionalKey), roadClass, out var kmh) ||
            MaxSpeedParser.TryParse(TagValues.Get(tags, "maxspeed"), roadClass, out kmh) ||
            MaxSpeedParser.TryParse(TagValues.Get(tags, "maxspeed:type"), roadClass, out kmh) ||
            MaxSpeedParser.TryParse(TagValues.Get(tags, "source:maxspeed"), roadClass, out kmh) ||
            MaxSpeedParser.TryParse(TagValues.Get(tags, "zone:maxspeed"), roadClass, out kmh))
        {
            return kmh;
        }

        return MaxSpeedParser.DefaultKmh(roadClass);
    }

    private static VehicleClasses Vehicles(TagsCollectionBase? tags, RoadClass roadClass)
    {
        var allowed = VehicleClasses.Passenger | VehicleClasses.Motorcycle | VehicleClasses.Bus | VehicleClasses.Truck |
                      VehicleClasses.Bicycle | VehicleClasses.Pedestrian;
        if (roadClass is RoadClass.Motorway or RoadClass.MotorwayLink)
        {
            allowed &= ~(VehicleClasses.Bicycle | VehicleClasses.Pedestrian);
        }

        if (TagValues.Get(tags, "hgv") is "no")
        {
            allowed &= ~VehicleClasses.Truck;
        }

        if (TagValues.Get(tags, "bicycle") is "no" or "use_sidepath")
        {
            allowed &= ~VehicleClasses.Bicycle;
        }

        if (TagValues.Get(tags, "foot") is "no" or "use_sidepath")
        {
            allowed &= ~VehicleClasses.Pedestrian;
        }

        return allowed;
    }

    private static double DefaultLaneWidthM(RoadClass roadClass) => roadClass switch
    {
        RoadClass.Motorway or RoadClass.Trunk or RoadClass.MotorwayLink => 3.5,
        RoadClass.Primary or RoadClass.Secondary or RoadClass.TrunkLink => 3.25,
        _ => 3.0,
    };
}
