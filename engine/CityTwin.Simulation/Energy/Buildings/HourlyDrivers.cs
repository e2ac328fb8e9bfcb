using CityTwin.Simulation.Energy.Pv;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Everything the year kernel reads per hour that is shared between buildings: outdoor temperature, per use the
/// internal gains, setpoints and electric load (interleaved, 4 values per hour, so one building streams one array),
/// per façade-orientation class the irradiance summed over four façades, and the AC output of 1 kWp of roof PV.
/// </summary>
public sealed class HourlyDrivers
{
    /// <summary>Number of façade orientation classes (10° steps over 90°, since four façades repeat every 90°).</summary>
    public const int OrientationClasses = 9;

    /// <summary>Values per hour in a use's interleaved array: gains W/m², heating setpoint, cooling setpoint, electric W/m².</summary>
    public const int UseStride = 4;

    private HourlyDrivers(int hours, double[] outdoorC, double[][] useDrivers, double[][] facadeSolar, double[] pvAcWPerKWp)
    {
        HourCount = hours;
        OutdoorC = outdoorC;
        UseDrivers = useDrivers;
        FacadeSolarWm2 = facadeSolar;
        PvAcWPerKWp = pvAcWPerKWp;
    }

    /// <summary>Number of hours.</summary>
    public int HourCount { get; }

    /// <summary>Outdoor temperature per hour, °C.</summary>
    public double[] OutdoorC { get; }

    /// <summary>Per use (index = <see cref="BuildingUse"/>): [4h] gains W/m², [4h+1] heating setpoint °C, [4h+2] cooling setpoint °C, [4h+3] electric load W/m².</summary>
    public double[][] UseDrivers { get; }

    /// <summary>Per orientation class: irradiance summed over the four vertical façades (after blinds), W/m².</summary>
    public double[][] FacadeSolarWm2 { get; }

    /// <summary>AC power of 1 kWp of roof PV per hour, W.</summary>
    public double[] PvAcWPerKWp { get; }

    /// <summary>Orientation class of a façade azimuth: round((azimuth mod 90) / 10) mod 9.</summary>
    /// <param name="facadeAzimuthDeg">Azimuth of one façade normal, degrees.</param>
    /// <returns>Class 0…8.</returns>
    public static int OrientationClassOf(double facadeAzimuthDeg)
    {
        double a = facadeAzimuthDeg % 90.0;
        if (a < 0)
        {
            a += 90.0;
        }

        return (int)Math.Round(a / 10.0) % OrientationClasses;
    }

    /// <summary>Builds the drivers from weather.</summary>
    /// <param name="weather">The hourly weather.</param>
    /// <param name="pv">Roof PV system assumptions.</param>
    /// <param name="firstWeekday">Day of week of the first hour (schedules are per hour of week).</param>
    /// <param name="blindsFactor">
    /// Solar transmission with blinds down, applied to a façade while its irradiance exceeds
    /// <paramref name="blindsThresholdWm2"/> (CEA, after ISO 13790 §11.4.3: rf_sh 0.15 venetian, 0.08 roller; 1 = no blinds).
    /// </param>
    /// <param name="blindsThresholdWm2">Façade irradiance above which blinds are down, W/m² (CEA: 300).</param>
    /// <returns>The drivers.</returns>
    public static HourlyDrivers Create(
        HourlyWeather weather, PvSystemOptions? pv = null, DayOfWeek? firstWeekday = null, double blindsFactor = 0.15,
        double blindsThresholdWm2 = 300.0)
    {
        ArgumentNullException.ThrowIfNull(weather);
        pv ??= new PvSystemOptions();
        int n = weather.HourCount;
        DayOfWeek first = firstWeekday ?? new DateTime(weather.Year, 1, 1).DayOfWeek;
        int weekOffset = ((int)first + 6) % 7 * 24; // schedules start on Monday

        int uses = Enum.GetValues<BuildingUse>().Length;
        var useDrivers = new double[uses][];
        for (int u = 0; u < uses; u++)
        {
            var use = (BuildingUse)u;
            UseProfile profile = UseProfile.For(use);
            UseSchedules s = UseSchedules.For(use);
            var d = new double[n * UseStride];
            for (int h = 0; h < n; h++)
            {
                int w = (h + weekOffset) % UseSchedules.HoursPerWeek;
                double people = s.Occupancy[w] * profile.SensibleGainPerPersonW / profile.FloorAreaPerPersonM2;
                double electric = (s.Appliances[w] * profile.AppliancesWm2) + (s.Lighting[w] * profile.LightingWm2);
                d[(h * UseStride) + 0] = people + (BuildingThermalModel.ElectricGainFraction * electric);
                d[(h * UseStride) + 1] = s.SetpointActive[w] ? profile.HeatingSetpointC : profile.HeatingSetbackC;
                d[(h * UseStride) + 2] = s.SetpointActive[w] ? profile.CoolingSetpointC : profile.CoolingSetbackC;
                d[(h * UseStride) + 3] = electric;
            }

            useDrivers[u] = d;
        }

        var zenith = new double[n];
        var azimuth = new double[n];
        weather.SunPositions(zenith, azimuth);
        var facade = new double[OrientationClasses][];
        var poa = new double[n];
        for (int c = 0; c < OrientationClasses; c++)
        {
            var sum = new double[n];
            for (int f = 0; f < 4; f++)
            {
                weather.PlaneOfArray(90.0, (c * 10.0) + (f * 90.0), zenith, azimuth, poa);
                for (int h = 0; h < n; h++)
                {
                    sum[h] += poa[h] > blindsThresholdWm2 ? blindsFactor * poa[h] : poa[h];
                }
            }

            facade[c] = sum;
        }

        // Roof PV: PVWatts v5 with Faiman cell temperature, per kWp DC.
        double azimuthPv = pv.AzimuthDeg ?? (weather.LatitudeDeg >= 0 ? 180.0 : 0.0);
        weather.PlaneOfArray(pv.TiltDeg, azimuthPv, zenith, azimuth, poa);
        var pvAc = new double[n];
        double lossFactor = 1.0 - (pv.SystemLossPercent / 100.0);
        double inverterDcW = 1000.0 / pv.DcAcRatio / pv.InverterEfficiency;
        for (int h = 0; h < n; h++)
        {
            double cell = PvWatts.FaimanCellTemperatureC(poa[h], weather.DryBulbC[h], weather.WindSpeedMps[h]);
            double dc = PvWatts.DcPowerW(poa[h], cell, 1000.0, pv.TemperatureCoefficientPerC) * lossFactor;
            pvAc[h] = PvWatts.InverterAcW(dc, inverterDcW, pv.InverterEfficiency);
        }

        return new HourlyDrivers(n, (double[])weather.DryBulbC.Clone(), useDrivers, facade, pvAc);
    }
}
