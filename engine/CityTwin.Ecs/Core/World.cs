using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// Holds entities and their components in archetypes, and runs queries over them.
/// </summary>
/// <remarks>
/// <para>Mirrors Arch 2.x's <c>World</c> (PURE_ECS surface). Archetypes are kept in creation order, so iteration
/// order depends only on the sequence of operations, never on hashing or registration order.</para>
/// <para>Structural changes (create, destroy, add, remove) are <b>refused</b> while a query is iterating, with an
/// <see cref="InvalidOperationException"/>: record them in a <see cref="Buffer.CommandBuffer"/> and play it back after
/// the query. Reading and writing components of existing entities is allowed inside queries.</para>
/// <para>A world is not thread-safe, except that parallel queries may read any component and write the components of
/// the entity they are visiting.</para>
/// </remarks>
public sealed partial class World : IDisposable
{
    private readonly List<Archetype> _archetypes = [];
    private readonly Dictionary<Signature, Archetype> _archetypeBySignature = [];
    private readonly Dictionary<QueryDescription, Query> _queryCache = [];
    private EntityData[] _entities;
    private int[] _freeIds;
    private int _freeCount;
    private int _usedIds;
    private int _iterationDepth;
    private bool _disposed;

    private World(int chunkSizeInBytes, int minimumAmountOfEntitiesPerChunk, int archetypeCapacity, int entityCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSizeInBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumAmountOfEntitiesPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(archetypeCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(entityCapacity);
        ChunkSizeInBytes = chunkSizeInBytes;
        MinimumAmountOfEntitiesPerChunk = minimumAmountOfEntitiesPerChunk;
        _archetypes.Capacity = archetypeCapacity;
        _entities = new EntityData[Math.Max(entityCapacity, 16)];
        _freeIds = new int[16];
    }

    /// <summary>Creates a world.</summary>
    /// <param name="chunkSizeInBytes">Base chunk size (Arch's default 16 KiB).</param>
    /// <param name="minimumAmountOfEntitiesPerChunk">Chunks grow in multiples of the base size to hold this many rows.</param>
    /// <param name="archetypeCapacity">Initial archetype list capacity.</param>
    /// <param name="entityCapacity">Initial entity table capacity.</param>
    /// <returns>The new world.</returns>
    public static World Create(int chunkSizeInBytes = 16_384, int minimumAmountOfEntitiesPerChunk = 100,
        int archetypeCapacity = 2, int entityCapacity = 64) =>
        new(chunkSizeInBytes, minimumAmountOfEntitiesPerChunk, archetypeCapacity, entityCapacity);

    /// <summary>Destroys a world and releases its storage (Arch's static form of <see cref="Dispose"/>).</summary>
    /// <param name="world">The world.</param>
    public static void Destroy(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.Dispose();
    }

    /// <summary>Base chunk size in bytes.</summary>
    public int ChunkSizeInBytes { get; }

    /// <summary>Minimum rows per chunk.</summary>
    public int MinimumAmountOfEntitiesPerChunk { get; }

    /// <summary>Number of live entities.</summary>
    public int Size { get; private set; }

    /// <summary>Capacity of the entity table.</summary>
    public int Capacity => _entities.Length;

    /// <summary>
    /// Most threads a parallel query uses; −1 (the default) lets the runtime choose. Not in Arch, whose job scheduler
    /// is configured globally; results never depend on it.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>The archetypes in creation order.</summary>
    public IReadOnlyList<Archetype> Archetypes => _archetypes;

    /// <summary>True while a query is iterating (structural changes are refused then).</summary>
    public bool IsIterating => Volatile.Read(ref _iterationDepth) > 0;

    /// <summary>Destroys every entity. Archetypes and chunks are kept; versions are bumped so old handles die.</summary>
    public void Clear()
    {
        EnsureNotIterating("Clear");
        for (var id = _usedIds - 1; id >= 0; id--)
        {
            ref var data = ref _entities[id];
            if (data.Archetype is not null)
            {
                Release(id);
            }
        }

        foreach (var archetype in _archetypes)
        {
            archetype.Clear();
        }

        Size = 0;
    }

    /// <summary>Releases chunks that hold no rows.</summary>
    public void TrimExcess()
    {
        EnsureNotIterating("TrimExcess");
        foreach (var archetype in _archetypes)
        {
            archetype.TrimExcess();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _archetypes.Clear();
        _archetypeBySignature.Clear();
        _queryCache.Clear();
        _entities = [];
        _freeIds = [];
        _usedIds = 0;
        _freeCount = 0;
        Size = 0;
    }

    /// <summary>Finds or creates the archetype of a signature.</summary>
    internal Archetype GetOrCreateArchetype(in Signature signature)
    {
        if (_archetypeBySignature.TryGetValue(signature, out var archetype))
        {
            return archetype;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        archetype = new Archetype(_archetypes.Count, signature, ChunkSizeInBytes, MinimumAmountOfEntitiesPerChunk);
        _archetypes.Add(archetype);
        _archetypeBySignature.Add(signature, archetype);
        return archetype;
    }

    /// <summary>Throws when a query is iterating: structural changes would invalidate its rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsureNotIterating(string operation)
    {
        if (Volatile.Read(ref _iterationDepth) > 0)
        {
            ThrowIterating(operation);
        }
    }

    internal void EnterIteration() => Interlocked.Increment(ref _iterationDepth);

    internal void ExitIteration() => Interlocked.Decrement(ref _iterationDepth);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIterating(string operation) => throw new InvalidOperationException(
        $"World.{operation} is a structural change and was attempted while a query is iterating. Record it in a " +
        "CommandBuffer during the query and call Playback(world) after it.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDead(Entity entity) =>
        throw new InvalidOperationException($"{entity} is not alive (destroyed, or a stale handle to a recycled id).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMissing(Entity entity, Type type) =>
        throw new InvalidOperationException($"{entity} has no component {type.Name}.");
}
