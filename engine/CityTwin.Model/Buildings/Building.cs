using CityTwin.Model.Geometry;

namespace CityTwin.Model.Buildings;

/// <summary>A building: scalar attributes plus a footprint stored as rings in <see cref="BuildingSet"/>.</summary>
public struct Building
{
    /// <summary>OSM id of the way or relation.</summary>
    public long OsmId;

    /// <summary>Footprint area, square metres (NetTopologySuite planar area in the projected plane).</summary>
    public double AreaM2;

    /// <summary>A point inside the footprint, projected metres.</summary>
    public PointM InteriorPoint;

    /// <summary>First ring in <see cref="BuildingSet.Rings"/>.</summary>
    public int FirstRing;

    /// <summary>Number of rings (shells and holes).</summary>
    public int RingCount;

    /// <summary>Index of the raw <c>building=*</c> value in <see cref="BuildingSet.Strings"/>.</summary>
    public int BuildingTagIndex;

    /// <summary>Height, metres (see <see cref="HeightSource"/>).</summary>
    public float HeightM;

    /// <summary>Storeys above ground (tagged, or derived from the height, or the default).</summary>
    public short Levels;

    /// <summary>Construction year from <c>start_date</c>, or 0 when unknown.</summary>
    public short StartYear;

    /// <summary>Broad use.</summary>
    public BuildingUse Use;

    /// <summary>Where <see cref="HeightM"/> came from.</summary>
    public HeightSource HeightSource;

    /// <summary>Whether the footprint came from a multipolygon relation (otherwise from a closed way).</summary>
    public bool FromRelation;
}
