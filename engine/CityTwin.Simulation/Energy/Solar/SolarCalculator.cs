namespace CityTwin.Simulation.Energy.Solar;

/// <summary>
/// Sun position and sunrise/sunset with the NOAA Solar Calculator algorithm (Meeus, "Astronomical Algorithms",
/// low-precision solar coordinates, as in NOAA ESRL's solar calculation spreadsheet). Accuracy against NREL SPA
/// (Reda &amp; Andreas 2008, NREL/TP-560-34302) is about 0.001–0.005° for the position and about a minute for
/// sunrise/sunset in mid-latitudes (energy.md §2.1), plenty for hourly building/PV models and lighting switching, at
/// a fraction of SPA's cost (no nutation series).
/// </summary>
/// <remarks>
/// Longitudes are east-positive, latitudes north-positive, times UTC. Refraction uses SPA's formula (Bennett) with the
/// observer's pressure and temperature, so the published SPA example (820 mbar, 11 °C) can be reproduced; the
/// defaults are SPA's standard atmosphere (1010 mbar, 10 °C).
/// </remarks>
public static class SolarCalculator
{
    /// <summary>Julian day of 0001-01-01 00:00 UTC (proleptic Gregorian), the origin of <see cref="DateTime.Ticks"/>.</summary>
    private const double JulianDayOfTicksZero = 1721425.5;

    /// <summary>Altitude of the sun's centre at sunrise/sunset: −(34′ refraction + 16′ semi-diameter) (NOAA).</summary>
    public const double SunriseAltitudeDeg = -0.833;

    private const double DegToRad = Math.PI / 180.0;
    private const double RadToDeg = 180.0 / Math.PI;

    /// <summary>Julian day (UT) of an instant.</summary>
    /// <param name="utc">The instant; its <see cref="DateTime.Kind"/> is ignored and the value taken as UTC.</param>
    /// <returns>The Julian day number with fraction.</returns>
    public static double JulianDay(DateTime utc) => JulianDayOfTicksZero + (utc.Ticks / (double)TimeSpan.TicksPerDay);

    /// <summary>Sun position for an instant and place.</summary>
    /// <param name="utc">The instant (taken as UTC).</param>
    /// <param name="latitudeDeg">Latitude, degrees north.</param>
    /// <param name="longitudeDeg">Longitude, degrees east (west negative).</param>
    /// <param name="pressureHpa">Air pressure for refraction, hPa (mbar).</param>
    /// <param name="temperatureC">Air temperature for refraction, °C.</param>
    /// <returns>The apparent position.</returns>
    public static SolarPosition Position(
        DateTime utc, double latitudeDeg, double longitudeDeg, double pressureHpa = 1010.0, double temperatureC = 10.0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitudeDeg), 90.0, nameof(latitudeDeg));
        return Position(JulianDay(utc), latitudeDeg, longitudeDeg, pressureHpa, temperatureC);
    }

    /// <summary>Sun position for a Julian day (UT) and place; the allocation-free core of <see cref="Position(DateTime, double, double, double, double)"/>.</summary>
    /// <param name="julianDay">Julian day (UT).</param>
    /// <param name="latitudeDeg">Latitude, degrees north.</param>
    /// <param name="longitudeDeg">Longitude, degrees east.</param>
    /// <param name="pressureHpa">Air pressure for refraction, hPa.</param>
    /// <param name="temperatureC">Air temperature for refraction, °C.</param>
    /// <returns>The apparent position.</returns>
    public static SolarPosition Position(
        double julianDay, double latitudeDeg, double longitudeDeg, double pressureHpa = 1010.0, double temperatureC = 10.0)
    {
        SunCoordinates(julianDay, out double declinationDeg, out double eotMin);

        // True solar time from UT minutes of the day (NOAA: TST = UT + EoT + 4·longitude).
        double dayFraction = (julianDay + 0.5) - Math.Floor(julianDay + 0.5);
        double trueSolarMin = (dayFraction * 1440.0) + eotMin + (4.0 * longitudeDeg);
        trueSolarMin -= 1440.0 * Math.Floor(trueSolarMin / 1440.0);
        double hourAngleDeg = (trueSolarMin / 4.0) - 180.0;

        double lat = latitudeDeg * DegToRad;
        double dec = declinationDeg * DegToRad;
        double ha = hourAngleDeg * DegToRad;
        double cosZenith = (Math.Sin(lat) * Math.Sin(dec)) + (Math.Cos(lat) * Math.Cos(dec) * Math.Cos(ha));
        cosZenith = Math.Clamp(cosZenith, -1.0, 1.0);
        double zenith = Math.Acos(cosZenith);
        double elevationDeg = 90.0 - (zenith * RadToDeg);

        // Azimuth from north, clockwise: atan2 form of the spherical triangle (Meeus 13.5 rotated by 180°).
        double azimuthDeg = RadToDeg * Math.Atan2(
            Math.Sin(ha), (Math.Cos(ha) * Math.Sin(lat)) - (Math.Tan(dec) * Math.Cos(lat)));
        azimuthDeg += 180.0;
        if (azimuthDeg >= 360.0)
        {
            azimuthDeg -= 360.0;
        }

        double apparentElevationDeg = elevationDeg + RefractionDeg(elevationDeg, pressureHpa, temperatureC);
        return new SolarPosition(90.0 - apparentElevationDeg, azimuthDeg, declinationDeg, eotMin);
    }

    /// <summary>
    /// Atmospheric refraction, degrees, by SPA's equation 42 (Bennett 1982 with pressure/temperature scaling); zero
    /// when the sun is more than SPA's 0.5667° refraction-plus-semi-diameter below the horizon.
    /// </summary>
    /// <param name="trueElevationDeg">Geometric elevation, degrees.</param>
    /// <param name="pressureHpa">Pressure, hPa.</param>
    /// <param name="temperatureC">Temperature, °C.</param>
    /// <returns>Refraction to add to the geometric elevation, degrees.</returns>
    public static double RefractionDeg(double trueElevationDeg, double pressureHpa, double temperatureC)
    {
        if (trueElevationDeg < -(0.26667 + 0.5667))
        {
            return 0.0;
        }

        return (pressureHpa / 1010.0) * (283.0 / (273.0 + temperatureC)) * 1.02
               / (60.0 * Math.Tan(DegToRad * (trueElevationDeg + (10.3 / (trueElevationDeg + 5.11)))));
    }

    /// <summary>
    /// Sunrise, solar noon and sunset of a local date (NOAA method: hour angle at −0.833° altitude), refined by
    /// re-evaluating declination and equation of time at each event's own time (three iterations), which brings the
    /// result to within about a minute of SPA.
    /// </summary>
    /// <param name="localDate">The local calendar date.</param>
    /// <param name="latitudeDeg">Latitude, degrees north.</param>
    /// <param name="longitudeDeg">Longitude, degrees east.</param>
    /// <param name="utcOffsetHours">Offset of local time from UTC, hours (e.g. −7 for MST).</param>
    /// <returns>The events in minutes after local midnight.</returns>
    public static SunriseSunset SunriseSunset(DateOnly localDate, double latitudeDeg, double longitudeDeg, double utcOffsetHours)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitudeDeg), 90.0, nameof(latitudeDeg));
        double jdLocalMidnightUtc = JulianDay(localDate.ToDateTime(TimeOnly.MinValue)) - (utcOffsetHours / 24.0);
        double offsetMin = utcOffsetHours * 60.0;

        // Solar noon: UT minutes = 720 − 4·longitude − EoT, EoT evaluated at the noon itself. Local minutes added to
        // the UT Julian day of local midnight give the event's UT Julian day.
        double noonLocalMin = 720.0 - (4.0 * longitudeDeg) + offsetMin;
        for (int i = 0; i < 3; i++)
        {
            SunCoordinates(jdLocalMidnightUtc + (noonLocalMin / 1440.0), out _, out double eot);
            noonLocalMin = 720.0 - (4.0 * longitudeDeg) - eot + offsetMin;
        }

        double rise = EventMinutes(jdLocalMidnightUtc, latitudeDeg, longitudeDeg, offsetMin, noonLocalMin, -1, out DaylightKind kind);
        if (kind != DaylightKind.Normal)
        {
            return new SunriseSunset(kind, double.NaN, noonLocalMin, double.NaN);
        }

        double set = EventMinutes(jdLocalMidnightUtc, latitudeDeg, longitudeDeg, offsetMin, noonLocalMin, +1, out kind);
        return kind != DaylightKind.Normal
            ? new SunriseSunset(kind, double.NaN, noonLocalMin, double.NaN)
            : new SunriseSunset(DaylightKind.Normal, rise, noonLocalMin, set);
    }

    private static double EventMinutes(
        double jdLocalMidnightUtc, double latitudeDeg, double longitudeDeg, double offsetMin, double guessLocalMin, int sign,
        out DaylightKind kind)
    {
        double lat = latitudeDeg * DegToRad;
        double localMin = guessLocalMin + (sign * 360.0);
        kind = DaylightKind.Normal;
        for (int i = 0; i < 4; i++)
        {
            SunCoordinates(jdLocalMidnightUtc + (localMin / 1440.0), out double decDeg, out double eot);
            double dec = decDeg * DegToRad;
            double cosHa = (Math.Sin(SunriseAltitudeDeg * DegToRad) - (Math.Sin(lat) * Math.Sin(dec)))
                           / (Math.Cos(lat) * Math.Cos(dec));
            if (cosHa > 1.0)
            {
                kind = DaylightKind.PolarNight;
                return double.NaN;
            }

            if (cosHa < -1.0)
            {
                kind = DaylightKind.PolarDay;
                return double.NaN;
            }

            double haDeg = Math.Acos(cosHa) * RadToDeg;
            localMin = 720.0 - (4.0 * (longitudeDeg - (sign * haDeg))) - eot + offsetMin;
        }

        return localMin;
    }

    /// <summary>
    /// Apparent solar declination and equation of time (NOAA spreadsheet formulas, Meeus ch. 25 low precision).
    /// </summary>
    /// <param name="julianDay">Julian day (UT).</param>
    /// <param name="declinationDeg">Declination, degrees.</param>
    /// <param name="equationOfTimeMin">Equation of time, minutes.</param>
    public static void SunCoordinates(double julianDay, out double declinationDeg, out double equationOfTimeMin)
    {
        double t = (julianDay - 2451545.0) / 36525.0; // Julian centuries since J2000.0
        double meanLongitude = (280.46646 + (t * (36000.76983 + (t * 0.0003032)))) % 360.0;
        double meanAnomaly = 357.52911 + (t * (35999.05029 - (0.0001537 * t)));
        double eccentricity = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));
        double m = meanAnomaly * DegToRad;
        double center = (Math.Sin(m) * (1.914602 - (t * (0.004817 + (0.000014 * t)))))
                        + (Math.Sin(2 * m) * (0.019993 - (0.000101 * t)))
                        + (Math.Sin(3 * m) * 0.000289);
        double trueLongitude = meanLongitude + center;
        double omega = (125.04 - (1934.136 * t)) * DegToRad;
        double apparentLongitude = trueLongitude - 0.00569 - (0.00478 * Math.Sin(omega));
        double meanObliquity = 23.0 + ((26.0 + ((21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))))) / 60.0)) / 60.0);
        double obliquity = (meanObliquity + (0.00256 * Math.Cos(omega))) * DegToRad;

        declinationDeg = Math.Asin(Math.Sin(obliquity) * Math.Sin(apparentLongitude * DegToRad)) * RadToDeg;

        double y = Math.Tan(obliquity / 2.0);
        y *= y;
        double l0 = meanLongitude * DegToRad;
        double eotRad = (y * Math.Sin(2 * l0)) - (2 * eccentricity * Math.Sin(m))
                        + (4 * eccentricity * y * Math.Sin(m) * Math.Cos(2 * l0))
                        - (0.5 * y * y * Math.Sin(4 * l0)) - (1.25 * eccentricity * eccentricity * Math.Sin(2 * m));
        equationOfTimeMin = 4.0 * eotRad * RadToDeg;
    }
}
