using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

public sealed partial class World
{
    /// <summary>Creates an entity with the given component types, all at their default value.</summary>
    /// <param name="types">The component types.</param>
    /// <returns>The new entity.</returns>
    public Entity Create(params ComponentType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var signature = new Signature(types);
        return CreateIn(GetOrCreateArchetype(signature), out _, out _);
    }

    /// <summary>Creates <paramref name="amount"/> entities of a signature and writes their handles.</summary>
    /// <param name="created">Receives the handles; at least <paramref name="amount"/> long.</param>
    /// <param name="signature">The component types.</param>
    /// <param name="amount">How many to create.</param>
    public void Create(Span<Entity> created, in Signature signature, int amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfLessThan(created.Length, amount);
        var archetype = GetOrCreateArchetype(signature);
        Reserve(archetype, amount);
        for (var i = 0; i < amount; i++)
        {
            created[i] = CreateIn(archetype, out _, out _);
        }
    }

    /// <summary>Creates <paramref name="amount"/> entities of a signature and writes their handles.</summary>
    /// <remarks>Without this overload, a call with an array would bind to the generic <c>Create&lt;T0, T1, T2&gt;</c>
    /// and create one entity whose components are the arguments.</remarks>
    /// <param name="created">Receives the handles; at least <paramref name="amount"/> long.</param>
    /// <param name="signature">The component types.</param>
    /// <param name="amount">How many to create.</param>
    public void Create(Entity[] created, in Signature signature, int amount) => Create(created.AsSpan(), in signature, amount);

    /// <summary>Destroys an entity; its id is recycled later with a higher version.</summary>
    /// <param name="entity">A live entity.</param>
    public void Destroy(Entity entity)
    {
        EnsureNotIterating("Destroy");
        ref var data = ref GetData(entity);
        var moved = data.Archetype!.Remove(data.ChunkIndex, data.Row);
        if (moved != Entity.Null)
        {
            ref var movedData = ref _entities[moved.Id];
            movedData.ChunkIndex = data.ChunkIndex;
            movedData.Row = data.Row;
        }

        Release(entity.Id);
        Size--;
    }

    /// <summary>Sorts for <see cref="SortRows"/> (keeps its order array, so that a sort does not allocate).</summary>
    private readonly RowSorter _sorter = new(archetypeScratch: true);

    /// <summary>Records a row's new place after a sort (one delegate for all sorts).</summary>
    private Action<Entity, int, int>? _rowMoved;

    /// <summary>
    /// Sorts an archetype's rows by a key per row, ascending (not part of Arch's API). Rows are counted over the
    /// archetype's chunks in order, <c>keys</c>[i] belonging to row i; keys should be distinct, so that the order is
    /// fully determined. Entity handles stay valid; only where the components are stored changes.
    /// </summary>
    /// <remarks>Used to keep entities that are processed together next to each other in memory: the traffic engine
    /// sorts its vehicles by lane, so that each thread's part of the network is a contiguous block of rows and two
    /// threads never write to the same cache line.</remarks>
    /// <param name="archetype">An archetype of this world.</param>
    /// <param name="keys">One key per row; reordered along with the rows.</param>
    public void SortRows(Archetype archetype, Span<long> keys)
    {
        ArgumentNullException.ThrowIfNull(archetype);
        EnsureNotIterating("SortRows");
        if (keys.Length != archetype.EntityCount)
        {
            throw new ArgumentException($"Expected {archetype.EntityCount} keys, one per row; got {keys.Length}.", nameof(keys));
        }

        _sorter.Sort(this, archetype, 0, keys);
    }

    /// <summary>Records a row's new place after a sort or swap (one delegate for all).</summary>
    internal Action<Entity, int, int> RowMoved => _rowMoved ??= (entity, chunk, row) =>
    {
        ref var data = ref _entities[entity.Id];
        data.ChunkIndex = chunk;
        data.Row = row;
    };

    /// <summary>Where a live entity is stored in its archetype: its row, counted over the archetype's chunks in order (as
    /// <see cref="SortRows"/> and <see cref="Archetype.EntityAt"/> count them). Not part of Arch's API.</summary>
    /// <param name="entity">A live entity.</param>
    /// <returns>The row.</returns>
    public int RowOf(Entity entity)
    {
        ref var data = ref GetData(entity);
        return data.ChunkIndex * data.Archetype!.EntitiesPerChunk + data.Row;
    }

    /// <summary>
    /// Exchanges where two rows of an archetype are stored (not part of Arch's API). Entity handles stay valid; only
    /// storage changes. Lets a caller keep entities that are processed together in one block of rows as they come and go
    /// (the traffic engine keeps each thread's vehicles in a block of their own between its sorts).
    /// </summary>
    /// <param name="archetype">An archetype of this world.</param>
    /// <param name="rowA">A row (see <see cref="RowOf"/>).</param>
    /// <param name="rowB">Another row, or the same (nothing happens).</param>
    public void SwapRows(Archetype archetype, int rowA, int rowB)
    {
        ArgumentNullException.ThrowIfNull(archetype);
        EnsureNotIterating("SwapRows");
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rowA, (uint)archetype.EntityCount, nameof(rowA));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rowB, (uint)archetype.EntityCount, nameof(rowB));
        if (rowA != rowB)
        {
            archetype.SwapRows(rowA, rowB, RowMoved);
        }
    }

    /// <summary>True when <paramref name="entity"/> exists and its version is current.</summary>
    /// <param name="entity">The handle.</param>
    /// <returns>Whether the handle refers to a live entity.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAlive(Entity entity)
    {
        if ((uint)entity.Id >= (uint)_usedIds)
        {
            return false;
        }

        ref var data = ref _entities[entity.Id];
        return data.Version == entity.Version && data.Archetype is not null;
    }

    /// <summary>The archetype an entity lives in.</summary>
    /// <param name="entity">A live entity.</param>
    /// <returns>Its archetype.</returns>
    public Archetype GetArchetype(Entity entity) => GetData(entity).Archetype!;

    /// <summary>The component types of an entity, ordered by id.</summary>
    /// <param name="entity">A live entity.</param>
    /// <returns>A new array of its component types.</returns>
    public ComponentType[] GetComponentTypes(Entity entity) => GetData(entity).Archetype!.Signature.Components;

    /// <summary>Allocates an id and a row in <paramref name="archetype"/>; components are default.</summary>
    internal Entity CreateIn(Archetype archetype, out int chunkIndex, out int row)
    {
        EnsureNotIterating("Create");
        int id;
        if (_freeCount > 0)
        {
            // LIFO reuse keeps the id sequence a pure function of the operation sequence (deterministic).
            id = _freeIds[--_freeCount];
        }
        else
        {
            if (_usedIds == _entities.Length)
            {
                Array.Resize(ref _entities, _entities.Length * 2);
            }

            id = _usedIds++;
            _entities[id].Version = 1;
        }

        ref var data = ref _entities[id];
        var entity = new Entity(id, data.Version);
        row = archetype.Add(entity, out chunkIndex);
        data.Archetype = archetype;
        data.ChunkIndex = chunkIndex;
        data.Row = row;
        Size++;
        return entity;
    }

    /// <summary>Pre-allocates entity slots and chunks for <paramref name="amount"/> more entities.</summary>
    internal void Reserve(Archetype archetype, int amount)
    {
        var needed = _usedIds + Math.Max(0, amount - _freeCount);
        if (needed > _entities.Length)
        {
            Array.Resize(ref _entities, Math.Max(needed, _entities.Length * 2));
        }

        archetype.Reserve(amount);
    }

    /// <summary>The slot of a live entity; throws for a dead or stale handle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref EntityData GetData(Entity entity)
    {
        if ((uint)entity.Id >= (uint)_usedIds)
        {
            ThrowDead(entity);
        }

        ref var data = ref _entities[entity.Id];
        if (data.Version != entity.Version || data.Archetype is null)
        {
            ThrowDead(entity);
        }

        return ref data;
    }

    /// <summary>Frees an id: bumps its version so outstanding handles die, and queues it for reuse.</summary>
    private void Release(int id)
    {
        ref var data = ref _entities[id];
        data.Archetype = null;
        data.Version = data.Version == int.MaxValue ? 1 : data.Version + 1;
        if (_freeCount == _freeIds.Length)
        {
            Array.Resize(ref _freeIds, _freeIds.Length * 2);
        }

        _freeIds[_freeCount++] = id;
    }
}
