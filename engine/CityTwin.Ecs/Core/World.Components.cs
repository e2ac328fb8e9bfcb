using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

public sealed partial class World
{
    /// <summary>True when the entity has component <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity.</param>
    /// <returns>Whether it has the component.</returns>
    public bool Has<T>(Entity entity) => GetData(entity).Archetype!.Has(Component<T>.ComponentType.Id);

    /// <summary>A reference to the entity's component <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity that has the component.</param>
    /// <returns>A reference valid until the next structural change.</returns>
    /// <exception cref="InvalidOperationException">The entity is dead or lacks the component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Get<T>(Entity entity)
    {
        ref var data = ref GetData(entity);
        var lookup = data.Archetype!.Lookup;
        var id = Component<T>.ComponentType.Id;
        if (id >= lookup.Length || lookup[id] < 0)
        {
            ThrowMissing(entity, typeof(T));
        }

        ref var chunk = ref data.Archetype.GetChunk(data.ChunkIndex);
        return ref Unsafe.As<T[]>(chunk.Components[lookup[id]])[data.Row];
    }

    /// <summary>Overwrites the entity's component <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity that has the component.</param>
    /// <param name="component">The new value.</param>
    public void Set<T>(Entity entity, in T component) => Get<T>(entity) = component;

    /// <summary>Copies the component out when the entity has it.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity.</param>
    /// <param name="component">The value, or default.</param>
    /// <returns>Whether the entity has the component.</returns>
    public bool TryGet<T>(Entity entity, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T component)
    {
        ref var value = ref TryGetRef<T>(entity, out var exists);
        component = exists ? value : default;
        return exists;
    }

    /// <summary>A reference to the component when present, else a null reference.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity.</param>
    /// <param name="exists">Whether the entity has the component.</param>
    /// <returns>The reference, or <see cref="Unsafe.NullRef{T}"/>.</returns>
    public ref T TryGetRef<T>(Entity entity, out bool exists)
    {
        ref var data = ref GetData(entity);
        var lookup = data.Archetype!.Lookup;
        var id = Component<T>.ComponentType.Id;
        exists = id < lookup.Length && lookup[id] >= 0;
        if (!exists)
        {
            return ref Unsafe.NullRef<T>();
        }

        ref var chunk = ref data.Archetype.GetChunk(data.ChunkIndex);
        return ref Unsafe.As<T[]>(chunk.Components[lookup[id]])[data.Row];
    }

    /// <summary>The component if present; otherwise adds <paramref name="component"/> and returns it.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity.</param>
    /// <param name="component">The value to add when missing.</param>
    /// <returns>A reference to the component.</returns>
    public ref T AddOrGet<T>(Entity entity, T component = default!)
    {
        ref T existing = ref TryGetRef<T>(entity, out var exists);
        if (exists)
        {
            return ref existing;
        }

        Add(entity, in component);
        return ref Get<T>(entity);
    }

    /// <summary>Adds component <typeparamref name="T"/>, moving the entity to the archetype that has it.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity without the component.</param>
    /// <param name="component">The initial value.</param>
    /// <exception cref="InvalidOperationException">The entity already has the component, or a query is iterating.</exception>
    public void Add<T>(Entity entity, in T component = default!)
    {
        EnsureNotIterating("Add");
        ref var data = ref GetData(entity);
        var type = Component<T>.ComponentType;
        var source = data.Archetype!;
        if (source.Has(type.Id))
        {
            throw new InvalidOperationException($"{entity} already has component {typeof(T).Name}; use Set to change it.");
        }

        var target = source.GetAddEdge(type.Id);
        if (target is null)
        {
            target = GetOrCreateArchetype(source.Signature.With(type));
            source.SetAddEdge(type.Id, target);
        }

        Move(entity, ref data, target);
        ref var chunk = ref target.GetChunk(data.ChunkIndex);
        Unsafe.As<T[]>(chunk.Components[target.Lookup[type.Id]])[data.Row] = component;
    }

    /// <summary>Removes component <typeparamref name="T"/>, moving the entity to the archetype without it.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">A live entity with the component.</param>
    /// <exception cref="InvalidOperationException">The entity lacks the component, or a query is iterating.</exception>
    public void Remove<T>(Entity entity) => Remove(entity, Component<T>.ComponentType);

    /// <summary>Removes a component by type (used by command buffers).</summary>
    /// <param name="entity">A live entity with the component.</param>
    /// <param name="type">The component type.</param>
    public void Remove(Entity entity, ComponentType type)
    {
        EnsureNotIterating("Remove");
        ref var data = ref GetData(entity);
        var source = data.Archetype!;
        if (!source.Has(type.Id))
        {
            ThrowMissing(entity, type.Type);
        }

        var target = source.GetRemoveEdge(type.Id);
        if (target is null)
        {
            target = GetOrCreateArchetype(source.Signature.Without(type));
            source.SetRemoveEdge(type.Id, target);
        }

        Move(entity, ref data, target);
    }

    /// <summary>Moves one entity to another archetype, copying the components both have.</summary>
    private void Move(Entity entity, ref EntityData data, Archetype target)
    {
        var source = data.Archetype!;
        var newRow = target.Add(entity, out var newChunkIndex);
        ref var from = ref source.GetChunk(data.ChunkIndex);
        ref var to = ref target.GetChunk(newChunkIndex);
        var sourceTypes = source.Types;
        var targetLookup = target.Lookup;
        for (var c = 0; c < sourceTypes.Length; c++)
        {
            var id = sourceTypes[c].Id;
            if (id < targetLookup.Length && targetLookup[id] >= 0)
            {
                ComponentRegistry.OpsOf(id).CopyOne(from.Components[c], data.Row, to.Components[targetLookup[id]], newRow);
            }
        }

        var moved = source.Remove(data.ChunkIndex, data.Row);
        if (moved != Entity.Null)
        {
            ref var movedData = ref _entities[moved.Id];
            movedData.ChunkIndex = data.ChunkIndex;
            movedData.Row = data.Row;
        }

        data.Archetype = target;
        data.ChunkIndex = newChunkIndex;
        data.Row = newRow;
    }
}
