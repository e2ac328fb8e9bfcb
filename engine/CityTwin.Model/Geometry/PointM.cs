namespace CityTwin.Model.Geometry;

/// <summary>A point in the model's projected plane (metres from the city centre, X east, Y north).</summary>
/// <param name="xM">Easting, metres.</param>
/// <param name="yM">Northing, metres.</param>
public readonly struct PointM(double xM, double yM)
{
    /// <summary>Easting, metres.</summary>
    public readonly double XM = xM;

    /// <summary>Northing, metres.</summary>
    public readonly double YM = yM;

    /// <summary>Euclidean distance to <paramref name="other"/>, metres.</summary>
    /// <param name="other">The other point.</param>
    /// <returns>The distance in metres.</returns>
    public double DistanceTo(PointM other)
    {
        var dx = other.XM - XM;
        var dy = other.YM - YM;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"({XM:F2}, {YM:F2})");
}
