namespace CityTwin.Traffic.Engine;

/// <summary>Routes as edge sequences in one flat array (components refer to a route by index).</summary>
public sealed class RouteStore
{
    private readonly List<int> _edges = [];
    private readonly List<int> _first = [];
    private readonly List<int> _count = [];

    /// <summary>Number of routes.</summary>
    public int Count => _first.Count;

    /// <summary>Stores a route.</summary>
    /// <param name="edges">Edge indices in driving order (at least one).</param>
    /// <returns>The route index.</returns>
    public int Add(ReadOnlySpan<int> edges)
    {
        if (edges.IsEmpty)
        {
            throw new ArgumentException("A route needs at least one edge.", nameof(edges));
        }

        _first.Add(_edges.Count);
        _count.Add(edges.Length);
        foreach (var e in edges)
        {
            _edges.Add(e);
        }

        return _first.Count - 1;
    }

    /// <summary>Number of edges of a route.</summary>
    /// <param name="route">Route index.</param>
    /// <returns>The edge count.</returns>
    public int Length(int route) => _count[route];

    /// <summary>Edge at a step of a route.</summary>
    /// <param name="route">Route index.</param>
    /// <param name="step">Step in 0…Length−1.</param>
    /// <returns>Edge index.</returns>
    public int Edge(int route, int step) => _edges[_first[route] + step];

    /// <summary>Drops the routes from index <paramref name="count"/> on (snapshot restore).</summary>
    /// <param name="count">Routes to keep.</param>
    internal void Truncate(int count)
    {
        if (count >= _first.Count)
        {
            return;
        }

        _edges.RemoveRange(_first[count], _edges.Count - _first[count]);
        _first.RemoveRange(count, _first.Count - count);
        _count.RemoveRange(count, _count.Count - count);
    }

    /// <summary>The edges of a route.</summary>
    /// <param name="route">Route index.</param>
    /// <returns>A copy of the edge sequence.</returns>
    public int[] Edges(int route) => _edges.GetRange(_first[route], _count[route]).ToArray();
}
