using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Lighting;

/// <summary>
/// TALQ-style astronomical clock (<c>AstroClockActivePeriod</c>, energy.md §3.3): lights on at sunset + offset, off
/// at sunrise + offset, sunrise/sunset from the NOAA sun-position model (<see cref="SolarCalculator"/>), never
/// hard-coded. A night runs noon to noon (TALQ dayOffset 12): the night of date d starts at d's sunset.
/// </summary>
public sealed class AstroClock
{
    /// <summary>Creates a clock for a site.</summary>
    /// <param name="latitudeDeg">Latitude, degrees north.</param>
    /// <param name="longitudeDeg">Longitude, degrees east.</param>
    /// <param name="utcOffsetHours">Local standard time minus UTC, hours.</param>
    /// <param name="sunsetOffsetMin">Minutes after sunset to switch on (negative = before).</param>
    /// <param name="sunriseOffsetMin">Minutes after sunrise to switch off (negative = before).</param>
    public AstroClock(double latitudeDeg, double longitudeDeg, double utcOffsetHours, double sunsetOffsetMin = 0.0, double sunriseOffsetMin = 0.0)
    {
        LatitudeDeg = latitudeDeg;
        LongitudeDeg = longitudeDeg;
        UtcOffsetHours = utcOffsetHours;
        SunsetOffsetMin = sunsetOffsetMin;
        SunriseOffsetMin = sunriseOffsetMin;
    }

    /// <summary>Latitude, degrees north.</summary>
    public double LatitudeDeg { get; }

    /// <summary>Longitude, degrees east.</summary>
    public double LongitudeDeg { get; }

    /// <summary>Local standard time minus UTC, hours.</summary>
    public double UtcOffsetHours { get; }

    /// <summary>Switch-on offset after sunset, minutes.</summary>
    public double SunsetOffsetMin { get; }

    /// <summary>Switch-off offset after sunrise, minutes.</summary>
    public double SunriseOffsetMin { get; }

    /// <summary>
    /// The burning period of the night that starts on <paramref name="date"/>: switch-on in minutes after that date's
    /// local midnight, switch-off in minutes after the same midnight (so &gt; 1440). Polar day: an empty period; polar
    /// night: burning from noon to noon.
    /// </summary>
    /// <param name="date">Local date of the evening.</param>
    /// <param name="onMin">Switch-on, minutes after the date's midnight.</param>
    /// <param name="offMin">Switch-off, minutes after the date's midnight.</param>
    public void Night(DateOnly date, out double onMin, out double offMin)
    {
        SunriseSunset evening = SolarCalculator.SunriseSunset(date, LatitudeDeg, LongitudeDeg, UtcOffsetHours);
        SunriseSunset morning = SolarCalculator.SunriseSunset(date.AddDays(1), LatitudeDeg, LongitudeDeg, UtcOffsetHours);
        double on = evening.Kind switch
        {
            DaylightKind.Normal => evening.SunsetMin + SunsetOffsetMin,
            DaylightKind.PolarNight => 720.0,
            _ => double.NaN,
        };
        double off = morning.Kind switch
        {
            DaylightKind.Normal => 1440.0 + morning.SunriseMin + SunriseOffsetMin,
            DaylightKind.PolarNight => 1440.0 + 720.0,
            _ => double.NaN,
        };
        if (double.IsNaN(on) || double.IsNaN(off) || off <= on)
        {
            onMin = offMin = evening.Kind == DaylightKind.PolarDay ? 720.0 : on;
            if (double.IsNaN(onMin))
            {
                onMin = offMin = 720.0;
            }

            return;
        }

        onMin = on;
        offMin = off;
    }

    /// <summary>Burning hours over the nights starting on each date of a range.</summary>
    /// <param name="first">First evening.</param>
    /// <param name="nights">Number of nights.</param>
    /// <returns>Hours.</returns>
    public double BurningHours(DateOnly first, int nights)
    {
        double total = 0.0;
        for (int d = 0; d < nights; d++)
        {
            Night(first.AddDays(d), out double on, out double off);
            total += (off - on) / 60.0;
        }

        return total;
    }
}
