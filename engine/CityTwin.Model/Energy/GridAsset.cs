using System.Runtime.InteropServices;
using CityTwin.Model.Geometry;

namespace CityTwin.Model.Energy;

/// <summary>What a mapped grid asset is.</summary>
public enum GridAssetKind : byte
{
    /// <summary><c>power=substation</c> (a node, or an area's centre).</summary>
    Substation,

    /// <summary><c>power=transformer</c> (a distribution transformer).</summary>
    Transformer,

    /// <summary><c>amenity=charging_station</c>.</summary>
    ChargingStation,
}

/// <summary>A substation, transformer or EV charging station mapped in OpenStreetMap (unmanaged: cached as bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct GridAsset
{
    /// <summary>OSM id of the node or way (ways: the area's centre).</summary>
    public long OsmId;

    /// <summary>Position, model metres.</summary>
    public PointM Position;

    /// <summary>Rated power, kW: a charging point's output (<c>charging_station:output</c>, <c>socket:*:output</c>) or a
    /// transformer's rating in kVA (<c>rating</c>); NaN when not tagged.</summary>
    public double PowerKW;

    /// <summary>Vehicles that can charge at once (<c>capacity</c>), or 0 when not tagged.</summary>
    public int Capacity;

    /// <summary>The kind.</summary>
    public GridAssetKind Kind;

    /// <summary>Whether it was mapped as a way (area) rather than a node.</summary>
    public bool FromWay;
}
