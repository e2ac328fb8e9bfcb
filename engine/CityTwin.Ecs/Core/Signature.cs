using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CityTwin.Ecs.Core;

/// <summary>
/// An immutable set of component types, stored as a 256-bit inline bit set (no allocation, value equality).
/// </summary>
/// <remarks>Mirrors Arch's <c>Signature</c>; ours needs no heap array because ids are bounded.</remarks>
public readonly struct Signature : IEquatable<Signature>
{
    /// <summary>Number of component ids a signature can hold.</summary>
    public const int Capacity = 256;

    private readonly ulong _b0;
    private readonly ulong _b1;
    private readonly ulong _b2;
    private readonly ulong _b3;

    /// <summary>An empty signature.</summary>
    public static readonly Signature Null;

    /// <summary>Creates a signature from component types.</summary>
    /// <param name="types">The component types (duplicates are ignored).</param>
    public Signature(params ReadOnlySpan<ComponentType> types)
    {
        foreach (var type in types)
        {
            var id = type.Id;
            var bit = 1UL << (id & 63);
            switch (id >> 6)
            {
                case 0: _b0 |= bit; break;
                case 1: _b1 |= bit; break;
                case 2: _b2 |= bit; break;
                default: _b3 |= bit; break;
            }
        }
    }

    private Signature(ulong b0, ulong b1, ulong b2, ulong b3)
    {
        _b0 = b0;
        _b1 = b1;
        _b2 = b2;
        _b3 = b3;
    }

    /// <summary>Number of component types in the set.</summary>
    public int Count => BitOperations.PopCount(_b0) + BitOperations.PopCount(_b1) + BitOperations.PopCount(_b2) +
                        BitOperations.PopCount(_b3);

    /// <summary>True when the set is empty.</summary>
    public bool IsEmpty => (_b0 | _b1 | _b2 | _b3) == 0;

    /// <summary>The highest component id in the set, or −1 when empty.</summary>
    public int MaxId =>
        _b3 != 0 ? 255 - BitOperations.LeadingZeroCount(_b3) :
        _b2 != 0 ? 191 - BitOperations.LeadingZeroCount(_b2) :
        _b1 != 0 ? 127 - BitOperations.LeadingZeroCount(_b1) :
        _b0 != 0 ? 63 - BitOperations.LeadingZeroCount(_b0) : -1;

    /// <summary>The component types, ordered by id.</summary>
    public ComponentType[] Components
    {
        get
        {
            var result = new ComponentType[Count];
            var n = 0;
            for (var id = 0; id <= MaxId; id++)
            {
                if (Contains(id))
                {
                    result[n++] = ComponentRegistry.Get(id);
                }
            }

            return result;
        }
    }

    /// <summary>True when the set holds component id <paramref name="id"/>.</summary>
    /// <param name="id">A component id.</param>
    /// <returns>Whether the id is in the set.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int id)
    {
        var word = (id >> 6) switch { 0 => _b0, 1 => _b1, 2 => _b2, _ => _b3 };
        return (word & (1UL << (id & 63))) != 0;
    }

    /// <summary>True when every type of <paramref name="other"/> is in this set.</summary>
    /// <param name="other">The candidate subset.</param>
    /// <returns>Whether <paramref name="other"/> ⊆ this.</returns>
    public bool ContainsAll(in Signature other) =>
        (other._b0 & ~_b0) == 0 && (other._b1 & ~_b1) == 0 && (other._b2 & ~_b2) == 0 && (other._b3 & ~_b3) == 0;

    /// <summary>True when the two sets share at least one type.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>Whether the intersection is non-empty.</returns>
    public bool Overlaps(in Signature other) =>
        ((_b0 & other._b0) | (_b1 & other._b1) | (_b2 & other._b2) | (_b3 & other._b3)) != 0;

    /// <summary>This set with one more type.</summary>
    /// <param name="type">The type to add.</param>
    /// <returns>The union.</returns>
    public Signature With(ComponentType type) => Union(new Signature(type));

    /// <summary>This set without one type.</summary>
    /// <param name="type">The type to remove.</param>
    /// <returns>The difference.</returns>
    public Signature Without(ComponentType type)
    {
        var other = new Signature(type);
        return new Signature(_b0 & ~other._b0, _b1 & ~other._b1, _b2 & ~other._b2, _b3 & ~other._b3);
    }

    /// <summary>The union of two sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>This ∪ other.</returns>
    public Signature Union(in Signature other) =>
        new(_b0 | other._b0, _b1 | other._b1, _b2 | other._b2, _b3 | other._b3);

    /// <inheritdoc />
    public bool Equals(Signature other) =>
        _b0 == other._b0 && _b1 == other._b1 && _b2 == other._b2 && _b3 == other._b3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Signature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_b0, _b1, _b2, _b3);

    /// <summary>Set equality.</summary>
    public static bool operator ==(Signature left, Signature right) => left.Equals(right);

    /// <summary>Set inequality.</summary>
    public static bool operator !=(Signature left, Signature right) => !left.Equals(right);

    /// <summary>Converts an array of component types to a signature.</summary>
    /// <param name="types">The types.</param>
    public static implicit operator Signature(ComponentType[] types) => new(types);

    /// <summary>Converts a span of component types to a signature.</summary>
    /// <param name="types">The types.</param>
    public static implicit operator Signature(Span<ComponentType> types) => new(types);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("Signature(");
        var first = true;
        for (var id = 0; id <= MaxId; id++)
        {
            if (!Contains(id))
            {
                continue;
            }

            text.Append(first ? string.Empty : ", ").Append(ComponentRegistry.TypeOf(id).Name);
            first = false;
        }

        return text.Append(')').ToString();
    }
}
