namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>Which inputs of a building were missing or unparsable and fell back to a documented default.</summary>
[Flags]
public enum ArchetypeDefaults
{
    /// <summary>Everything came from tags.</summary>
    None = 0,

    /// <summary>No usable building/amenity/shop value: the default use was taken.</summary>
    Use = 1,

    /// <summary>No usable <c>building:levels</c> or <c>height</c>: the use's default storeys were taken.</summary>
    Storeys = 2,

    /// <summary>No usable <c>height</c>: storeys × 3 m.</summary>
    Height = 4,

    /// <summary>No usable <c>start_date</c>: the use's default construction year was taken.</summary>
    ConstructionYear = 8,
}
