namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// The OSM tags of a building that the archetype resolver reads, as raw strings (null when absent), plus its
/// footprint geometry. Mirrors what an OSM importer already has, without depending on it.
/// </summary>
public struct BuildingTags
{
    /// <summary><c>building=*</c>.</summary>
    public string? Building;

    /// <summary><c>amenity=*</c>.</summary>
    public string? Amenity;

    /// <summary><c>shop=*</c>.</summary>
    public string? Shop;

    /// <summary><c>building:levels=*</c>.</summary>
    public string? Levels;

    /// <summary><c>roof:levels=*</c>.</summary>
    public string? RoofLevels;

    /// <summary><c>height=*</c> (metres, or feet with <c>'</c> or <c>ft</c>).</summary>
    public string? Height;

    /// <summary><c>start_date=*</c> (or <c>building:year</c>, <c>construction_date</c>).</summary>
    public string? StartDate;

    /// <summary>Footprint area, m².</summary>
    public double FootprintAreaM2;

    /// <summary>Footprint perimeter, m (0 if unknown).</summary>
    public double PerimeterM;

    /// <summary>Azimuth of one façade's outward normal, degrees from north.</summary>
    public double FacadeAzimuthDeg;

    /// <summary>Share of the façade that is shared with neighbours (0–1).</summary>
    public double SharedWallFraction;

    /// <summary>Projected x, m.</summary>
    public double X;

    /// <summary>Projected y, m.</summary>
    public double Y;
}
