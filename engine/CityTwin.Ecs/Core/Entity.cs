using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// A handle to an entity: an id that indexes the world's entity table and a version that detects stale handles.
/// </summary>
/// <remarks>
/// Mirrors Arch 2.x's <c>Entity</c> in its PURE_ECS shape (Id, Version; no world id). Ids are recycled after
/// <see cref="World.Destroy(Entity)"/>; the version is bumped on every recycle, so an old handle to a recycled id is
/// reported dead by <see cref="World.IsAlive(Entity)"/>.
/// </remarks>
[SkipLocalsInit]
public readonly struct Entity : IEquatable<Entity>, IComparable<Entity>
{
    /// <summary>The null entity: never alive in any world.</summary>
    public static readonly Entity Null = new(-1, 0);

    /// <summary>Index of the entity in its world's entity table.</summary>
    public readonly int Id;

    /// <summary>Version of the id; starts at 1 and grows each time the id is recycled.</summary>
    public readonly int Version;

    /// <summary>Creates a handle. Worlds create entities; user code normally never calls this.</summary>
    /// <param name="id">The entity id.</param>
    /// <param name="version">The id's version.</param>
    public Entity(int id, int version)
    {
        Id = id;
        Version = version;
    }

    /// <inheritdoc />
    public bool Equals(Entity other) => Id == other.Id && Version == other.Version;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Entity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version);

    /// <summary>Orders by id, then version.</summary>
    /// <param name="other">The entity to compare with.</param>
    /// <returns>Negative, zero or positive as in <see cref="IComparable{T}"/>.</returns>
    public int CompareTo(Entity other) => Id != other.Id ? Id.CompareTo(other.Id) : Version.CompareTo(other.Version);

    /// <summary>Equality by id and version.</summary>
    public static bool operator ==(Entity left, Entity right) => left.Equals(right);

    /// <summary>Inequality by id and version.</summary>
    public static bool operator !=(Entity left, Entity right) => !left.Equals(right);

    /// <summary>Ordering by id, then version.</summary>
    public static bool operator <(Entity left, Entity right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by id, then version.</summary>
    public static bool operator >(Entity left, Entity right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by id, then version.</summary>
    public static bool operator <=(Entity left, Entity right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by id, then version.</summary>
    public static bool operator >=(Entity left, Entity right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"Entity({Id}v{Version})";
}
