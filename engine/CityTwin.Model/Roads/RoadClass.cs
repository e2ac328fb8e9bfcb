namespace CityTwin.Model.Roads;

/// <summary>The OSM <c>highway=*</c> class of a drivable road, from the most to the least important.</summary>
public enum RoadClass : byte
{
    /// <summary><c>motorway</c>.</summary>
    Motorway = 0,

    /// <summary><c>motorway_link</c>.</summary>
    MotorwayLink = 1,

    /// <summary><c>trunk</c>.</summary>
    Trunk = 2,

    /// <summary><c>trunk_link</c>.</summary>
    TrunkLink = 3,

    /// <summary><c>primary</c>.</summary>
    Primary = 4,

    /// <summary><c>primary_link</c>.</summary>
    PrimaryLink = 5,

    /// <summary><c>secondary</c>.</summary>
    Secondary = 6,

    /// <summary><c>secondary_link</c>.</summary>
    SecondaryLink = 7,

    /// <summary><c>tertiary</c>.</summary>
    Tertiary = 8,

    /// <summary><c>tertiary_link</c>.</summary>
    TertiaryLink = 9,

    /// <summary><c>unclassified</c>.</summary>
    Unclassified = 10,

    /// <summary><c>residential</c>.</summary>
    Residential = 11,

    /// <summary><c>living_street</c>.</summary>
    LivingStreet = 12,

    /// <summary><c>service</c>.</summary>
    Service = 13,

    /// <summary><c>road</c> (class not yet known to the mapper).</summary>
    Road = 14,
}
