namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Building use types, after City Energy Analyst's CH use database (<c>ARCHETYPES/USE/USE_TYPES.csv</c>,
/// energy.md §1.3). CEA's FOODSTORE is folded into <see cref="Retail"/>, UNIVERSITY into <see cref="School"/>,
/// LIBRARY and MUSEUM into <see cref="Office"/>; PARKING and the other unheated types are <see cref="Unconditioned"/>.
/// </summary>
public enum BuildingUse : byte
{
    /// <summary>Apartments (CEA MULTI_RES).</summary>
    MultiResidential,

    /// <summary>Houses (CEA SINGLE_RES).</summary>
    SingleResidential,

    /// <summary>Offices, public administration, libraries, museums (CEA OFFICE).</summary>
    Office,

    /// <summary>Shops and supermarkets (CEA RETAIL, FOODSTORE).</summary>
    Retail,

    /// <summary>Schools, kindergartens, universities (CEA SCHOOL, UNIVERSITY).</summary>
    School,

    /// <summary>Hospitals and clinics (CEA HOSPITAL).</summary>
    Hospital,

    /// <summary>Hotels (CEA HOTEL).</summary>
    Hotel,

    /// <summary>Restaurants, cafés, bars (CEA RESTAURANT).</summary>
    Restaurant,

    /// <summary>Industrial buildings (CEA INDUSTRIAL).</summary>
    Industrial,

    /// <summary>Sports halls (CEA GYM).</summary>
    Gym,

    /// <summary>Not heated or cooled: garages, sheds, roofs, transformer towers (CEA PARKING and unmapped types).</summary>
    Unconditioned,
}
