namespace CityTwin.Model.Buildings;

/// <summary>Broad use of a building, from <c>building</c>, <c>amenity</c>, <c>shop</c>, <c>office</c> tags.</summary>
public enum BuildingUse : byte
{
    /// <summary>Not known (<c>building=yes</c> and no use tags).</summary>
    Unknown = 0,

    /// <summary>Homes: house, apartments, residential, detached…</summary>
    Residential = 1,

    /// <summary>Offices.</summary>
    Office = 2,

    /// <summary>Shops and other commerce.</summary>
    Commercial = 3,

    /// <summary>Industry, warehouses.</summary>
    Industrial = 4,

    /// <summary>Schools, universities, kindergartens.</summary>
    Education = 5,

    /// <summary>Hospitals, clinics.</summary>
    Health = 6,

    /// <summary>Hotels and other accommodation.</summary>
    Hospitality = 7,

    /// <summary>Public and civic buildings.</summary>
    Public = 8,

    /// <summary>Churches, mosques, temples…</summary>
    Religious = 9,

    /// <summary>Garages, car parks.</summary>
    Parking = 10,

    /// <summary>Sheds, huts, roofs and other minor structures.</summary>
    Minor = 11,

    /// <summary>Anything else that is tagged.</summary>
    Other = 12,
}
