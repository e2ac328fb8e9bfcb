using System.Globalization;
using CityTwin.Scenarios.Definition;
using YamlDotNet.RepresentationModel;

namespace CityTwin.Scenarios.Loading;

/// <summary>
/// Reads scenario YAML files (documented in <c>docs/scenarios.md</c>, every option shown in
/// <c>scenarios/reference.yaml</c>) into <see cref="Scenario"/>. Collects every problem with file, line and column
/// and throws <see cref="ScenarioValidationException"/> if there is any.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] TopKeys =
        ["name", "description", "base", "city", "time", "seed", "replications", "threads", "traffic", "demand", "lighting", "energy",
         "emissions", "vehicles", "edits", "outputs"];

    /// <summary>Loads a scenario file (and its bases).</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioValidationException">Anything is wrong; the message lists every problem.</exception>
    public static Scenario Load(string path) => Read(YamlSource.Load(path, "edits"));

    /// <summary>Loads a scenario from YAML text; relative paths resolve against <paramref name="directory"/>.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="directory">Folder for relative paths.</param>
    /// <param name="name">A file name for messages.</param>
    /// <returns>The scenario.</returns>
    public static Scenario Parse(string yaml, string directory, string name = "scenario.yaml") => Read(YamlSource.Parse(yaml, name, directory));

    /// <summary>Reads a loaded source.</summary>
    /// <param name="source">The YAML.</param>
    /// <returns>The scenario.</returns>
    public static Scenario Read(YamlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var errors = new List<ScenarioError>();
        var top = new YamlSection(source, source.Root, "", errors, TopKeys);
        var city = ReadCity(top);
        var vehicles = top.Section("vehicles", "evShare", "charging");
        var scenario = new Scenario
        {
            Name = top.String("name") ?? Path.GetFileNameWithoutExtension(source.Path),
            Description = top.String("description", "")!,
            SourceFile = source.Path,
            City = city,
            Time = ReadTime(top),
            Seed = (ulong)top.Long("seed", 1, 0, long.MaxValue),
            Replications = top.Int("replications", 1, 1, 1000),
            Threads = top.Int("threads", 1, -1, 256),
            Traffic = ReadTraffic(top),
            Demand = ReadDemand(top, city),
            Lighting = top.Section("lighting", LightingKeys) is { } l ? ReadLighting(l, new LightingSettings()) : new LightingSettings(),
            Energy = ReadEnergy(top),
            Emissions = top.Section("emissions", "enabled") is { } em ? new EmissionSettings { Enabled = em.Bool("enabled", true) } : new EmissionSettings(),
            EvShare = vehicles?.Double("evShare", 0, 0, 1) ?? 0,
            Charging = vehicles?.Section("charging", "at", "maxWalkM", "powerKW", "sockets") is { } c
                ? new ChargingSettings
                {
                    At = c.Choice("at", "auto", "auto", "mapped", "destination"), MaxWalkM = c.Double("maxWalkM", 500, 0, 50_000),
                    PowerKW = c.Double("powerKW", 22, 1, 1000), Sockets = c.Int("sockets", 2, 1, 1000),
                }
                : new ChargingSettings(),
            Edits = EditReader.ReadAll(top),
            Outputs = ReadOutputs(top),
        };
        if (!scenario.Emissions.Enabled && scenario.EvShare > 0)
        {
            top.Error(vehicles!.Raw("evShare")!, "vehicles.evShare needs emissions.enabled: true (EV charging is computed from the battery energy the emissions model gives)");
        }

        if (top.Has("threads") && scenario.Threads == 0)
        {
            top.Error(top.Raw("threads")!, "threads: 0 is not allowed; expected -1 (all cores) or a positive number");
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return scenario;
    }

    /// <summary>Keys of a lighting section (also of a <c>lightingControl</c> edit).</summary>
    internal static readonly string[] LightingKeys =
        ["enabled", "technology", "control", "dimming", "baseLevel", "holdS", "neighbours", "detectionRangeM"];

    /// <summary>Reads lighting settings over a starting value.</summary>
    /// <param name="s">The section.</param>
    /// <param name="start">Values for absent keys.</param>
    /// <returns>The settings.</returns>
    internal static LightingSettings ReadLighting(YamlSection s, LightingSettings start)
    {
        var steps = new List<(double, double)>();
        foreach (var item in s.Items("dimming"))
        {
            if (item is not YamlMappingNode map)
            {
                s.Error(item, $"{s.Qualified("dimming")}: expected items like {{ at: \"20:00\", level: 0.7 }}");
                continue;
            }

            var step = new YamlSection(s.Source, map, s.Qualified("dimming[]"), s.Errors, "at", "level");
            var at = step.String("at");
            var level = step.Double("level", 1, 0, 1);
            if (at is null || !TimeOnly.TryParseExact(at, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                step.Error(step.Raw("at") ?? map, $"{step.Qualified("at")}: expected a time of day like \"20:00\"");
                continue;
            }

            steps.Add((time.Hour * 60 + time.Minute, level));
        }

        return start with
        {
            Enabled = s.Bool("enabled", start.Enabled),
            Technology = s.Choice("technology", start.Technology, "hps", "led"),
            Control = s.Choice("control", start.Control, "full", "dimmed", "adaptive"),
            DimmingSteps = s.Has("dimming") ? steps : start.DimmingSteps,
            BaseLevel = s.Double("baseLevel", start.BaseLevel, 0, 1),
            HoldS = s.Double("holdS", start.HoldS, 0, 3600),
            Neighbours = s.Int("neighbours", start.Neighbours, 0, 20),
            DetectionRangeM = s.Double("detectionRangeM", start.DetectionRangeM, 1, 500),
        };
    }

    private static CitySource ReadCity(YamlSection top)
    {
        var s = top.Section("city", "osm", "cache", "sumo", "assumeLit");
        if (s is null)
        {
            top.Error(top.Raw("city") ?? top.Node, "city: is required (osm: FILE, cache: FILE.ctw, or sumo: { net: FILE, routes: [...] })");
            return new CitySource { OsmFile = "?" };
        }

        var named = new[] { "osm", "cache", "sumo" }.Where(s.Has).ToList();
        if (named.Count != 1)
        {
            s.Error(s.Node, $"city: name exactly one of osm, cache, sumo (got {(named.Count == 0 ? "none" : string.Join(", ", named))})");
        }

        var sumo = s.Section("sumo", "net", "routes", "additional");
        List<string> Files(string key) => sumo is null ? [] :
            sumo.Items(key).Select(n => n is YamlScalarNode { Value: { } v } ? Check(sumo, n, sumo.Source.ResolvePath(n, v)) : null)
                .OfType<string>().ToList();
        return new CitySource
        {
            OsmFile = s.ExistingFile("osm"),
            AssumeLit = s.Bool("assumeLit", false),
            CacheFile = s.ExistingFile("cache"),
            SumoNetFile = sumo?.ExistingFile("net"),
            SumoRouteFiles = Files("routes"),
            SumoAdditionalFiles = Files("additional"),
        };
    }

    private static string? Check(YamlSection s, YamlNode node, string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        s.Error(node, $"file '{path}' not found");
        return null;
    }

    private static TimeWindow ReadTime(YamlSection top)
    {
        var s = top.Section("time", "start", "utcOffsetHours", "durationS", "stepMs");
        if (s is null)
        {
            return new TimeWindow();
        }

        var window = new TimeWindow();
        var start = s.String("start");
        if (start is not null && !DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            s.Error(s.Raw("start")!, "time.start: expected a local date and time like 2026-11-23T17:00");
        }
        else if (start is not null)
        {
            window = window with { StartLocal = DateTime.SpecifyKind(DateTime.Parse(start, CultureInfo.InvariantCulture), DateTimeKind.Unspecified) };
        }

        return window with
        {
            UtcOffsetHours = s.Double("utcOffsetHours", window.UtcOffsetHours, -14, 14),
            DurationS = s.Int("durationS", window.DurationS, 1, 366 * 86_400),
            StepMs = s.Int("stepMs", window.StepMs, 100, 10_000),
        };
    }

    private static TrafficSettings ReadTraffic(YamlSection top)
    {
        var s = top.Section("traffic", "model", "maxWaitS", "rerouteIntervalS", "criticalGapS", "positionUpdate", "levelCrossings");
        if (s is null)
        {
            return new TrafficSettings();
        }

        var x = s.Section("levelCrossings", "timeGapS", "yellowS", "openingDelayS", "openingS", "minOpenS");
        var timing = new Traffic.Junctions.LevelCrossingTiming();
        return new TrafficSettings
        {
            Model = s.Choice("model", "krauss", "krauss", "idm"),
            MaxWaitS = s.Double("maxWaitS", 300, 1, 86_400),
            RerouteIntervalS = s.Double("rerouteIntervalS", 0, 0, 86_400),
            CriticalGapS = s.Has("criticalGapS") ? s.Double("criticalGapS", 2, 0, 10) : null,
            PositionUpdate = s.Choice("positionUpdate", "auto", "auto", "ballistic", "euler"),
            LevelCrossings = x is null ? timing : new Traffic.Junctions.LevelCrossingTiming
            {
                TimeGapS = x.Double("timeGapS", timing.TimeGapS, 0, 600),
                YellowS = x.Double("yellowS", timing.YellowS, 0, 600),
                OpeningDelayS = x.Double("openingDelayS", timing.OpeningDelayS, 0, 600),
                OpeningS = x.Double("openingS", timing.OpeningS, 0, 600),
                MinOpenS = x.Double("minOpenS", timing.MinOpenS, 0, 600),
            },
        };
    }

    private static DemandSettings ReadDemand(YamlSection top, CitySource city)
    {
        var s = top.Section("demand", "randomTrips", "odMatrix", "sumoRoutes", "scale");
        if (s is null)
        {
            return new DemandSettings { RandomTrips = city.SumoRouteFiles.Count == 0 ? new RandomTripSettings() : null, SumoRoutes = city.SumoRouteFiles.Count > 0 };
        }

        var rt = s.Section("randomTrips", "count", "departWindowS", "minDistanceM", "fringeFactor");
        var od = s.Section("odMatrix", "matrix", "zones");
        var demand = new DemandSettings
        {
            RandomTrips = rt is null ? null : new RandomTripSettings
            {
                Count = rt.Int("count", 3600, 1, 10_000_000),
                DepartWindowS = rt.Int("departWindowS", 3600, 1, 366 * 86_400),
                MinDistanceM = rt.Double("minDistanceM", 300, 0, 1e6),
                FringeFactor = rt.Double("fringeFactor", 1, 0, 1e6),
            },
            OdMatrix = od is null ? null : new OdMatrixSettings { MatrixFile = od.ExistingFile("matrix") ?? "", ZonesFile = od.ExistingFile("zones") ?? "" },
            SumoRoutes = s.Bool("sumoRoutes", false),
            Scale = s.Double("scale", 1, 0, 100),
        };
        if (od is not null && (!od.Has("matrix") || !od.Has("zones")))
        {
            od.Error(od.Node, "demand.odMatrix: needs both matrix: (OD CSV) and zones: (zones CSV)");
        }

        if (demand.SumoRoutes && city.SumoRouteFiles.Count == 0)
        {
            s.Error(s.Raw("sumoRoutes")!, "demand.sumoRoutes: true needs route files in city.sumo.routes");
        }

        if (demand.RandomTrips is null && demand.OdMatrix is null && !demand.SumoRoutes)
        {
            s.Error(s.Node, "demand: names no trips; give randomTrips, odMatrix or sumoRoutes: true");
        }

        return demand;
    }

    private static EnergySettings ReadEnergy(YamlSection top)
    {
        var s = top.Section("energy", "enabled", "epw", "pvShare");
        return s is null ? new EnergySettings() : new EnergySettings
        {
            Enabled = s.Bool("enabled", true),
            EpwFile = s.ExistingFile("epw"),
            PvShare = s.Double("pvShare", 0, 0, 1),
        };
    }

    private static OutputSettings ReadOutputs(YamlSection top)
    {
        var s = top.Section("outputs", "tables", "formats", "edgeIntervalS", "geojson", "report", "sumoXml");
        if (s is null)
        {
            return new OutputSettings();
        }

        var tables = s.Has("tables") ? s.Strings("tables") : OutputSettings.AllTables.ToList();
        foreach (var (name, node) in tables.Zip(s.Items("tables")))
        {
            if (!OutputSettings.AllTables.Contains(name))
            {
                s.Error(node, $"outputs.tables: unknown table '{name}'; expected any of {string.Join(", ", OutputSettings.AllTables)}");
            }
        }

        var formats = s.Has("formats") ? s.Strings("formats") : ["csv", "parquet"];
        foreach (var (name, node) in formats.Zip(s.Items("formats")))
        {
            if (name is not ("csv" or "parquet"))
            {
                s.Error(node, $"outputs.formats: unknown format '{name}'; expected csv, parquet");
            }
        }

        return new OutputSettings
        {
            Tables = tables,
            Csv = formats.Contains("csv"),
            Parquet = formats.Contains("parquet"),
            EdgeIntervalS = s.Int("edgeIntervalS", 900, 1, 86_400),
            GeoJson = s.Bool("geojson", true),
            Report = s.Bool("report", true),
            SumoXml = s.Bool("sumoXml", false),
        };
    }
}
