using System.Text.Json;
using CityTwin.IO.Tables;
using CityTwin.Scenarios.Running;

namespace CityTwin.Scenarios.Reporting;

/// <summary>
/// What a report shows, read back from a run folder's files (not from engine objects, so a report can be rebuilt from
/// disk at any time): KPIs, time series, feeder loads, the road geometry and per-edge measures. Every file that is absent
/// is listed in <see cref="Missing"/> and the report says so.
/// </summary>
public sealed class RunData
{
    /// <summary>Per-edge measures a map can be coloured by: key → (label, unit).</summary>
    public static readonly IReadOnlyDictionary<string, (string Label, string Unit)> Measures = new Dictionary<string, (string, string)>
    {
        ["speed"] = ("Mean speed", "km/h"),
        ["flow"] = ("Flow", "veh/h"),
        ["travelTime"] = ("Travel time", "s"),
        ["co2"] = ("CO₂ per km of road", "kg/km"),
        ["lighting"] = ("Street-lighting energy", "kWh"),
    };

    private RunData(string directory) => Directory = directory;

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    /// <summary>KPIs.</summary>
    public KpiSet Kpis { get; private init; } = new();

    /// <summary>Files the report would use but the folder lacks.</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Time series by name (x: simulated seconds, or day of year for loads).</summary>
    public Dictionary<string, (double[] X, double[] Y)> Series { get; } = [];

    /// <summary>Road edges: index and lon/lat points.</summary>
    public List<(int Edge, string Name, double[] Lon, double[] Lat, double LengthM)> Roads { get; } = [];

    /// <summary>Per-edge measures by key of <see cref="Measures"/> (indexed by edge; NaN where there is no data).</summary>
    public Dictionary<string, double[]> EdgeMeasures { get; } = [];

    /// <summary>Lines of <c>edits.txt</c> and <c>notes.txt</c>.</summary>
    public List<string> Edits { get; } = [];

    /// <summary>Lines of <c>notes.txt</c>.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Reads a run folder.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The data.</returns>
    /// <exception cref="InvalidDataException">There is no <c>kpis.json</c> (not a finished run) or a file is malformed.</exception>
    public static RunData Load(string directory)
    {
        var kpiPath = Path.Combine(directory, "kpis.json");
        if (!File.Exists(kpiPath))
        {
            throw new InvalidDataException($"{directory}: not a finished run (no kpis.json)");
        }

        var data = new RunData(directory) { Kpis = KpiSet.Load(kpiPath) };
        data.ReadText("edits.txt", data.Edits);
        data.ReadText("notes.txt", data.Notes);
        data.ReadRoads();
        var edges = data.Roads.Count == 0 ? 0 : data.Roads.Max(r => r.Edge) + 1;
        if (data.Table("summary.csv") is { } summary)
        {
            var t = summary.Numbers("TimeS");
            data.Series["running"] = (t, summary.Numbers("Running"));
            data.Series["arrived"] = (t, summary.Numbers("Arrived"));
            data.Series["inserted"] = (t, summary.Numbers("Inserted"));
            data.Series["speed"] = (t, summary.Numbers("MeanSpeedMps").Select(v => v * 3.6).ToArray());
        }

        if (data.Table("lighting_power.csv") is { } lighting)
        {
            data.Series["lighting"] = (lighting.Numbers("TimeS"), lighting.Numbers("PowerKW"));
        }

        if (data.Table("feeders.csv") is { } feeders)
        {
            // City net load per hour (sum over feeders), shown as the daily peak over the year.
            var hour = feeders.Numbers("HourOfYear");
            var load = feeders.Numbers("NetLoadKW");
            var days = (int)(hour.Max() / 24) + 1;
            var total = new double[days * 24];
            for (var i = 0; i < hour.Length; i++)
            {
                total[(int)hour[i]] += load[i];
            }

            var peak = Enumerable.Range(0, days).Select(d => total.Skip(d * 24).Take(24).Max()).ToArray();
            data.Series["feederPeak"] = (Enumerable.Range(1, days).Select(d => (double)d).ToArray(), peak);
        }

        data.ReadEdgeMeasures(edges);
        return data;
    }

    private CsvTableReader? Table(string file)
    {
        var path = Path.Combine(Directory, file);
        if (File.Exists(path))
        {
            return CsvTableReader.Read(path);
        }

        Missing.Add(file);
        return null;
    }

    private void ReadText(string file, List<string> into)
    {
        var path = Path.Combine(Directory, file);
        if (File.Exists(path))
        {
            into.AddRange(File.ReadAllLines(path).Where(l => l.Length > 0));
        }
    }

    private void ReadRoads()
    {
        var path = Path.Combine(Directory, "roads.geojson");
        if (!File.Exists(path))
        {
            Missing.Add("roads.geojson");
            return;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var props = feature.GetProperty("properties");
            var coords = feature.GetProperty("geometry").GetProperty("coordinates");
            var lon = coords.EnumerateArray().Select(c => c[0].GetDouble()).ToArray();
            var lat = coords.EnumerateArray().Select(c => c[1].GetDouble()).ToArray();
            var name = props.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            var length = props.TryGetProperty("length_m", out var l) ? l.GetDouble() : 0;
            Roads.Add((props.GetProperty("edge").GetInt32(), name, lon, lat, length));
        }
    }

    private void ReadEdgeMeasures(int edges)
    {
        double[] Blank() => Enumerable.Repeat(double.NaN, edges).ToArray();
        if (Table("edgedata.csv") is { } ed)
        {
            var edge = ed.Numbers("Edge");
            var sampled = ed.Numbers("SampledSeconds");
            var speed = ed.Numbers("MeanSpeedMps");
            var travel = ed.Numbers("TravelTimeS");
            var left = ed.Numbers("Left");
            var hours = Math.Max(ed.Numbers("EndS").DefaultIfEmpty(0).Max() - ed.Numbers("BeginS").DefaultIfEmpty(0).Min(), 1) / 3600;
            var weight = new double[edges];
            var (s, tt, flow) = (new double[edges], new double[edges], new double[edges]);
            for (var i = 0; i < edge.Length; i++)
            {
                var e = (int)edge[i];
                if (e < 0 || e >= edges)
                {
                    continue;
                }

                flow[e] += left[i] / hours;
                if (sampled[i] > 0 && double.IsFinite(speed[i]))
                {
                    // Time-weighted (SUMO's edgeData convention): intervals with more vehicle-seconds count more.
                    weight[e] += sampled[i];
                    s[e] += speed[i] * 3.6 * sampled[i];
                    tt[e] += double.IsFinite(travel[i]) ? travel[i] * sampled[i] : 0;
                }
            }

            EdgeMeasures["speed"] = Enumerable.Range(0, edges).Select(e => weight[e] > 0 ? s[e] / weight[e] : double.NaN).ToArray();
            EdgeMeasures["travelTime"] = Enumerable.Range(0, edges).Select(e => weight[e] > 0 ? tt[e] / weight[e] : double.NaN).ToArray();
            EdgeMeasures["flow"] = flow;
        }

        if (Table("edge_emissions.csv") is { } em)
        {
            var co2 = Blank();
            var edge = em.Numbers("Edge");
            var grams = em.Numbers("Co2G");
            var length = new double[edges];
            foreach (var r in Roads)
            {
                length[r.Edge] = r.LengthM;
            }

            for (var i = 0; i < edge.Length; i++)
            {
                var e = (int)edge[i];
                if (e >= 0 && e < edges && length[e] > 0)
                {
                    co2[e] = (double.IsNaN(co2[e]) ? 0 : co2[e]) + grams[i] / 1000 / (length[e] / 1000);
                }
            }

            EdgeMeasures["co2"] = co2;
        }

        if (Table("lamps.csv") is { } lamps)
        {
            var energy = Blank();
            var edge = lamps.Numbers("Edge");
            var kwh = lamps.Numbers("EnergyKWh");
            for (var i = 0; i < edge.Length; i++)
            {
                var e = (int)edge[i];
                if (e >= 0 && e < edges)
                {
                    energy[e] = (double.IsNaN(energy[e]) ? 0 : energy[e]) + kwh[i];
                }
            }

            EdgeMeasures["lighting"] = energy;
        }
    }
}
