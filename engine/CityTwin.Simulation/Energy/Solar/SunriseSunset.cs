namespace CityTwin.Simulation.Energy.Solar;

/// <summary>What kind of day a <see cref="SunriseSunset"/> describes.</summary>
public enum DaylightKind
{
    /// <summary>The sun rises and sets.</summary>
    Normal,

    /// <summary>The sun stays above the horizon all day (polar day).</summary>
    PolarDay,

    /// <summary>The sun stays below the horizon all day (polar night).</summary>
    PolarNight,
}

/// <summary>
/// Sunrise, solar noon and sunset of one date, in minutes after local midnight of that date (local = the UTC offset
/// the caller gave). Values may fall outside [0, 1440) when the event happens on the previous or next local day.
/// </summary>
public readonly struct SunriseSunset
{
    /// <summary>Creates a result.</summary>
    /// <param name="kind">Normal day, polar day or polar night.</param>
    /// <param name="sunriseMin">Sunrise, minutes after local midnight (NaN unless <see cref="DaylightKind.Normal"/>).</param>
    /// <param name="solarNoonMin">Solar noon (transit), minutes after local midnight.</param>
    /// <param name="sunsetMin">Sunset, minutes after local midnight (NaN unless <see cref="DaylightKind.Normal"/>).</param>
    public SunriseSunset(DaylightKind kind, double sunriseMin, double solarNoonMin, double sunsetMin)
    {
        Kind = kind;
        SunriseMin = sunriseMin;
        SolarNoonMin = solarNoonMin;
        SunsetMin = sunsetMin;
    }

    /// <summary>Normal day, polar day or polar night.</summary>
    public DaylightKind Kind { get; }

    /// <summary>Sunrise, minutes after local midnight; NaN on polar days and nights.</summary>
    public double SunriseMin { get; }

    /// <summary>Solar noon (transit), minutes after local midnight.</summary>
    public double SolarNoonMin { get; }

    /// <summary>Sunset, minutes after local midnight; NaN on polar days and nights.</summary>
    public double SunsetMin { get; }

    /// <summary>Hours of daylight: sunset − sunrise, 24 on a polar day, 0 in a polar night.</summary>
    public double DaylightHours => Kind switch
    {
        DaylightKind.PolarDay => 24.0,
        DaylightKind.PolarNight => 0.0,
        _ => (SunsetMin - SunriseMin) / 60.0,
    };
}
