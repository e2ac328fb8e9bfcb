using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Energy.Weather;

/// <summary>
/// An hourly weather series as flat arrays (struct-of-arrays, one element per hour), plus the site it belongs to.
/// Hour <c>i</c> covers local standard time [i, i+1) h after 1 January 00:00 of <see cref="Year"/>, the EnergyPlus
/// convention (EPW hour 1 = 00:00–01:00).
/// </summary>
public sealed class HourlyWeather
{
    /// <summary>Creates a series; all arrays must have the same length.</summary>
    /// <param name="sourceName">Where it came from (file name, or a description of the synthetic model).</param>
    /// <param name="isSynthetic">True when generated rather than measured; outputs must say so.</param>
    /// <param name="year">Calendar year of the first hour.</param>
    /// <param name="latitudeDeg">Site latitude, degrees north.</param>
    /// <param name="longitudeDeg">Site longitude, degrees east.</param>
    /// <param name="utcOffsetHours">Local standard time minus UTC, hours.</param>
    /// <param name="dryBulbC">Outdoor air temperature, °C.</param>
    /// <param name="globalHorizontalWm2">Global horizontal irradiance (hour average), W/m².</param>
    /// <param name="directNormalWm2">Direct normal irradiance, W/m².</param>
    /// <param name="diffuseHorizontalWm2">Diffuse horizontal irradiance, W/m².</param>
    /// <param name="windSpeedMps">Wind speed, m/s.</param>
    public HourlyWeather(
        string sourceName, bool isSynthetic, int year, double latitudeDeg, double longitudeDeg, double utcOffsetHours,
        double[] dryBulbC, double[] globalHorizontalWm2, double[] directNormalWm2, double[] diffuseHorizontalWm2,
        double[] windSpeedMps)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(dryBulbC);
        ArgumentNullException.ThrowIfNull(globalHorizontalWm2);
        ArgumentNullException.ThrowIfNull(directNormalWm2);
        ArgumentNullException.ThrowIfNull(diffuseHorizontalWm2);
        ArgumentNullException.ThrowIfNull(windSpeedMps);
        int n = dryBulbC.Length;
        if (n == 0 || globalHorizontalWm2.Length != n || directNormalWm2.Length != n || diffuseHorizontalWm2.Length != n
            || windSpeedMps.Length != n)
        {
            throw new ArgumentException("All hourly arrays must be non-empty and of the same length.");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitudeDeg), 90.0, nameof(latitudeDeg));
        SourceName = sourceName;
        IsSynthetic = isSynthetic;
        Year = year;
        LatitudeDeg = latitudeDeg;
        LongitudeDeg = longitudeDeg;
        UtcOffsetHours = utcOffsetHours;
        DryBulbC = dryBulbC;
        GlobalHorizontalWm2 = globalHorizontalWm2;
        DirectNormalWm2 = directNormalWm2;
        DiffuseHorizontalWm2 = diffuseHorizontalWm2;
        WindSpeedMps = windSpeedMps;
    }

    /// <summary>Where the data came from.</summary>
    public string SourceName { get; }

    /// <summary>True for the embedded synthetic year (clear sky, modelled temperature); results must be labelled.</summary>
    public bool IsSynthetic { get; }

    /// <summary>Calendar year of the first hour.</summary>
    public int Year { get; }

    /// <summary>Latitude, degrees north.</summary>
    public double LatitudeDeg { get; }

    /// <summary>Longitude, degrees east.</summary>
    public double LongitudeDeg { get; }

    /// <summary>Local standard time minus UTC, hours.</summary>
    public double UtcOffsetHours { get; }

    /// <summary>Number of hours.</summary>
    public int HourCount => DryBulbC.Length;

    /// <summary>Outdoor air temperature, °C.</summary>
    public double[] DryBulbC { get; }

    /// <summary>Global horizontal irradiance, W/m².</summary>
    public double[] GlobalHorizontalWm2 { get; }

    /// <summary>Direct normal irradiance, W/m².</summary>
    public double[] DirectNormalWm2 { get; }

    /// <summary>Diffuse horizontal irradiance, W/m².</summary>
    public double[] DiffuseHorizontalWm2 { get; }

    /// <summary>Wind speed, m/s.</summary>
    public double[] WindSpeedMps { get; }

    /// <summary>UTC instant of the middle of hour <paramref name="hour"/>, where hour-average irradiance is best represented.</summary>
    /// <param name="hour">Hour index.</param>
    /// <returns>The instant (UTC).</returns>
    public DateTime MidHourUtc(int hour)
        => new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(hour + 0.5 - UtcOffsetHours);

    /// <summary>Sun zenith and azimuth at the middle of every hour (NOAA algorithm).</summary>
    /// <param name="zenithDeg">Receives the apparent zenith per hour, degrees (length ≥ <see cref="HourCount"/>).</param>
    /// <param name="azimuthDeg">Receives the azimuth per hour, degrees from north.</param>
    public void SunPositions(Span<double> zenithDeg, Span<double> azimuthDeg)
    {
        if (zenithDeg.Length < HourCount || azimuthDeg.Length < HourCount)
        {
            throw new ArgumentException($"Buffers must hold {HourCount} hours.");
        }

        double jd0 = SolarCalculator.JulianDay(MidHourUtc(0));
        for (int h = 0; h < HourCount; h++)
        {
            SolarPosition p = SolarCalculator.Position(jd0 + (h / 24.0), LatitudeDeg, LongitudeDeg);
            zenithDeg[h] = p.ZenithDeg;
            azimuthDeg[h] = p.AzimuthDeg;
        }
    }

    /// <summary>Plane-of-array irradiance for every hour on a surface (isotropic sky, <see cref="Irradiance.PlaneOfArrayWm2"/>).</summary>
    /// <param name="tiltDeg">Surface tilt, degrees (0 roof, 90 façade).</param>
    /// <param name="surfaceAzimuthDeg">Surface azimuth, degrees from north.</param>
    /// <param name="zenithDeg">Sun zenith per hour (from <see cref="SunPositions"/>).</param>
    /// <param name="azimuthDeg">Sun azimuth per hour.</param>
    /// <param name="poaWm2">Receives the irradiance per hour, W/m².</param>
    /// <param name="albedo">Ground reflectance.</param>
    public void PlaneOfArray(
        double tiltDeg, double surfaceAzimuthDeg, ReadOnlySpan<double> zenithDeg, ReadOnlySpan<double> azimuthDeg,
        Span<double> poaWm2, double albedo = Irradiance.DefaultAlbedo)
    {
        for (int h = 0; h < HourCount; h++)
        {
            var sky = new IrradianceComponents(GlobalHorizontalWm2[h], DirectNormalWm2[h], DiffuseHorizontalWm2[h]);
            poaWm2[h] = Irradiance.PlaneOfArrayWm2(sky, zenithDeg[h], azimuthDeg[h], tiltDeg, surfaceAzimuthDeg, albedo);
        }
    }
}
