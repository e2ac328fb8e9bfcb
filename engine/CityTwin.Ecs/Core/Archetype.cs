using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// All entities that have exactly one set of component types, stored densely in fixed-size chunks.
/// </summary>
/// <remarks>
/// Implementation note: every chunk but the last is full. Removing a row moves the archetype's last row into the hole
/// (swap-remove), which keeps the storage dense without shifting, so iteration order is not insertion order.
/// </remarks>
public sealed class Archetype
{
    /// <summary>Most chunks allocated at once when an archetype grows one entity at a time (1 MiB of 16 KiB chunks).</summary>
    private const int MaxChunksPerBatch = 64;

    private readonly ComponentType[] _types;

    /// <summary>Typed copies of the entity column, for <see cref="Permute"/>.</summary>
    private static readonly ComponentOps EntityOps = new ComponentOps<Entity>();

    /// <summary>Scratch arrays of <see cref="Permute"/>: one per component, then one for the entities.</summary>
    private readonly Array?[] _permuteScratch;
    private readonly int[] _lookup;
    private Chunk[] _chunks;
    private int _allocatedChunks;
    private Archetype?[]? _addEdges;
    private Archetype?[]? _removeEdges;

    internal Archetype(int index, Signature signature, int chunkSizeInBytes, int minimumEntitiesPerChunk)
    {
        Index = index;
        Signature = signature;
        _types = signature.Components;
        _permuteScratch = new Array?[_types.Length + 1];
        _lookup = new int[signature.MaxId + 1];
        Array.Fill(_lookup, -1);
        var rowBytes = Unsafe.SizeOf<Entity>();
        for (var i = 0; i < _types.Length; i++)
        {
            _lookup[_types[i].Id] = i;
            rowBytes += _types[i].ByteSize;
        }

        // Arch's rule: the chunk is the smallest multiple of the base size that holds the minimum number of rows.
        var blocks = Math.Max(1, (int)Math.Ceiling(rowBytes * (double)minimumEntitiesPerChunk / chunkSizeInBytes));
        ChunkSizeInBytes = blocks * chunkSizeInBytes;
        EntitiesPerChunk = Math.Max(1, ChunkSizeInBytes / rowBytes);
        _chunks = [];
    }

    /// <summary>Position of the archetype in its world's creation order (deterministic).</summary>
    public int Index { get; }

    /// <summary>The archetype's component types.</summary>
    public Signature Signature { get; }

    /// <summary>The component types, ordered by id.</summary>
    public ReadOnlySpan<ComponentType> Types => _types;

    /// <summary>Size of one chunk in bytes (a multiple of the world's base chunk size).</summary>
    public int ChunkSizeInBytes { get; }

    /// <summary>Rows per chunk.</summary>
    public int EntitiesPerChunk { get; }

    /// <summary>Live entities in the archetype.</summary>
    public int EntityCount { get; private set; }

    /// <summary>Chunks holding at least one row.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>Chunks allocated (including empty ones kept for reuse).</summary>
    public int ChunkCapacity => _allocatedChunks;

    /// <summary>Chunk <paramref name="index"/> (0…ChunkCount−1).</summary>
    /// <param name="index">The chunk index.</param>
    /// <returns>A reference to the chunk.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Chunk GetChunk(int index) => ref _chunks[index];

    /// <summary>True when the archetype has component <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <returns>Whether it is in the signature.</returns>
    public bool Has<T>() => Has(Component<T>.ComponentType.Id);

    internal bool Has(int componentId) => componentId < _lookup.Length && _lookup[componentId] >= 0;

    internal int[] Lookup => _lookup;

    /// <summary>Appends a row for <paramref name="entity"/> (components left at their cleared state).</summary>
    internal int Add(Entity entity, out int chunkIndex)
    {
        if (ChunkCount == 0 || _chunks[ChunkCount - 1].Count == EntitiesPerChunk)
        {
            EnsureChunk(ChunkCount);
            ChunkCount++;
        }

        chunkIndex = ChunkCount - 1;
        ref var chunk = ref _chunks[chunkIndex];
        var row = chunk.Count++;
        chunk.Entities[row] = entity;
        EntityCount++;
        return row;
    }

    /// <summary>Extends the last chunk by <paramref name="rows"/> rows whose entities the caller writes.</summary>
    internal void AddRows(int chunkIndex, int rows)
    {
        Debug.Assert(chunkIndex == ChunkCount - 1 && _chunks[chunkIndex].Count + rows <= EntitiesPerChunk);
        _chunks[chunkIndex].Count += rows;
        EntityCount += rows;
    }

    /// <summary>
    /// Removes a row by moving the archetype's last row into it.
    /// </summary>
    /// <returns>The entity that moved into the hole, or <see cref="Entity.Null"/> when the removed row was last.</returns>
    internal Entity Remove(int chunkIndex, int row)
    {
        var lastChunkIndex = ChunkCount - 1;
        ref var lastChunk = ref _chunks[lastChunkIndex];
        var lastRow = lastChunk.Count - 1;
        var moved = Entity.Null;
        if (chunkIndex != lastChunkIndex || row != lastRow)
        {
            ref var hole = ref _chunks[chunkIndex];
            for (var c = 0; c < _types.Length; c++)
            {
                ComponentRegistry.OpsOf(_types[c].Id).CopyOne(lastChunk.Components[c], lastRow, hole.Components[c], row);
            }

            moved = lastChunk.Entities[lastRow];
            hole.Entities[row] = moved;
        }

        for (var c = 0; c < _types.Length; c++)
        {
            ComponentRegistry.OpsOf(_types[c].Id).Clear(lastChunk.Components[c], lastRow, 1);
        }

        lastChunk.Count--;
        EntityCount--;
        if (lastChunk.Count == 0)
        {
            ChunkCount--;
        }

        return moved;
    }

    /// <summary>Puts the rows from <paramref name="offset"/> on in a new order: row <c>offset + i</c> (rows counted over
    /// the chunks in order) receives old row <c>offset + order[i]</c>. <paramref name="moved"/> is called with each entity
    /// that moved and its new place.</summary>
    /// <remarks>Only the rows between the first and the last that move are copied (a re-sort after a few changes touches
    /// few rows), through one scratch array per column kept for the next call (<paramref name="scratchColumns"/>, or the
    /// archetype's own when null): no allocation once warm. Calls on disjoint ranges, each with scratch of its own, may
    /// run at the same time.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs every few steps at most: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    internal void Permute(int offset, ReadOnlySpan<int> order, Array?[]? scratchColumns, Action<Entity, int, int> moved)
    {
        scratchColumns ??= _permuteScratch;
        Debug.Assert(offset + order.Length <= EntityCount && scratchColumns.Length == _types.Length + 1);
        var first = 0;
        while (first < order.Length && order[first] == first)
        {
            first++;
        }

        var last = order.Length - 1;
        while (last > first && order[last] == last)
        {
            last--;
        }

        if (first >= order.Length)
        {
            return;
        }

        // Rows outside [first, last] keep their place, so order maps that range onto itself.
        var count = last - first + 1;
        var range = order.Slice(first, count);
        for (var c = 0; c <= _types.Length; c++)
        {
            // Component arrays first, then the entities (column c == _types.Length), all through the same typed copies.
            var ops = c < _types.Length ? ComponentRegistry.OpsOf(_types[c].Id) : EntityOps;
            ref var scratch = ref scratchColumns[c];
            if (scratch is null || scratch.Length < count)
            {
                scratch = ops.CreateArray(Math.Max(count, 2 * (scratch?.Length ?? 0)));
            }

            // Copy the range out, then gather it back chunk by chunk in the new order.
            for (var i = first; i <= last;)
            {
                var (column, row, n) = Run(c, offset + i, offset + last);
                ops.CopyRange(column, row, scratch, i - first, n);
                i += n;
            }

            for (var i = first; i <= last;)
            {
                var (column, row, n) = Run(c, offset + i, offset + last);
                ops.Gather(scratch, first, range.Slice(i - first, n), column, row);
                i += n;
            }
        }

        for (var i = first; i <= last; i++)
        {
            if (order[i] != i)
            {
                ReportMoved(offset + i, moved);
            }
        }
    }

    /// <summary>Scratch columns for a <see cref="Permute"/> (one per component, and one for the entities).</summary>
    internal Array?[] NewPermuteScratch() => new Array?[_types.Length + 1];

    /// <summary>The entity stored at <paramref name="row"/> (rows counted over the chunks in order).</summary>
    /// <param name="row">Row index, below <see cref="EntityCount"/>.</param>
    /// <returns>The entity.</returns>
    public Entity EntityAt(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)EntityCount, nameof(row));
        return _chunks[row / EntitiesPerChunk].Entities[row % EntitiesPerChunk];
    }

    /// <summary>Exchanges two rows (every component and the entity); <paramref name="moved"/> is called with both
    /// entities and their new places.</summary>
    internal void SwapRows(int a, int b, Action<Entity, int, int> moved)
    {
        for (var c = 0; c <= _types.Length; c++)
        {
            var ops = c < _types.Length ? ComponentRegistry.OpsOf(_types[c].Id) : EntityOps;
            ref var scratch = ref _permuteScratch[c];
            scratch ??= ops.CreateArray(1);
            var (columnA, rowA, _) = Run(c, a, a);
            var (columnB, rowB, _) = Run(c, b, b);
            ops.CopyOne(columnA, rowA, scratch, 0);
            ops.CopyOne(columnB, rowB, columnA, rowA);
            ops.CopyOne(scratch, 0, columnB, rowB);
        }

        ReportMoved(a, moved);
        ReportMoved(b, moved);
    }

    /// <summary>Tells <paramref name="moved"/> which entity now sits at <paramref name="row"/>, and its chunk and row there.</summary>
    private void ReportMoved(int row, Action<Entity, int, int> moved) => moved(EntityAt(row), row / EntitiesPerChunk, row % EntitiesPerChunk);

    /// <summary>The array of column <paramref name="c"/> (a component, or the entities for <c>c == _types.Length</c>) in
    /// the chunk holding row <paramref name="i"/>, the row's index there, and how many rows up to <paramref name="last"/>
    /// that chunk holds.</summary>
    private (Array Column, int Row, int Count) Run(int c, int i, int last)
    {
        ref var chunk = ref _chunks[i / EntitiesPerChunk];
        var row = i % EntitiesPerChunk;
        return (c < _types.Length ? chunk.Components[c] : chunk.Entities, row, Math.Min(EntitiesPerChunk - row, last + 1 - i));
    }

    /// <summary>Allocates chunks so that <paramref name="additionalEntities"/> more rows fit without allocating.</summary>
    internal void Reserve(int additionalEntities)
    {
        var needed = EntityCount + additionalEntities;
        var chunksNeeded = (needed + EntitiesPerChunk - 1) / EntitiesPerChunk;
        if (chunksNeeded > 0)
        {
            EnsureChunk(chunksNeeded - 1);
        }
    }

    /// <summary>Empties the archetype, keeping its chunks for reuse.</summary>
    internal void Clear()
    {
        for (var k = 0; k < ChunkCount; k++)
        {
            ref var chunk = ref _chunks[k];
            for (var c = 0; c < _types.Length; c++)
            {
                ComponentRegistry.OpsOf(_types[c].Id).Clear(chunk.Components[c], 0, chunk.Count);
            }

            chunk.Count = 0;
        }

        ChunkCount = 0;
        EntityCount = 0;
    }

    /// <summary>Drops allocated chunks beyond those in use.</summary>
    internal void TrimExcess()
    {
        if (_allocatedChunks > ChunkCount)
        {
            Array.Resize(ref _chunks, ChunkCount);
            _allocatedChunks = ChunkCount;
        }
    }

    internal Archetype? GetAddEdge(int componentId) => _addEdges?[componentId];

    internal Archetype? GetRemoveEdge(int componentId) => _removeEdges?[componentId];

    internal void SetAddEdge(int componentId, Archetype target) =>
        (_addEdges ??= new Archetype?[Signature.Capacity])[componentId] = target;

    internal void SetRemoveEdge(int componentId, Archetype target) =>
        (_removeEdges ??= new Archetype?[Signature.Capacity])[componentId] = target;

    private void EnsureChunk(int index)
    {
        if (index < _allocatedChunks)
        {
            return;
        }

        // Chunks are allocated in batches, component-major: all entity arrays of the batch, then all arrays of the
        // first component, and so on. Consecutive chunks' arrays of one component then sit next to each other on the
        // heap (and stay so: the GC compacts by sliding), so a query streams through memory almost as through one
        // array instead of restarting the hardware prefetcher at every 16 KiB chunk (measured 2x on 1M entities).
        var last = Math.Max(index, _allocatedChunks + Math.Clamp(_allocatedChunks / 4, 1, MaxChunksPerBatch) - 1);
        if (last >= _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(last + 1, Math.Max(4, _chunks.Length * 2)));
        }

        var batch = last - _allocatedChunks + 1;
        var entities = new Entity[batch][];
        for (var b = 0; b < batch; b++)
        {
            entities[b] = new Entity[EntitiesPerChunk];
        }

        var components = new Array[batch][];
        for (var b = 0; b < batch; b++)
        {
            components[b] = new Array[_types.Length];
        }

        for (var c = 0; c < _types.Length; c++)
        {
            var ops = ComponentRegistry.OpsOf(_types[c].Id);
            for (var b = 0; b < batch; b++)
            {
                components[b][c] = ops.CreateArray(EntitiesPerChunk);
            }
        }

        for (var b = 0; b < batch; b++)
        {
            _chunks[_allocatedChunks + b] = new Chunk(entities[b], components[b], _lookup);
        }

        _allocatedChunks = last + 1;
        Debug.Assert(_chunks[index].Entities is not null);
    }

    /// <inheritdoc />
    public override string ToString() => $"Archetype#{Index} {Signature} ({EntityCount} entities)";
}
