namespace CityTwin.Ecs.Core;

public sealed partial class World
{
    /// <summary>The cached query of a description (created on first use).</summary>
    /// <param name="description">What to match.</param>
    /// <returns>An enumerable of chunks; see <see cref="Core.Query"/>.</returns>
    public Query Query(in QueryDescription description)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_queryCache.TryGetValue(description, out var query))
        {
            query = new Query(this, description);
            _queryCache.Add(description, query);
        }

        return query;
    }

    /// <summary>Number of entities matching a description.</summary>
    /// <param name="description">What to match.</param>
    /// <returns>The count.</returns>
    public int CountEntities(in QueryDescription description)
    {
        var count = 0;
        foreach (var archetype in Query(in description).Archetypes)
        {
            count += archetype.EntityCount;
        }

        return count;
    }

    /// <summary>Copies the entities matching a description, in iteration order.</summary>
    /// <param name="description">What to match.</param>
    /// <param name="entities">Receives the entities; must hold <see cref="CountEntities"/> of them.</param>
    public void GetEntities(in QueryDescription description, Span<Entity> entities)
    {
        var n = 0;
        foreach (ref var chunk in Query(in description))
        {
            if (n + chunk.Count > entities.Length)
            {
                throw new ArgumentException(
                    $"The span holds {entities.Length} entities but the query matches more.", nameof(entities));
            }

            chunk.Entities.AsSpan(0, chunk.Count).CopyTo(entities[n..]);
            n += chunk.Count;
        }
    }

    /// <summary>The archetypes matching a description, in creation order.</summary>
    /// <param name="description">What to match.</param>
    /// <param name="archetypes">Receives the archetypes.</param>
    public void GetArchetypes(in QueryDescription description, IList<Archetype> archetypes)
    {
        ArgumentNullException.ThrowIfNull(archetypes);
        foreach (var archetype in Query(in description).Archetypes)
        {
            archetypes.Add(archetype);
        }
    }

    /// <summary>Calls <paramref name="forEach"/> for every entity matching a description.</summary>
    /// <param name="description">What to match.</param>
    /// <param name="forEach">The callback.</param>
    public void Query(in QueryDescription description, ForEach forEach)
    {
        ArgumentNullException.ThrowIfNull(forEach);
        foreach (ref var chunk in Query(in description))
        {
            var entities = chunk.Entities;
            for (var i = 0; i < chunk.Count; i++)
            {
                forEach(entities[i]);
            }
        }
    }

    /// <summary>Options for one parallel query, honouring <see cref="MaxDegreeOfParallelism"/>.</summary>
    private ParallelOptions ParallelOptionsForQuery() => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
}
