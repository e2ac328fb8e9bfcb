namespace CityTwin.Simulation.Energy.Weather;

/// <summary>Parameters of <see cref="SyntheticWeather"/> (see its remarks for the model).</summary>
public sealed class SyntheticWeatherOptions
{
    /// <summary>Annual mean air temperature, °C.</summary>
    public double AnnualMeanC { get; init; } = 10.0;

    /// <summary>Half the difference between the warmest and coldest daily means, K.</summary>
    public double AnnualAmplitudeK { get; init; } = 9.0;

    /// <summary>Half the daily temperature range, K.</summary>
    public double DailyAmplitudeK { get; init; } = 4.0;

    /// <summary>Constant wind speed, m/s.</summary>
    public double WindSpeedMps { get; init; } = 3.0;

    /// <summary>Factor on the clear-sky GHI (1 = cloudless every hour).</summary>
    public double Clearness { get; init; } = 1.0;

    /// <summary>The latitude defaults: T_mean = 28 − 0.38·|φ|, A_year = min(1 + 0.2·|φ|, 14), A_day = 4, wind 3, clear sky.</summary>
    /// <param name="latitudeDeg">Latitude, degrees.</param>
    /// <returns>Options.</returns>
    public static SyntheticWeatherOptions ForLatitude(double latitudeDeg)
    {
        double a = Math.Abs(latitudeDeg);
        return new SyntheticWeatherOptions
        {
            AnnualMeanC = 28.0 - (0.38 * a),
            AnnualAmplitudeK = Math.Min(1.0 + (0.2 * a), 14.0),
        };
    }
}
