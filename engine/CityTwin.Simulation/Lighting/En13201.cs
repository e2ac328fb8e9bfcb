namespace CityTwin.Simulation.Lighting;

/// <summary>
/// EN 13201-2:2015 requirement tables (as reproduced in energy.md §3.1) and a suggested mapping from OSM road class
/// to lighting class (energy.md §3.1, "ours, to refine", following CEN/TR 13201-1 selection by road type and speed).
/// </summary>
public static class En13201
{
    private const double NaN = double.NaN;

    private static readonly En13201Requirement[] Table =
    [
        new(LightingClass.M1, 2.00, 0.40, 0.70, 10, 0.35, NaN, NaN),
        new(LightingClass.M2, 1.50, 0.40, 0.70, 10, 0.35, NaN, NaN),
        new(LightingClass.M3, 1.00, 0.40, 0.60, 15, 0.30, NaN, NaN),
        new(LightingClass.M4, 0.75, 0.40, 0.60, 15, 0.30, NaN, NaN),
        new(LightingClass.M5, 0.50, 0.35, 0.40, 15, 0.30, NaN, NaN),
        new(LightingClass.M6, 0.30, 0.35, 0.40, 20, 0.30, NaN, NaN),
        new(LightingClass.C0, NaN, 0.40, NaN, NaN, NaN, 50, NaN),
        new(LightingClass.C1, NaN, 0.40, NaN, NaN, NaN, 30, NaN),
        new(LightingClass.C2, NaN, 0.40, NaN, NaN, NaN, 20, NaN),
        new(LightingClass.C3, NaN, 0.40, NaN, NaN, NaN, 15, NaN),
        new(LightingClass.C4, NaN, 0.40, NaN, NaN, NaN, 10, NaN),
        new(LightingClass.C5, NaN, 0.40, NaN, NaN, NaN, 7.5, NaN),
        new(LightingClass.P1, NaN, NaN, NaN, NaN, NaN, 15, 3.0),
        new(LightingClass.P2, NaN, NaN, NaN, NaN, NaN, 10, 2.0),
        new(LightingClass.P3, NaN, NaN, NaN, NaN, NaN, 7.5, 1.5),
        new(LightingClass.P4, NaN, NaN, NaN, NaN, NaN, 5.0, 1.0),
        new(LightingClass.P5, NaN, NaN, NaN, NaN, NaN, 3.0, 0.6),
        new(LightingClass.P6, NaN, NaN, NaN, NaN, NaN, 2.0, 0.4),
        new(LightingClass.P7, NaN, NaN, NaN, NaN, NaN, NaN, NaN),
    ];

    /// <summary>The requirement of a class.</summary>
    /// <param name="lightingClass">The class.</param>
    /// <returns>Its minimum maintained values.</returns>
    public static En13201Requirement Requirement(LightingClass lightingClass) => Table[(int)lightingClass];

    /// <summary>
    /// Lighting class of a road from its OSM <c>highway</c> value: motorway/trunk M2 (M1–M2), primary M3, secondary M4,
    /// tertiary M5, residential/unclassified P3, living street and paths P4 (the middle of energy.md's ranges); null for
    /// non-road values.
    /// </summary>
    /// <param name="highway">The <c>highway=*</c> value.</param>
    /// <returns>The class, or null.</returns>
    public static LightingClass? ForHighway(string? highway) => highway?.Trim().ToLowerInvariant() switch
    {
        "motorway" or "trunk" or "motorway_link" or "trunk_link" => LightingClass.M2,
        "primary" or "primary_link" => LightingClass.M3,
        "secondary" or "secondary_link" => LightingClass.M4,
        "tertiary" or "tertiary_link" => LightingClass.M5,
        "residential" or "unclassified" or "service" => LightingClass.P3,
        "living_street" or "pedestrian" or "footway" or "cycleway" or "path" => LightingClass.P4,
        _ => null,
    };

    /// <summary>
    /// The conflict-area class for a junction: the C class of comparable illuminance one step above the approach
    /// road (energy.md §3.1; M→C equivalence for an average road surface Q0, CEN/TR 13201-1 Table 2).
    /// </summary>
    /// <param name="approach">The higher-class approach road.</param>
    /// <returns>A C class.</returns>
    public static LightingClass ConflictAreaClass(LightingClass approach) => approach switch
    {
        LightingClass.M1 or LightingClass.M2 => LightingClass.C0,
        LightingClass.M3 => LightingClass.C1,
        LightingClass.M4 => LightingClass.C2,
        LightingClass.M5 => LightingClass.C3,
        LightingClass.M6 => LightingClass.C4,
        _ => LightingClass.C4,
    };
}
