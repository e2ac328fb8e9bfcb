using System.Globalization;

namespace CityTwin.Traffic.Demand;

/// <summary>The depart-position rule of a trip (SUMO <c>departPos</c>): a kind, plus metres for <see cref="DepartPosKind.Given"/>.</summary>
public readonly struct DepartPos : IEquatable<DepartPos>
{
    private DepartPos(DepartPosKind kind, double positionM)
    {
        Kind = kind;
        PositionM = positionM;
    }

    /// <summary>The rule.</summary>
    public DepartPosKind Kind { get; }

    /// <summary>
    /// Position of the vehicle's front, metres from the start of the lane, for <see cref="DepartPosKind.Given"/>
    /// (negative: counted back from the lane's end, as in SUMO); 0 otherwise.
    /// </summary>
    public double PositionM { get; }

    /// <summary>Back of the vehicle at the lane start (the default).</summary>
    public static DepartPos Base => default;

    /// <summary>A random position.</summary>
    public static DepartPos Random => new(DepartPosKind.Random, 0);

    /// <summary>A free position.</summary>
    public static DepartPos Free => new(DepartPosKind.Free, 0);

    /// <summary>A given position.</summary>
    /// <param name="positionM">Metres from the lane start (negative: from its end).</param>
    /// <returns>The rule.</returns>
    public static DepartPos Given(double positionM)
    {
        if (!double.IsFinite(positionM))
        {
            throw new ArgumentOutOfRangeException(nameof(positionM), positionM, "A depart position must be finite.");
        }

        return new DepartPos(DepartPosKind.Given, positionM);
    }

    /// <summary>Parses SUMO's notation: <c>base</c>, <c>random</c>, <c>free</c> or metres.</summary>
    /// <param name="text">The text (case-insensitive, trimmed).</param>
    /// <param name="value">The rule.</param>
    /// <returns>False when the text is none of these.</returns>
    public static bool TryParse(string? text, out DepartPos value)
    {
        value = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "base":
                return true;
            case "random":
                value = Random;
                return true;
            case "free":
                value = Free;
                return true;
            default:
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && double.IsFinite(m))
                {
                    value = Given(m);
                    return true;
                }

                return false;
        }
    }

    /// <summary>Resolves the front position on a lane of a given length, metres from its start.</summary>
    /// <param name="laneLengthM">Lane length.</param>
    /// <param name="vehicleLengthM">Vehicle length (for <see cref="DepartPosKind.Base"/>).</param>
    /// <returns>
    /// The position for <see cref="DepartPosKind.Base"/> and <see cref="DepartPosKind.Given"/>, clamped to
    /// [0, lane length]; NaN for <see cref="DepartPosKind.Random"/> and <see cref="DepartPosKind.Free"/>, which
    /// need a random draw or the lane's occupancy (the insertion system decides).
    /// </returns>
    public double ResolveFixedM(double laneLengthM, double vehicleLengthM) => Kind switch
    {
        DepartPosKind.Base => Math.Clamp(vehicleLengthM, 0, laneLengthM),
        DepartPosKind.Given => Math.Clamp(PositionM < 0 ? laneLengthM + PositionM : PositionM, 0, laneLengthM),
        _ => double.NaN,
    };

    /// <inheritdoc/>
    public bool Equals(DepartPos other) => Kind == other.Kind && PositionM.Equals(other.PositionM);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DepartPos other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, PositionM);

    /// <summary>SUMO's notation (<c>base</c>, <c>random</c>, <c>free</c> or metres).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Kind == DepartPosKind.Given ? PositionM.ToString("R", CultureInfo.InvariantCulture) : Kind.ToString().ToLowerInvariant();

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DepartPos left, DepartPos right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DepartPos left, DepartPos right) => !left.Equals(right);
}
