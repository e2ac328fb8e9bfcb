namespace CityTwin.Model.Roads;

/// <summary>Conversions between <see cref="RoadClass"/> and the OSM <c>highway=*</c> values it stands for.</summary>
public static class RoadClasses
{
    /// <summary>Maps a <c>highway=*</c> value (as in OSM, or in a netconvert edge type <c>highway.X</c> after the dot)
    /// to a drivable road class.</summary>
    /// <param name="highway">The value.</param>
    /// <param name="roadClass">The class; <see cref="RoadClass.Road"/> when the value is not a drivable class.</param>
    /// <returns>False for values that are not drivable road classes.</returns>
    public static bool TryParseHighway(ReadOnlySpan<char> highway, out RoadClass roadClass)
    {
        RoadClass? found = highway switch
        {
            "motorway" => RoadClass.Motorway,
            "motorway_link" => RoadClass.MotorwayLink,
            "trunk" => RoadClass.Trunk,
            "trunk_link" => RoadClass.TrunkLink,
            "primary" => RoadClass.Primary,
            "primary_link" => RoadClass.PrimaryLink,
            "secondary" => RoadClass.Secondary,
            "secondary_link" => RoadClass.SecondaryLink,
            "tertiary" => RoadClass.Tertiary,
            "tertiary_link" => RoadClass.TertiaryLink,
            "unclassified" => RoadClass.Unclassified,
            "residential" => RoadClass.Residential,
            "living_street" => RoadClass.LivingStreet,
            "service" => RoadClass.Service,
            "road" => RoadClass.Road,
            _ => null,
        };
        roadClass = found ?? RoadClass.Road;
        return found.HasValue;
    }

    /// <summary>The <c>highway=*</c> value a road class stands for (the inverse of <see cref="TryParseHighway"/>).</summary>
    /// <param name="roadClass">The class.</param>
    /// <returns>The OSM value, e.g. <c>living_street</c>.</returns>
    public static string ToHighway(RoadClass roadClass) => roadClass switch
    {
        RoadClass.MotorwayLink => "motorway_link",
        RoadClass.TrunkLink => "trunk_link",
        RoadClass.PrimaryLink => "primary_link",
        RoadClass.SecondaryLink => "secondary_link",
        RoadClass.TertiaryLink => "tertiary_link",
        RoadClass.LivingStreet => "living_street",
        _ => roadClass.ToString().ToLowerInvariant(),
    };
}
