using System.Globalization;

namespace CityTwin.Simulation.Energy.Results;

/// <summary>
/// Writes <see cref="EnergyYearResult"/> tables as CSV (RFC 4180, invariant culture, header row). Each table carries
/// the weather provenance in its rows or header so a synthetic-weather result cannot be mistaken for a measured one.
/// </summary>
public static class EnergyCsvWriter
{
    /// <summary>Per building per year: index, feeder, floor area, heating, cooling, electricity, PV, peaks.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="result">The result.</param>
    public static void WriteBuildings(TextWriter writer, EnergyYearResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteLine("building,simulated,feeder,floor_area_m2,heating_kwh,cooling_kwh,electricity_kwh,pv_kwh,pv_kwp,peak_heating_w,peak_cooling_w,synthetic_weather");
        string synthetic = result.WeatherIsSynthetic ? "true" : "false";
        for (int i = 0; i < result.BuildingCount; i++)
        {
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{i},{(result.Simulated[i] ? "true" : "false")},{result.Feeders.FeederOfBuilding[i]},{result.FloorAreaM2[i]:0.##},{result.HeatingKWh[i]:0.###},{result.CoolingKWh[i]:0.###},{result.ElectricityKWh[i]:0.###},{result.PvKWh[i]:0.###},{result.PvCapacityKWp[i]:0.###},{result.PeakHeatingW[i]:0.#},{result.PeakCoolingW[i]:0.#},{synthetic}"));
        }
    }

    /// <summary>Per feeder per hour: feeder, hour, net load kW (long format).</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="result">The result.</param>
    public static void WriteFeederHours(TextWriter writer, EnergyYearResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteLine("feeder,hour,net_load_kw");
        for (int f = 0; f < result.Feeders.FeederCount; f++)
        {
            ReadOnlySpan<double> row = result.FeederLoadW(f);
            for (int h = 0; h < row.Length; h++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f},{h},{row[h] / 1000.0:0.####}"));
            }
        }
    }

    /// <summary>City totals as one row, with the weather source and the synthetic flag.</summary>
    /// <param name="writer">Destination.</param>
    /// <param name="result">The result.</param>
    public static void WriteCityTotals(TextWriter writer, EnergyYearResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        CityEnergyTotals t = result.Totals;
        writer.WriteLine("buildings,skipped,feeders,floor_area_m2,heating_kwh,heating_kwh_per_m2,cooling_kwh,electricity_kwh,pv_kwh,pv_kwp,peak_net_load_kw,peak_hour,weather_source,synthetic_weather");
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{t.Buildings},{result.SkippedCount},{result.Feeders.FeederCount},{t.FloorAreaM2:0.#},{t.HeatingKWh:0.#},{t.HeatingKWhPerM2:0.##},{t.CoolingKWh:0.#},{t.ElectricityKWh:0.#},{t.PvKWh:0.#},{t.PvCapacityKWp:0.##},{t.PeakNetLoadW / 1000.0:0.###},{t.PeakNetLoadHour},{Quote(result.WeatherSource)},{(result.WeatherIsSynthetic ? "true" : "false")}"));
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
