using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityTwin.Scenarios.Running;

/// <summary>
/// A run's key performance indicators: an ordered set of named numbers (and a few texts) written as
/// <c>kpis.json</c>. Names are stable and documented in <c>docs/scenarios.md</c>; units are in the names.
/// </summary>
public sealed class KpiSet
{
    /// <summary>The names every run writes (numbers), in order.</summary>
    public static readonly string[] NumericNames =
    [
        "seed", "replications", "vehiclesInserted", "vehiclesArrived", "vehiclesRemoved", "vehiclesRunning", "tripsUnroutable",
        "meanTripDurationS", "meanTimeLossS", "meanWaitingTimeS", "meanSpeedMps", "vehicleKm", "vehicleUpdates", "wallSeconds",
        "realTimeFactor", "co2Kg", "noxKg", "fuelL", "evBatteryKWh", "evChargingKWh", "evChargedAtStations", "evChargingWaitMeanS", "evNotCharged", "streetLamps", "streetLightingKWh",
        "buildingHeatingKWh", "buildingCoolingKWh", "buildingElectricityKWh", "pvKWh", "peakFeederLoadKW",
    ];

    private readonly List<KeyValuePair<string, double>> _numbers = [];
    private readonly List<KeyValuePair<string, string>> _texts = [];

    /// <summary>Numeric KPIs in order.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Numbers => _numbers;

    /// <summary>Text KPIs (scenario, engineVersion, weather) in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Texts => _texts;

    /// <summary>A numeric KPI.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">No such KPI.</exception>
    public double this[string name] => TryGet(name, out var v) ? v : throw new KeyNotFoundException($"No KPI named '{name}'.");

    /// <summary>Sets a numeric KPI (replacing any earlier value).</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public void Set(string name, double value)
    {
        var i = _numbers.FindIndex(p => p.Key == name);
        if (i >= 0)
        {
            _numbers[i] = new(name, value);
        }
        else
        {
            _numbers.Add(new(name, value));
        }
    }

    /// <summary>Sets a text KPI.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    public void SetText(string name, string value)
    {
        _texts.RemoveAll(p => p.Key == name);
        _texts.Add(new(name, value));
    }

    /// <summary>Reads a numeric KPI.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when present.</returns>
    public bool TryGet(string name, out double value)
    {
        foreach (var p in _numbers)
        {
            if (p.Key == name)
            {
                value = p.Value;
                return true;
            }
        }

        value = double.NaN;
        return false;
    }

    /// <summary>A text KPI, or null.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    public string? Text(string name) => _texts.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>The JSON form (texts first, then numbers, rounded to 6 significant digits after the point).</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson()
    {
        var o = new JsonObject();
        foreach (var (k, v) in _texts)
        {
            o[k] = v;
        }

        foreach (var (k, v) in _numbers)
        {
            o[k] = double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;
        }

        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Reads <c>kpis.json</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The KPIs.</returns>
    /// <exception cref="InvalidDataException">Not a KPI file.</exception>
    public static KpiSet Load(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }

        if (node is not JsonObject o)
        {
            throw new InvalidDataException($"{path}: expected a JSON object of KPI names and values");
        }

        var set = new KpiSet();
        foreach (var (k, v) in o)
        {
            if (v is JsonValue value && value.TryGetValue<double>(out var d))
            {
                set.Set(k, d);
            }
            else if (v is JsonValue text && text.TryGetValue<string>(out var s))
            {
                set.SetText(k, s);
            }
            else if (v is null)
            {
                set.Set(k, double.NaN);
            }
        }

        return set;
    }

    /// <summary>Formats a value for tables.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Invariant text.</returns>
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
