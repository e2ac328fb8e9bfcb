using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// Typed array operations for one component type, used by structural changes that only know component ids.
/// </summary>
/// <remarks>
/// Implementation note: <see cref="Array.Copy(Array, int, Array, int, int)"/> on one element pays a type check per
/// call; a virtual call into a closed generic copies one element with no check, which keeps add/remove churn cheap.
/// </remarks>
internal abstract class ComponentOps
{
    /// <summary>Creates a component array.</summary>
    public abstract Array CreateArray(int length);

    /// <summary>Copies one element between two arrays of this component type.</summary>
    public abstract void CopyOne(Array source, int sourceIndex, Array destination, int destinationIndex);

    /// <summary>Copies a range between two arrays of this component type.</summary>
    public abstract void CopyRange(Array source, int sourceIndex, Array destination, int destinationIndex, int length);

    /// <summary>Resets a range to default (and releases references held by managed components).</summary>
    public abstract void Clear(Array array, int index, int length);

    /// <summary>Copies <paramref name="destination"/>[<paramref name="destinationIndex"/> + j] =
    /// <paramref name="source"/>[<paramref name="order"/>[j] − <paramref name="sourceOffset"/>] for every j of
    /// <paramref name="order"/> (a permutation of rows, with one virtual call per run instead of one per row).</summary>
    public abstract void Gather(Array source, int sourceOffset, ReadOnlySpan<int> order, Array destination, int destinationIndex);
}

/// <summary>The typed implementation of <see cref="ComponentOps"/>.</summary>
/// <typeparam name="T">The component type.</typeparam>
internal sealed class ComponentOps<T> : ComponentOps
{
    public override Array CreateArray(int length) => new T[length];

    public override void CopyOne(Array source, int sourceIndex, Array destination, int destinationIndex)
    {
        Unsafe.As<T[]>(destination)[destinationIndex] = Unsafe.As<T[]>(source)[sourceIndex];
    }

    public override void CopyRange(Array source, int sourceIndex, Array destination, int destinationIndex, int length)
    {
        Unsafe.As<T[]>(source).AsSpan(sourceIndex, length).CopyTo(Unsafe.As<T[]>(destination).AsSpan(destinationIndex, length));
    }

    public override void Clear(Array array, int index, int length)
    {
        // Cleared always, not only for managed components: a freed row must read as default when it is reused by a
        // Create that gives no value for this component.
        Unsafe.As<T[]>(array).AsSpan(index, length).Clear();
    }

    public override void Gather(Array source, int sourceOffset, ReadOnlySpan<int> order, Array destination, int destinationIndex)
    {
        var from = Unsafe.As<T[]>(source);
        var to = Unsafe.As<T[]>(destination).AsSpan(destinationIndex, order.Length);
        for (var j = 0; j < to.Length; j++)
        {
            to[j] = from[order[j] - sourceOffset];
        }
    }
}
