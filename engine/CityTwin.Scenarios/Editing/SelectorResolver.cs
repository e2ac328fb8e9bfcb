using CityTwin.Model;
using CityTwin.Model.Geometry;
using CityTwin.Scenarios.Definition;

namespace CityTwin.Scenarios.Editing;

/// <summary>
/// Finds what a <see cref="Selector"/> names in a city: edges, junctions, street lamps or buildings. Every criterion
/// that matches nothing is reported (a misspelt street or a wrong OSM id must not silently do nothing).
/// </summary>
public sealed class SelectorResolver
{
    private readonly CityModel _city;
    private readonly Dictionary<long, List<int>> _edgesByWay = [];
    private readonly Dictionary<string, List<int>> _edgesByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, int> _junctionByNode = [];

    /// <summary>Indexes a city.</summary>
    /// <param name="city">The city.</param>
    public SelectorResolver(CityModel city)
    {
        ArgumentNullException.ThrowIfNull(city);
        _city = city;
        var roads = city.Roads;
        for (var e = 0; e < roads.Edges.Length; e++)
        {
            var edge = roads.Edges[e];
            if (edge.OsmWayId != 0)
            {
                (_edgesByWay.TryGetValue(edge.OsmWayId, out var list) ? list : _edgesByWay[edge.OsmWayId] = []).Add(e);
            }

            if (edge.NameIndex >= 0)
            {
                var name = roads.Names[edge.NameIndex];
                (_edgesByName.TryGetValue(name, out var list) ? list : _edgesByName[name] = []).Add(e);
            }
        }

        for (var j = 0; j < roads.Junctions.Length; j++)
        {
            if (roads.Junctions[j].OsmNodeId != 0)
            {
                _junctionByNode.TryAdd(roads.Junctions[j].OsmNodeId, j);
            }
        }
    }

    /// <summary>Edges named by OSM way, street, edge index or polygon (edge midpoint inside).</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="problems">Criteria that matched nothing.</param>
    /// <returns>Edge indices, ascending.</returns>
    public SortedSet<int> Edges(Selector selector, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var result = new SortedSet<int>();
        foreach (var way in selector.OsmWays)
        {
            if (_edgesByWay.TryGetValue(way, out var list))
            {
                result.UnionWith(list);
            }
            else
            {
                problems.Add($"osmWay {way} matches no road of the city");
            }
        }

        foreach (var street in selector.Streets)
        {
            if (_edgesByName.TryGetValue(street, out var list))
            {
                result.UnionWith(list);
            }
            else
            {
                var close = _edgesByName.Keys.Where(n => n.Contains(street, StringComparison.OrdinalIgnoreCase) ||
                    street.Contains(n, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(3).ToList();
                problems.Add($"street '{street}' matches no road name" + (close.Count > 0 ? $" (similar: {string.Join(", ", close.Select(c => $"'{c}'"))})" : ""));
            }
        }

        var edgeCount = _city.Roads.Edges.Length;
        foreach (var edge in selector.Edges)
        {
            if (edge < edgeCount)
            {
                result.Add((int)edge);
            }
            else
            {
                problems.Add($"edge {edge} does not exist (the city has edges 0…{edgeCount - 1})");
            }
        }

        if (selector.Polygon.Count > 0)
        {
            var polygon = Project(selector.Polygon);
            var before = result.Count;
            for (var e = 0; e < edgeCount; e++)
            {
                var geometry = _city.Roads.GetGeometry(e);
                var mid = geometry[geometry.Length / 2];
                if (Inside(polygon, mid))
                {
                    result.Add(e);
                }
            }

            if (result.Count == before && !AnyInside(polygon))
            {
                problems.Add("polygon contains no road");
            }
        }

        return result;
    }

    /// <summary>Junctions named by index, OSM node or polygon, plus the end junctions of roads named by way or street.</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="problems">Criteria that matched nothing.</param>
    /// <returns>Junction indices, ascending.</returns>
    public SortedSet<int> Junctions(Selector selector, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var result = new SortedSet<int>();
        var count = _city.Roads.Junctions.Length;
        foreach (var j in selector.Junctions)
        {
            if (j < count)
            {
                result.Add((int)j);
            }
            else
            {
                problems.Add($"junction {j} does not exist (the city has junctions 0…{count - 1})");
            }
        }

        foreach (var node in selector.OsmNodes)
        {
            if (_junctionByNode.TryGetValue(node, out var j))
            {
                result.Add(j);
            }
            else
            {
                problems.Add($"osmNode {node} is not a junction of the city");
            }
        }

        if (selector.OsmWays.Count > 0 || selector.Streets.Count > 0 || selector.Edges.Count > 0)
        {
            foreach (var e in Edges(selector with { Polygon = [], Junctions = [], OsmNodes = [] }, problems))
            {
                result.Add(_city.Roads.Edges[e].ToJunction);
            }
        }

        if (selector.Polygon.Count > 0)
        {
            var polygon = Project(selector.Polygon);
            var found = false;
            for (var j = 0; j < count; j++)
            {
                if (Inside(polygon, _city.Roads.Junctions[j].Position))
                {
                    result.Add(j);
                    found = true;
                }
            }

            if (!found)
            {
                problems.Add("polygon contains no junction");
            }
        }

        return result;
    }

    /// <summary>Street lamps: all for an empty selector, else those on the named roads or inside the polygon.</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="problems">Criteria that matched nothing.</param>
    /// <returns>Lamp indices, ascending.</returns>
    public SortedSet<int> Lamps(Selector selector, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var lamps = _city.Lamps.Lamps;
        var result = new SortedSet<int>();
        if (selector.IsEmpty)
        {
            result.UnionWith(Enumerable.Range(0, lamps.Length));
            return result;
        }

        var edges = Edges(selector with { Polygon = [] }, problems);
        var polygon = selector.Polygon.Count > 0 ? Project(selector.Polygon) : null;
        for (var i = 0; i < lamps.Length; i++)
        {
            if (edges.Contains(lamps[i].Edge) || (polygon is not null && Inside(polygon, lamps[i].Position)))
            {
                result.Add(i);
            }
        }

        if (result.Count == 0)
        {
            problems.Add("selects no street lamp");
        }

        return result;
    }

    /// <summary>Buildings: all for an empty selector, else those whose interior point is inside the polygon.</summary>
    /// <param name="selector">The selector.</param>
    /// <param name="problems">Criteria that matched nothing, or that cannot select buildings.</param>
    /// <returns>Building indices, ascending.</returns>
    public SortedSet<int> Buildings(Selector selector, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var buildings = _city.Buildings.Buildings;
        var result = new SortedSet<int>();
        if (selector.IsEmpty)
        {
            result.UnionWith(Enumerable.Range(0, buildings.Length));
            return result;
        }

        if (selector.Polygon.Count == 0 || selector.OsmWays.Count + selector.Streets.Count + selector.Edges.Count + selector.Junctions.Count + selector.OsmNodes.Count > 0)
        {
            problems.Add("buildings are selected by polygon only (or no where: for all buildings)");
        }

        if (selector.Polygon.Count > 0)
        {
            var polygon = Project(selector.Polygon);
            for (var i = 0; i < buildings.Length; i++)
            {
                if (Inside(polygon, buildings[i].InteriorPoint))
                {
                    result.Add(i);
                }
            }

            if (result.Count == 0)
            {
                problems.Add("polygon contains no building");
            }
        }

        return result;
    }

    private PointM[] Project(IReadOnlyList<(double LonDeg, double LatDeg)> polygon)
    {
        var points = new PointM[polygon.Count];
        for (var i = 0; i < points.Length; i++)
        {
            _city.Projection.Forward(polygon[i].LonDeg, polygon[i].LatDeg, out var x, out var y);
            points[i] = new PointM(x, y);
        }

        return points;
    }

    private bool AnyInside(PointM[] polygon)
    {
        foreach (var j in _city.Roads.Junctions)
        {
            if (Inside(polygon, j.Position))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Even-odd ray casting.</summary>
    private static bool Inside(PointM[] polygon, PointM p)
    {
        var inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            var a = polygon[i];
            var b = polygon[j];
            if ((a.YM > p.YM) != (b.YM > p.YM) && p.XM < (b.XM - a.XM) * (p.YM - a.YM) / (b.YM - a.YM) + a.XM)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
