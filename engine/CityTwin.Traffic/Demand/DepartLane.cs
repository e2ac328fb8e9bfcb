using System.Globalization;

namespace CityTwin.Traffic.Demand;

/// <summary>The depart-lane rule of a trip (SUMO <c>departLane</c>): a kind, plus a lane index for <see cref="DepartLaneKind.Given"/>.</summary>
public readonly struct DepartLane : IEquatable<DepartLane>
{
    private DepartLane(DepartLaneKind kind, int index)
    {
        Kind = kind;
        Index = index;
    }

    /// <summary>The rule.</summary>
    public DepartLaneKind Kind { get; }

    /// <summary>Lane index from the right for <see cref="DepartLaneKind.Given"/>; 0 otherwise.</summary>
    public int Index { get; }

    /// <summary>The rightmost allowed lane (the default).</summary>
    public static DepartLane First => default;

    /// <summary>A random allowed lane.</summary>
    public static DepartLane Random => new(DepartLaneKind.Random, 0);

    /// <summary>The freest allowed lane.</summary>
    public static DepartLane Free => new(DepartLaneKind.Free, 0);

    /// <summary>The freest of the lanes that continue furthest along the route.</summary>
    public static DepartLane Best => new(DepartLaneKind.Best, 0);

    /// <summary>A given lane.</summary>
    /// <param name="indexFromRight">Lane index, 0 = rightmost.</param>
    /// <returns>The rule.</returns>
    public static DepartLane Given(int indexFromRight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indexFromRight);
        return new DepartLane(DepartLaneKind.Given, indexFromRight);
    }

    /// <summary>Parses SUMO's notation: <c>first</c>, <c>random</c>, <c>free</c>, <c>best</c> or a lane index.</summary>
    /// <param name="text">The text (case-insensitive, trimmed).</param>
    /// <param name="value">The rule.</param>
    /// <returns>False when the text is none of these.</returns>
    public static bool TryParse(string? text, out DepartLane value)
    {
        value = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "first":
                return true;
            case "random":
                value = Random;
                return true;
            case "free":
                value = Free;
                return true;
            case "best":
                value = Best;
                return true;
            default:
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    value = Given(index);
                    return true;
                }

                return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(DepartLane other) => Kind == other.Kind && Index == other.Index;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DepartLane other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Index);

    /// <summary>SUMO's notation (<c>first</c>, <c>random</c>, <c>free</c>, <c>best</c> or the index).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Kind == DepartLaneKind.Given ? Index.ToString(CultureInfo.InvariantCulture) : Kind.ToString().ToLowerInvariant();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DepartLane left, DepartLane right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DepartLane left, DepartLane right) => !left.Equals(right);
}
