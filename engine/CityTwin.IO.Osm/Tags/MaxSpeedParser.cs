using System.Globalization;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Tags;

/// <summary>Parses OSM <c>maxspeed</c> values and gives defaults by road class.</summary>
/// <remarks>
/// Accepted: "50", "50 km/h", "50kmh", "30 mph", "walk", "none", country zone codes "XX:urban", "XX:rural",
/// "XX:motorway", "XX:trunk", "XX:living_street", "XX:zone30", "XX:zone:30", "XX:bicycle_road", and lists "50;30"
/// (the first value wins). Zone values follow the OSM wiki's "Default speed limits" table for the countries we
/// import; an unknown country falls back to the generic urban/rural/motorway figures.
/// </remarks>
internal static class MaxSpeedParser
{
    private const double MphToKmh = 1.609344;

    /// <summary>Walking pace for <c>maxspeed=walk</c> and living streets (German "Schrittgeschwindigkeit").</summary>
    public const double WalkKmh = 7;

    /// <summary>Parses a value in km/h; false when the value is missing or not understood.</summary>
    /// <param name="value">The tag value.</param>
    /// <param name="roadClass">Road class, for "none" and "signals".</param>
    /// <param name="kmh">The speed limit, km/h.</param>
    /// <returns>Whether the value was understood.</returns>
    public static bool TryParse(string? value, RoadClass roadClass, out double kmh)
    {
        kmh = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var v = value.Trim();
        var semicolon = v.IndexOf(';', StringComparison.Ordinal);
        if (semicolon > 0)
        {
            v = v[..semicolon].Trim();
        }

        v = v.ToLowerInvariant();
        if (v == "walk")
        {
            kmh = WalkKmh;
            return true;
        }

        if (v == "none")
        {
            // Unlimited (German Autobahn): use the advisory speed.
            kmh = 130;
            return true;
        }

        var colon = v.IndexOf(':', StringComparison.Ordinal);
        if (colon == 2 || colon == 3)
        {
            return TryZone(v[..colon], v[(colon + 1)..], out kmh);
        }

        var factor = 1.0;
        if (v.EndsWith("mph", StringComparison.Ordinal))
        {
            factor = MphToKmh;
            v = v[..^3];
        }
        else if (v.EndsWith("km/h", StringComparison.Ordinal))
        {
            v = v[..^4];
        }
        else if (v.EndsWith("kmh", StringComparison.Ordinal) || v.EndsWith("kph", StringComparison.Ordinal))
        {
            v = v[..^3];
        }
        else if (v.EndsWith("knots", StringComparison.Ordinal))
        {
            factor = 1.852;
            v = v[..^5];
        }

        if (double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && n < 400)
        {
            kmh = n * factor;
            return true;
        }

        return false;
    }

    /// <summary>Default limit for a road class when nothing is tagged (urban values: the twin models cities).</summary>
    /// <param name="roadClass">Road class.</param>
    /// <returns>km/h.</returns>
    public static double DefaultKmh(RoadClass roadClass) => roadClass switch
    {
        RoadClass.Motorway => 130,
        RoadClass.MotorwayLink => 80,
        RoadClass.Trunk => 100,
        RoadClass.TrunkLink => 60,
        RoadClass.LivingStreet => WalkKmh,
        RoadClass.Service => 20,
        _ => 50,
    };

    private static bool TryZone(string country, string zone, out double kmh)
    {
        kmh = 0;
        if (zone.StartsWith("zone", StringComparison.Ordinal))
        {
            var digits = zone[4..].TrimStart(':');
            if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var z) && z > 0)
            {
                kmh = country is "gb" or "uk" ? z * MphToKmh : z;
                return true;
            }

            return false;
        }

        kmh = (country, zone) switch
        {
            (_, "living_street") => WalkKmh,
            ("de", "bicycle_road") or (_, "bicycle_road") => 30,
            ("gb" or "uk", "nsl_single") => 60 * MphToKmh,
            ("gb" or "uk", "nsl_dual" or "motorway") => 70 * MphToKmh,
            ("gb" or "uk", "urban") => 30 * MphToKmh,
            ("de", "rural") or ("at", "rural") => 100,
            ("de", "motorway") => 130,
            ("fr", "rural") => 80,
            ("it", "rural") or ("es", "rural") => 90,
            ("ch", "rural") or ("fi", "rural") or ("nl", "rural") or ("dk", "rural") or ("se", "rural") => 80,
            ("ch", "motorway") => 120,
            ("fi", "motorway") or ("se", "motorway") => 120,
            ("fr" or "it" or "at" or "nl" or "dk", "motorway") => 130,
            ("fr", "trunk") => 110,
            (_, "trunk") => 100,
            (_, "urban") => 50,
            (_, "rural") => 90,
            (_, "motorway") => 120,
            _ => 0,
        };
        return kmh > 0;
    }
}
