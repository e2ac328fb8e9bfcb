namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// The plain input of the building energy model: geometry, use and age of one building, in metres and degrees.
/// Deliberately independent of the city model and the ECS, so either can be mapped onto it.
/// </summary>
public struct BuildingDescription
{
    /// <summary>Footprint (and roof) area, m².</summary>
    public double FootprintAreaM2;

    /// <summary>Footprint perimeter, m; 0 means "unknown", then the perimeter of a square of the footprint area is used.</summary>
    public double PerimeterM;

    /// <summary>Storeys above ground (at least 1).</summary>
    public int Storeys;

    /// <summary>Height to the eaves, m; 0 means storeys × 3 m.</summary>
    public double HeightM;

    /// <summary>Gross floor area, m²; 0 means footprint × storeys.</summary>
    public double GrossFloorAreaM2;

    /// <summary>Use type.</summary>
    public BuildingUse Use;

    /// <summary>Year of construction (or of the last major renovation).</summary>
    public int ConstructionYear;

    /// <summary>
    /// Azimuth of the outward normal of one façade, degrees from north (e.g. the longest edge's normal); the four
    /// façades are taken at this azimuth + 0, 90, 180, 270°.
    /// </summary>
    public double FacadeAzimuthDeg;

    /// <summary>Share of the façade area that is a party wall shared with a neighbour (0–1), not exposed to outdoors.</summary>
    public double SharedWallFraction;

    /// <summary>Projected x of a representative point (e.g. centroid), m; used for feeder assignment.</summary>
    public double X;

    /// <summary>Projected y of a representative point, m.</summary>
    public double Y;
}
