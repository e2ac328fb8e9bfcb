namespace CityTwin.Ecs.Core;

public sealed partial class World
{
    /// <summary>Destroys every entity matching a description.</summary>
    /// <param name="description">What to match.</param>
    public void Destroy(in QueryDescription description)
    {
        EnsureNotIterating("Destroy");
        foreach (var archetype in Query(in description).Archetypes)
        {
            for (var k = 0; k < archetype.ChunkCount; k++)
            {
                ref var chunk = ref archetype.GetChunk(k);
                for (var i = 0; i < chunk.Count; i++)
                {
                    Release(chunk.Entities[i].Id);
                }
            }

            Size -= archetype.EntityCount;
            archetype.Clear();
        }
    }

    /// <summary>Sets component <typeparamref name="T"/> of every entity matching a description.</summary>
    /// <typeparam name="T">The component type; every matching archetype must have it.</typeparam>
    /// <param name="description">What to match.</param>
    /// <param name="component">The value to write.</param>
    public void Set<T>(in QueryDescription description, in T component = default!)
    {
        foreach (var archetype in Query(in description).Archetypes)
        {
            if (!archetype.Has<T>())
            {
                throw new InvalidOperationException(
                    $"Set<{typeof(T).Name}> over a query: {archetype} has no such component; require it in the query.");
            }

            for (var k = 0; k < archetype.ChunkCount; k++)
            {
                ref var chunk = ref archetype.GetChunk(k);
                chunk.GetSpan<T>()[..chunk.Count].Fill(component);
            }
        }
    }

    /// <summary>Adds component <typeparamref name="T"/> to every entity matching a description, moving whole
    /// archetypes at a time.</summary>
    /// <typeparam name="T">The component type; no matching archetype may have it yet.</typeparam>
    /// <param name="description">What to match (typically with <c>WithNone&lt;T&gt;</c>).</param>
    /// <param name="component">The initial value.</param>
    public void Add<T>(in QueryDescription description, in T component = default!)
    {
        EnsureNotIterating("Add");
        var type = Component<T>.ComponentType;
        foreach (var source in SnapshotArchetypes(in description))
        {
            if (source.Has(type.Id))
            {
                throw new InvalidOperationException(
                    $"Add<{typeof(T).Name}> over a query: {source} already has it; exclude it with WithNone.");
            }

            var target = source.GetAddEdge(type.Id) ?? GetOrCreateArchetype(source.Signature.With(type));
            source.SetAddEdge(type.Id, target);
            var firstNew = target.EntityCount;
            MoveAll(source, target);
            FillFrom(target, firstNew, in component);
        }
    }

    /// <summary>Removes component <typeparamref name="T"/> from every entity matching a description.</summary>
    /// <typeparam name="T">The component type; every matching archetype must have it.</typeparam>
    /// <param name="description">What to match (typically with <c>WithAll&lt;T&gt;</c>).</param>
    public void Remove<T>(in QueryDescription description)
    {
        EnsureNotIterating("Remove");
        var type = Component<T>.ComponentType;
        foreach (var source in SnapshotArchetypes(in description))
        {
            if (!source.Has(type.Id))
            {
                throw new InvalidOperationException(
                    $"Remove<{typeof(T).Name}> over a query: {source} has no such component; require it in the query.");
            }

            var target = source.GetRemoveEdge(type.Id) ?? GetOrCreateArchetype(source.Signature.Without(type));
            source.SetRemoveEdge(type.Id, target);
            MoveAll(source, target);
        }
    }

    /// <summary>The matching non-empty archetypes, copied: moving entities creates archetypes the query may match.</summary>
    private Archetype[] SnapshotArchetypes(in QueryDescription description)
    {
        var matches = Query(in description).Archetypes;
        var count = 0;
        foreach (var archetype in matches)
        {
            count += archetype.EntityCount > 0 ? 1 : 0;
        }

        var result = new Archetype[count];
        var n = 0;
        foreach (var archetype in matches)
        {
            if (archetype.EntityCount > 0)
            {
                result[n++] = archetype;
            }
        }

        return result;
    }

    /// <summary>Moves every row of <paramref name="source"/> to the end of <paramref name="target"/> in blocks.</summary>
    private void MoveAll(Archetype source, Archetype target)
    {
        target.Reserve(source.EntityCount);
        var sourceTypes = source.Types;
        var targetLookup = target.Lookup;
        for (var k = 0; k < source.ChunkCount; k++)
        {
            ref var from = ref source.GetChunk(k);
            var done = 0;
            while (done < from.Count)
            {
                // Fill the target's last chunk, then open the next one; copy each shared component as one block.
                var firstRow = target.Add(from.Entities[done], out var chunkIndex);
                ref var to = ref target.GetChunk(chunkIndex);
                var block = Math.Min(from.Count - done, target.EntitiesPerChunk - firstRow);
                target.AddRows(chunkIndex, block - 1);
                Array.Copy(from.Entities, done, to.Entities, firstRow, block);
                for (var c = 0; c < sourceTypes.Length; c++)
                {
                    var id = sourceTypes[c].Id;
                    if (id < targetLookup.Length && targetLookup[id] >= 0)
                    {
                        ComponentRegistry.OpsOf(id).CopyRange(from.Components[c], done, to.Components[targetLookup[id]],
                            firstRow, block);
                    }
                }

                for (var i = 0; i < block; i++)
                {
                    ref var data = ref _entities[to.Entities[firstRow + i].Id];
                    data.Archetype = target;
                    data.ChunkIndex = chunkIndex;
                    data.Row = firstRow + i;
                }

                done += block;
            }
        }

        source.Clear();
    }

    /// <summary>Writes <paramref name="component"/> into rows <paramref name="firstRow"/>… of the archetype.</summary>
    private static void FillFrom<T>(Archetype archetype, int firstRow, in T component)
    {
        var perChunk = archetype.EntitiesPerChunk;
        for (var k = firstRow / perChunk; k < archetype.ChunkCount; k++)
        {
            ref var chunk = ref archetype.GetChunk(k);
            var start = k == firstRow / perChunk ? firstRow % perChunk : 0;
            chunk.GetSpan<T>()[start..chunk.Count].Fill(component);
        }
    }
}
