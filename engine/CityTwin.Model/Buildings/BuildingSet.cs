using CityTwin.Model.Geometry;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Buildings;

/// <summary>The immutable building inventory: attributes per building, footprints as flat ring and point arrays.</summary>
public sealed class BuildingSet
{
    private readonly Building[] _buildings;
    private readonly FootprintRing[] _rings;
    private readonly PointM[] _points;
    private readonly string[] _strings;

    /// <summary>Creates the set from its arrays (ownership passes to the set) and checks every index.</summary>
    /// <param name="buildings">Buildings.</param>
    /// <param name="rings">Footprint rings, grouped by building.</param>
    /// <param name="points">Ring points.</param>
    /// <param name="strings">Raw tag values referenced by <see cref="Building.BuildingTagIndex"/>.</param>
    /// <exception cref="InvalidDataException">An index points outside its array.</exception>
    public BuildingSet(Building[] buildings, FootprintRing[] rings, PointM[] points, string[] strings)
    {
        _buildings = buildings;
        _rings = rings;
        _points = points;
        _strings = strings;
        for (var i = 0; i < buildings.Length; i++)
        {
            ref readonly var b = ref buildings[i];
            if (b.FirstRing < 0 || b.RingCount < 1 || b.FirstRing + b.RingCount > rings.Length ||
                b.BuildingTagIndex < 0 || b.BuildingTagIndex >= strings.Length)
            {
                throw new InvalidDataException($"Building {i} (OSM {b.OsmId}) has an invalid ring or tag index.");
            }

            TotalAreaM2 += b.AreaM2;
        }

        foreach (ref readonly var r in rings.AsSpan())
        {
            if (r.FirstPoint < 0 || r.PointCount < 4 || r.FirstPoint + r.PointCount > points.Length)
            {
                throw new InvalidDataException("A building ring has an invalid point range.");
            }
        }
    }

    /// <summary>An empty set.</summary>
    public static BuildingSet Empty { get; } = new([], [], [], []);

    /// <summary>Buildings.</summary>
    public ReadOnlySpan<Building> Buildings => _buildings;

    /// <summary>Footprint rings (see <see cref="Building.FirstRing"/>).</summary>
    public ReadOnlySpan<FootprintRing> Rings => _rings;

    /// <summary>Ring points, projected metres.</summary>
    public ReadOnlySpan<PointM> Points => _points;

    /// <summary>Raw tag values (see <see cref="Building.BuildingTagIndex"/>).</summary>
    public IReadOnlyList<string> Strings => _strings;

    /// <summary>Number of buildings.</summary>
    public int Count => _buildings.Length;

    /// <summary>Sum of the footprint areas, square metres.</summary>
    public double TotalAreaM2 { get; }

    /// <summary>Builds the footprint of one building as a NetTopologySuite polygon or multipolygon.</summary>
    /// <param name="building">Building index.</param>
    /// <param name="factory">Factory to create the geometry with (its SRID is the caller's business).</param>
    /// <returns>A <see cref="Polygon"/> or <see cref="MultiPolygon"/> in projected metres.</returns>
    public NetTopologySuite.Geometries.Geometry GetFootprint(int building, GeometryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ref readonly var b = ref _buildings[building];
        var polygons = new List<Polygon>();
        var i = b.FirstRing;
        var end = b.FirstRing + b.RingCount;
        while (i < end)
        {
            var shell = factory.CreateLinearRing(ToCoordinates(_rings[i]));
            var holes = new List<LinearRing>();
            var polygon = _rings[i].Polygon;
            i++;
            while (i < end && _rings[i].Polygon == polygon)
            {
                holes.Add(factory.CreateLinearRing(ToCoordinates(_rings[i])));
                i++;
            }

            polygons.Add(factory.CreatePolygon(shell, holes.ToArray()));
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons.ToArray());
    }

    internal Building[] BuildingArray => _buildings;

    internal FootprintRing[] RingArray => _rings;

    internal PointM[] PointArray => _points;

    internal string[] StringArray => _strings;

    private Coordinate[] ToCoordinates(FootprintRing ring)
    {
        var coords = new Coordinate[ring.PointCount];
        for (var k = 0; k < coords.Length; k++)
        {
            var p = _points[ring.FirstPoint + k];
            coords[k] = new Coordinate(p.XM, p.YM);
        }

        return coords;
    }
}
