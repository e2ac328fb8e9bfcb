using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// A block of rows of one archetype, stored as structure of arrays: one array per component plus the entities.
/// </summary>
/// <remarks>
/// As in Arch, <see cref="GetSpan{T}"/> and <see cref="GetArray{T}"/> cover the chunk's <see cref="Capacity"/>, not
/// its <see cref="Count"/>: slice to <see cref="Count"/> yourself. Rows 0…Count−1 are live.
/// </remarks>
public struct Chunk
{
    /// <summary>The entities of the rows.</summary>
    public readonly Entity[] Entities;

    /// <summary>One array per component type of the archetype, in the archetype's component order.</summary>
    public readonly Array[] Components;

    /// <summary>Maps a component id to its index in <see cref="Components"/>, or −1 (shared by the archetype).</summary>
    public readonly int[] ComponentIdToArrayIndex;

    /// <summary>Number of live rows.</summary>
    public int Count;

    internal Chunk(Entity[] entities, Array[] components, int[] componentIdToArrayIndex)
    {
        Entities = entities;
        Components = components;
        ComponentIdToArrayIndex = componentIdToArrayIndex;
        Count = 0;
    }

    /// <summary>Number of rows the chunk can hold.</summary>
    public readonly int Capacity => Entities.Length;

    /// <summary>True when the chunk has component <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <returns>Whether the archetype includes it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Has<T>()
    {
        var id = Component<T>.ComponentType.Id;
        return id < ComponentIdToArrayIndex.Length && ComponentIdToArrayIndex[id] >= 0;
    }

    /// <summary>The entity of row <paramref name="index"/>.</summary>
    /// <param name="index">A row in 0…Count−1.</param>
    /// <returns>A reference to the entity.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref Entity Entity(int index) => ref Entities[index];

    /// <summary>The component array of <typeparamref name="T"/> (length <see cref="Capacity"/>).</summary>
    /// <typeparam name="T">A component type of the archetype.</typeparam>
    /// <returns>The array.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly T[] GetArray<T>()
    {
        var id = Component<T>.ComponentType.Id;
        Debug.Assert(id < ComponentIdToArrayIndex.Length && ComponentIdToArrayIndex[id] >= 0,
            $"Chunk has no component {typeof(T).Name}.");
        return Unsafe.As<T[]>(Components[ComponentIdToArrayIndex[id]]);
    }

    /// <summary>A span over the component array of <typeparamref name="T"/> (length <see cref="Capacity"/>).</summary>
    /// <typeparam name="T">A component type of the archetype.</typeparam>
    /// <returns>The span; slice it to <see cref="Count"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Span<T> GetSpan<T>() => GetArray<T>();

    /// <summary>A reference to row 0 of <typeparamref name="T"/>, for <c>Unsafe.Add(ref first, i)</c> loops.</summary>
    /// <typeparam name="T">A component type of the archetype.</typeparam>
    /// <returns>The reference.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref T GetFirst<T>() => ref MemoryMarshal.GetArrayDataReference(GetArray<T>());

    /// <summary>Row <paramref name="index"/> of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A component type of the archetype.</typeparam>
    /// <param name="index">A row in 0…Count−1.</param>
    /// <returns>A reference to the component.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref T GetRow<T>(int index) => ref GetArray<T>()[index];

    /// <summary>Enumerates the live rows from Count−1 down to 0, as Arch does.</summary>
    /// <returns>A struct enumerator.</returns>
    public readonly ChunkRowEnumerator GetEnumerator() => new(Count);
}

/// <summary>Enumerates row indices of a chunk from Count−1 down to 0 without allocating.</summary>
public struct ChunkRowEnumerator
{
    private int _index;

    /// <summary>Starts before row Count−1.</summary>
    /// <param name="count">The chunk's row count.</param>
    public ChunkRowEnumerator(int count) => _index = count;

    /// <summary>The current row.</summary>
    public readonly int Current => _index;

    /// <summary>Moves to the next lower row.</summary>
    /// <returns>False after row 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext() => --_index >= 0;
}
