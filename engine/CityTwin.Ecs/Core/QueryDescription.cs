namespace CityTwin.Ecs.Core;

/// <summary>
/// Describes which archetypes a query visits: those holding <see cref="All"/>, at least one of <see cref="Any"/>
/// (when non-empty) and none of <see cref="None"/>; or, when <see cref="Exclusive"/> is set, exactly that set.
/// </summary>
/// <remarks>
/// Mirrors Arch 2.x, including its <b>replace</b> semantics: <c>WithAll&lt;A&gt;().WithAll&lt;B&gt;()</c> requires
/// only B. List every type in one call (<c>WithAll&lt;A, B&gt;()</c>). The fluent methods return a copy, so
/// <c>static readonly QueryDescription Moving = new QueryDescription().WithAll&lt;P, V&gt;();</c> works as in Arch.
/// </remarks>
public readonly partial struct QueryDescription : IEquatable<QueryDescription>
{
    /// <summary>Creates a description from signatures.</summary>
    /// <param name="all">Types every matching archetype has.</param>
    /// <param name="any">Types of which a matching archetype has at least one (ignored when empty).</param>
    /// <param name="none">Types a matching archetype must not have.</param>
    /// <param name="exclusive">When non-empty, the exact type set of a matching archetype.</param>
    public QueryDescription(Signature? all = null, Signature? any = null, Signature? none = null,
        Signature? exclusive = null)
    {
        All = all ?? Signature.Null;
        Any = any ?? Signature.Null;
        None = none ?? Signature.Null;
        Exclusive = exclusive ?? Signature.Null;
    }

    /// <summary>A description matching every archetype (including the empty one).</summary>
    public static readonly QueryDescription Null;

    /// <summary>Types every matching archetype has.</summary>
    public Signature All { get; init; }

    /// <summary>Types of which a matching archetype has at least one; ignored when empty.</summary>
    public Signature Any { get; init; }

    /// <summary>Types a matching archetype must not have.</summary>
    public Signature None { get; init; }

    /// <summary>When non-empty, a matching archetype has exactly these types and the other sets are ignored.</summary>
    public Signature Exclusive { get; init; }

    /// <summary>True when an archetype with type set <paramref name="archetype"/> matches.</summary>
    /// <param name="archetype">The archetype's signature.</param>
    /// <returns>Whether it matches.</returns>
    public bool Matches(in Signature archetype)
    {
        if (!Exclusive.IsEmpty)
        {
            return archetype == Exclusive;
        }

        return archetype.ContainsAll(All) && (Any.IsEmpty || archetype.Overlaps(Any)) && !archetype.Overlaps(None);
    }

    /// <inheritdoc />
    public bool Equals(QueryDescription other) =>
        All == other.All && Any == other.Any && None == other.None && Exclusive == other.Exclusive;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QueryDescription other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(All, Any, None, Exclusive);

    /// <summary>Value equality.</summary>
    public static bool operator ==(QueryDescription left, QueryDescription right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(QueryDescription left, QueryDescription right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"Query(All={All}, Any={Any}, None={None}, Exclusive={Exclusive})";
}
