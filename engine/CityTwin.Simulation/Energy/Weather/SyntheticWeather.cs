using CityTwin.Simulation.Energy.Solar;

namespace CityTwin.Simulation.Energy.Weather;

/// <summary>
/// The embedded default weather: a synthetic hourly year for a site that needs no download. Irradiance is clear sky
/// (NOAA sun position → Haurwitz GHI → Erbs DNI/DHI), optionally scaled by a clearness factor; temperature is a
/// documented two-sinusoid model. Always flagged <see cref="HourlyWeather.IsSynthetic"/>.
/// </summary>
/// <remarks>
/// <para>Temperature model (ours, deliberately simple): T(d, h) = T_mean − A_year·cos(2π(d − d_cold)/365)
/// + A_day·cos(2π(h − 15)/24), d the day of year (1…365), h the local hour mid-point, d_cold = 15 (mid-January) in
/// the northern hemisphere and 197 in the southern; the daily maximum is at 15:00 and the minimum at 03:00.</para>
/// <para>Defaults from latitude φ (a rough fit to climate normals of low-altitude cities, e.g. Singapore 27.5 °C,
/// Madrid 15, Frankfurt 10.6, Helsinki 5.9 annual means): T_mean = 28 − 0.38·|φ| °C;
/// A_year = min(1 + 0.2·|φ|, 14) K; A_day = 4 K; wind 3 m/s. Altitude, continentality and the sea are ignored —
/// use an EPW file for anything that matters.</para>
/// <para>Clear sky overstates annual irradiation (typically by 30–60 % in cloudy climates), so PV yields and solar
/// gains from the synthetic year are upper bounds; <see cref="SyntheticWeatherOptions.Clearness"/> scales all
/// irradiance down when a rough correction is wanted.</para>
/// </remarks>
public static class SyntheticWeather
{
    /// <summary>Generates a non-leap year of 8760 hours.</summary>
    /// <param name="latitudeDeg">Latitude, degrees north.</param>
    /// <param name="longitudeDeg">Longitude, degrees east.</param>
    /// <param name="utcOffsetHours">Local standard time minus UTC, hours.</param>
    /// <param name="options">Model parameters; null for the latitude defaults.</param>
    /// <param name="year">Nominal calendar year (a non-leap year is expected; only 365 days are generated).</param>
    /// <returns>The synthetic weather.</returns>
    public static HourlyWeather Create(
        double latitudeDeg, double longitudeDeg, double utcOffsetHours, SyntheticWeatherOptions? options = null, int year = 2025)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(latitudeDeg), 90.0, nameof(latitudeDeg));
        SyntheticWeatherOptions o = options ?? SyntheticWeatherOptions.ForLatitude(latitudeDeg);
        const int hours = 8760;
        var t = new double[hours];
        var ghi = new double[hours];
        var dni = new double[hours];
        var dhi = new double[hours];
        var wind = new double[hours];
        double coldestDay = latitudeDeg >= 0.0 ? 15.0 : 197.0;
        double jd0 = SolarCalculator.JulianDay(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc)) + ((0.5 - utcOffsetHours) / 24.0);
        for (int h = 0; h < hours; h++)
        {
            int dayOfYear = (h / 24) + 1;
            double hourOfDay = (h % 24) + 0.5;
            t[h] = o.AnnualMeanC
                   - (o.AnnualAmplitudeK * Math.Cos(2.0 * Math.PI * (dayOfYear - coldestDay) / 365.0))
                   + (o.DailyAmplitudeK * Math.Cos(2.0 * Math.PI * (hourOfDay - 15.0) / 24.0));
            wind[h] = o.WindSpeedMps;

            SolarPosition sun = SolarCalculator.Position(jd0 + (h / 24.0), latitudeDeg, longitudeDeg);
            double clear = ClearSky.HaurwitzGhiWm2(sun.ZenithDeg) * o.Clearness;
            IrradianceComponents c = Irradiance.Erbs(clear, sun.ZenithDeg, dayOfYear);
            ghi[h] = c.GlobalHorizontalWm2;
            dni[h] = c.DirectNormalWm2;
            dhi[h] = c.DiffuseHorizontalWm2;
        }

        string name = FormattableString.Invariant(
            $"SYNTHETIC clear-sky year (Haurwitz + Erbs, clearness {o.Clearness:0.##}; T = {o.AnnualMeanC:0.#} ± {o.AnnualAmplitudeK:0.#} K yearly ± {o.DailyAmplitudeK:0.#} K daily) at {latitudeDeg:0.###}, {longitudeDeg:0.###}");
        return new HourlyWeather(name, true, year, latitudeDeg, longitudeDeg, utcOffsetHours, t, ghi, dni, dhi, wind);
    }
}
