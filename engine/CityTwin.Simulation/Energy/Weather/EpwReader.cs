using System.Globalization;

namespace CityTwin.Simulation.Energy.Weather;

/// <summary>
/// Reads EnergyPlus weather files (<c>.epw</c>; EnergyPlus "Auxiliary Programs", Weather Converter chapter): eight
/// header lines (LOCATION first), then one comma-separated line of 35 fields per hour. We read the location and the
/// fields the energy models use: dry-bulb temperature, GHI, DNI, DHI and wind speed.
/// </summary>
/// <remarks>
/// Anything malformed — a short line, a number that does not parse, an EPW "missing" code (99.9 °C, 9999 W/m²,
/// 999 m/s) in a field we need, an hour count other than 8760 or 8784 — throws <see cref="EpwFormatException"/>
/// naming the file, line and field, rather than silently feeding a building model bad data.
/// </remarks>
public static class EpwReader
{
    private const int HeaderLines = 8;
    private const int DataFields = 35;

    // Field index (0-based), name as in the EnergyPlus documentation, missing code.
    private static readonly (int Index, string Name, double Missing)[] Fields =
    [
        (6, "Dry Bulb Temperature", 99.9),
        (13, "Global Horizontal Radiation", 9999.0),
        (14, "Direct Normal Radiation", 9999.0),
        (15, "Diffuse Horizontal Radiation", 9999.0),
        (21, "Wind Speed", 999.0),
    ];

    /// <summary>Reads a file.</summary>
    /// <param name="path">Path to the .epw file.</param>
    /// <returns>The hourly weather (not synthetic).</returns>
    public static HourlyWeather ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    /// <summary>Reads EPW text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used in errors and as <see cref="HourlyWeather.SourceName"/>.</param>
    /// <returns>The hourly weather (not synthetic).</returns>
    public static HourlyWeather Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? line = reader.ReadLine();
        int lineNumber = 1;
        if (line is null || !line.StartsWith("LOCATION", StringComparison.Ordinal))
        {
            throw new EpwFormatException(sourceName, 1, null, "an EPW file starts with a LOCATION line.");
        }

        string[] location = line.Split(',');
        if (location.Length < 10)
        {
            throw new EpwFormatException(sourceName, 1, null, $"the LOCATION line has {location.Length} fields, expected 10.");
        }

        double latitude = Number(location[6], sourceName, 1, "Latitude");
        double longitude = Number(location[7], sourceName, 1, "Longitude");
        double utcOffset = Number(location[8], sourceName, 1, "Time Zone");
        if (Math.Abs(latitude) > 90.0)
        {
            throw new EpwFormatException(sourceName, 1, "Latitude", $"{latitude} is outside ±90°.");
        }

        for (int i = 1; i < HeaderLines; i++)
        {
            if (reader.ReadLine() is null)
            {
                throw new EpwFormatException(sourceName, lineNumber + 1, null, "the file ends inside the 8 header lines.");
            }

            lineNumber++;
        }

        var t = new List<double>(8784);
        var ghi = new List<double>(8784);
        var dni = new List<double>(8784);
        var dhi = new List<double>(8784);
        var wind = new List<double>(8784);
        int year = 0;
        var values = new double[Fields.Length];
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(',');
            if (f.Length < DataFields - 1)
            {
                throw new EpwFormatException(sourceName, lineNumber, null, $"{f.Length} fields, expected {DataFields}.");
            }

            if (t.Count == 0)
            {
                year = (int)Number(f[0], sourceName, lineNumber, "Year");
            }

            for (int k = 0; k < Fields.Length; k++)
            {
                (int index, string name, double missing) = Fields[k];
                double v = Number(f[index], sourceName, lineNumber, name);
                if (v >= missing)
                {
                    throw new EpwFormatException(sourceName, lineNumber, name, $"value {v} is the EPW missing-data code.");
                }

                values[k] = v;
            }

            t.Add(values[0]);
            ghi.Add(values[1]);
            dni.Add(values[2]);
            dhi.Add(values[3]);
            wind.Add(values[4]);
        }

        if (t.Count is not (8760 or 8784))
        {
            throw new EpwFormatException(sourceName, lineNumber, null, $"{t.Count} hourly records, expected 8760 (or 8784 in a leap year).");
        }

        return new HourlyWeather(
            Path.GetFileName(sourceName), false, year, latitude, longitude, utcOffset,
            [.. t], [.. ghi], [.. dni], [.. dhi], [.. wind]);
    }

    private static double Number(string text, string sourceName, int lineNumber, string field)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            throw new EpwFormatException(sourceName, lineNumber, field, $"'{text}' is not a number.");
        }

        return v;
    }
}
