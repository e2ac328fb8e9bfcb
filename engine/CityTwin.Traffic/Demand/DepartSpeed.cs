using System.Globalization;

namespace CityTwin.Traffic.Demand;

/// <summary>The depart-speed rule of a trip (SUMO <c>departSpeed</c>): a kind, plus m/s for <see cref="DepartSpeedKind.Given"/>.</summary>
public readonly struct DepartSpeed : IEquatable<DepartSpeed>
{
    private DepartSpeed(DepartSpeedKind kind, double speedMps)
    {
        Kind = kind;
        SpeedMps = speedMps;
    }

    /// <summary>The rule.</summary>
    public DepartSpeedKind Kind { get; }

    /// <summary>Speed, metres per second, for <see cref="DepartSpeedKind.Given"/>; 0 otherwise.</summary>
    public double SpeedMps { get; }

    /// <summary>Standing start (the default).</summary>
    public static DepartSpeed Zero => default;

    /// <summary>A random safe speed.</summary>
    public static DepartSpeed Random => new(DepartSpeedKind.Random, 0);

    /// <summary>The highest safe speed.</summary>
    public static DepartSpeed Max => new(DepartSpeedKind.Max, 0);

    /// <summary>The vehicle's desired speed.</summary>
    public static DepartSpeed Desired => new(DepartSpeedKind.Desired, 0);

    /// <summary>A given speed.</summary>
    /// <param name="speedMps">Metres per second, finite and ≥ 0.</param>
    /// <returns>The rule.</returns>
    public static DepartSpeed Given(double speedMps)
    {
        if (!double.IsFinite(speedMps) || speedMps < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speedMps), speedMps, "A depart speed must be finite and ≥ 0 m/s.");
        }

        return new DepartSpeed(DepartSpeedKind.Given, speedMps);
    }

    /// <summary>Parses SUMO's notation: <c>random</c>, <c>max</c>, <c>desired</c> or m/s (<c>0</c> is a standing start).</summary>
    /// <param name="text">The text (case-insensitive, trimmed).</param>
    /// <param name="value">The rule.</param>
    /// <returns>False when the text is none of these.</returns>
    public static bool TryParse(string? text, out DepartSpeed value)
    {
        value = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "random":
                value = Random;
                return true;
            case "max":
                value = Max;
                return true;
            case "desired":
                value = Desired;
                return true;
            default:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0)
                {
                    value = v == 0 ? Zero : Given(v);
                    return true;
                }

                return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(DepartSpeed other) => Kind == other.Kind && SpeedMps.Equals(other.SpeedMps);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DepartSpeed other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, SpeedMps);

    /// <summary>SUMO's notation (<c>0</c>, <c>random</c>, <c>max</c>, <c>desired</c> or m/s).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        DepartSpeedKind.Zero => "0",
        DepartSpeedKind.Given => SpeedMps.ToString("R", CultureInfo.InvariantCulture),
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DepartSpeed left, DepartSpeed right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DepartSpeed left, DepartSpeed right) => !left.Equals(right);
}
