using System.Globalization;

namespace CityTwin.Ecs.Timing;

/// <summary>
/// A point or span of simulation time in whole milliseconds. Every conversion between seconds, hours and
/// milliseconds lives here, so the simulation never accumulates floating-point time.
/// </summary>
/// <remarks>Like SUMO's <c>SUMOTime</c> (integer ms): 1 ms resolution covers the 0.1 s steps traffic needs, and a
/// <see cref="long"/> spans 292 million years, so no run overflows.</remarks>
public readonly record struct SimTime(long Milliseconds) : IComparable<SimTime>
{
    /// <summary>Milliseconds per second.</summary>
    public const long MsPerSecond = 1_000;

    /// <summary>Milliseconds per hour.</summary>
    public const long MsPerHour = 3_600_000;

    /// <summary>Milliseconds per day.</summary>
    public const long MsPerDay = 86_400_000;

    /// <summary>Time zero.</summary>
    public static readonly SimTime Zero;

    /// <summary>The time in seconds (for physics; never fed back into the clock).</summary>
    public double Seconds => Milliseconds / (double)MsPerSecond;

    /// <summary>The time in hours.</summary>
    public double Hours => Milliseconds / (double)MsPerHour;

    /// <summary>From whole seconds.</summary>
    /// <param name="seconds">Seconds.</param>
    /// <returns>The time.</returns>
    public static SimTime FromSeconds(long seconds) => new(checked(seconds * MsPerSecond));

    /// <summary>From seconds, rounded to the nearest millisecond (0.1 s is exactly 100 ms).</summary>
    /// <param name="seconds">Seconds, finite.</param>
    /// <returns>The time.</returns>
    public static SimTime FromSeconds(double seconds)
    {
        if (!double.IsFinite(seconds))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Simulation time must be finite.");
        }

        return new SimTime(checked((long)Math.Round(seconds * MsPerSecond, MidpointRounding.AwayFromZero)));
    }

    /// <summary>From whole hours.</summary>
    /// <param name="hours">Hours.</param>
    /// <returns>The time.</returns>
    public static SimTime FromHours(long hours) => new(checked(hours * MsPerHour));

    /// <summary>Sum of two times.</summary>
    public static SimTime operator +(SimTime a, SimTime b) => new(checked(a.Milliseconds + b.Milliseconds));

    /// <summary>Difference of two times.</summary>
    public static SimTime operator -(SimTime a, SimTime b) => new(checked(a.Milliseconds - b.Milliseconds));

    /// <summary>A span repeated <paramref name="n"/> times.</summary>
    public static SimTime operator *(SimTime a, long n) => new(checked(a.Milliseconds * n));

    /// <summary>Ordering.</summary>
    public static bool operator <(SimTime a, SimTime b) => a.Milliseconds < b.Milliseconds;

    /// <summary>Ordering.</summary>
    public static bool operator >(SimTime a, SimTime b) => a.Milliseconds > b.Milliseconds;

    /// <summary>Ordering.</summary>
    public static bool operator <=(SimTime a, SimTime b) => a.Milliseconds <= b.Milliseconds;

    /// <summary>Ordering.</summary>
    public static bool operator >=(SimTime a, SimTime b) => a.Milliseconds >= b.Milliseconds;

    /// <inheritdoc />
    public int CompareTo(SimTime other) => Milliseconds.CompareTo(other.Milliseconds);

    /// <summary>Formats as <c>[d.]hh:mm:ss[.fff]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var span = TimeSpan.FromMilliseconds(Milliseconds);
        var format = span.Milliseconds != 0 ? @"hh\:mm\:ss\.fff" : @"hh\:mm\:ss";
        var text = span.ToString(format, CultureInfo.InvariantCulture);
        return span.Days != 0 ? $"{span.Days}.{text}" : text;
    }
}
