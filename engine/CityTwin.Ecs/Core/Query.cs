using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// A cached query: the archetypes matching a <see cref="QueryDescription"/>, in archetype creation order.
/// </summary>
/// <remarks>
/// Enumerate it with <c>foreach (ref var chunk in world.Query(in description))</c>. While the enumeration runs,
/// structural changes to the world are refused. Matching is incremental: archetypes are never removed, so only
/// archetypes created since the last use are tested.
/// </remarks>
public sealed class Query
{
    private readonly World _world;
    private Archetype[] _matches = [];
    private int _matchCount;
    private int _testedArchetypes;
    private ChunkRef[] _chunkList = [];

    internal Query(World world, in QueryDescription description)
    {
        _world = world;
        Description = description;
    }

    /// <summary>The description this query was built from.</summary>
    public QueryDescription Description { get; }

    /// <summary>The matching archetypes in creation order.</summary>
    public ReadOnlySpan<Archetype> Archetypes
    {
        get
        {
            Refresh();
            return _matches.AsSpan(0, _matchCount);
        }
    }

    /// <summary>Enumerates the non-empty chunks of the matching archetypes by reference.</summary>
    /// <returns>A struct enumerator; disposing it (as <c>foreach</c> does) ends the iteration.</returns>
    public QueryChunkEnumerator GetEnumerator()
    {
        Refresh();
        _world.EnterIteration();
        return new QueryChunkEnumerator(_world, _matches, _matchCount);
    }

    /// <summary>Brings the match list up to date with the world's archetypes.</summary>
    internal void Refresh()
    {
        var archetypes = _world.Archetypes;
        if (_testedArchetypes == archetypes.Count)
        {
            return;
        }

        for (var i = _testedArchetypes; i < archetypes.Count; i++)
        {
            var archetype = archetypes[i];
            if (!Description.Matches(archetype.Signature))
            {
                continue;
            }

            if (_matchCount == _matches.Length)
            {
                Array.Resize(ref _matches, Math.Max(4, _matchCount * 2));
            }

            _matches[_matchCount++] = archetype;
        }

        _testedArchetypes = archetypes.Count;
    }

    /// <summary>Lists every non-empty chunk of the matching archetypes into a reused buffer (for parallel queries).</summary>
    internal ReadOnlySpan<ChunkRef> CollectChunks()
    {
        Refresh();
        var total = 0;
        for (var a = 0; a < _matchCount; a++)
        {
            total += _matches[a].ChunkCount;
        }

        if (_chunkList.Length < total)
        {
            _chunkList = new ChunkRef[Math.Max(total, _chunkList.Length * 2)];
        }

        var n = 0;
        for (var a = 0; a < _matchCount; a++)
        {
            var archetype = _matches[a];
            for (var k = 0; k < archetype.ChunkCount; k++)
            {
                _chunkList[n++] = new ChunkRef(archetype, k);
            }
        }

        return _chunkList.AsSpan(0, n);
    }

    internal ChunkRef[] ChunkBuffer => _chunkList;
}

/// <summary>A chunk addressed by archetype and index.</summary>
/// <param name="Archetype">The archetype.</param>
/// <param name="Index">The chunk index within it.</param>
internal readonly record struct ChunkRef(Archetype Archetype, int Index)
{
    /// <summary>The chunk.</summary>
    public ref Chunk Chunk => ref Archetype.GetChunk(Index);
}

/// <summary>Enumerates the non-empty chunks of a query by reference, without allocating.</summary>
public struct QueryChunkEnumerator : IDisposable
{
    private readonly World _world;
    private readonly Archetype[] _archetypes;
    private readonly int _archetypeCount;
    private int _archetype;
    private int _chunk;
    private bool _disposed;

    internal QueryChunkEnumerator(World world, Archetype[] archetypes, int archetypeCount)
    {
        _world = world;
        _archetypes = archetypes;
        _archetypeCount = archetypeCount;
        _archetype = 0;
        _chunk = -1;
        _disposed = false;
    }

    /// <summary>The current chunk.</summary>
    public readonly ref Chunk Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _archetypes[_archetype].GetChunk(_chunk);
    }

    /// <summary>Advances to the next non-empty chunk.</summary>
    /// <returns>False when every chunk has been visited.</returns>
    public bool MoveNext()
    {
        while (_archetype < _archetypeCount)
        {
            if (++_chunk < _archetypes[_archetype].ChunkCount)
            {
                return true;
            }

            _archetype++;
            _chunk = -1;
        }

        return false;
    }

    /// <summary>Ends the iteration, allowing structural changes again.</summary>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _world.ExitIteration();
        }
    }
}
