namespace CityTwin.Scenarios.Definition;

/// <summary>
/// A planning scenario: the city, the time window, demand, the coupled models' settings, edits to the baseline, and the
/// outputs wanted. Immutable; change it in code with <c>with</c> (e.g. <c>scenario with { Seed = 7 }</c>).
/// </summary>
public sealed record Scenario
{
    /// <summary>Scenario name (used in outputs and reports).</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>Free text shown in the report.</summary>
    public string Description { get; init; } = "";

    /// <summary>File the scenario was loaded from (null when built in code).</summary>
    public string? SourceFile { get; init; }

    /// <summary>The city: an OSM extract, a <c>.ctw</c> cache, or SUMO files.</summary>
    public required CitySource City { get; init; }

    /// <summary>Simulated time window and step.</summary>
    public TimeWindow Time { get; init; } = new();

    /// <summary>Seed of the first replication (replication r uses Seed + r).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Independent replications (different seeds) to run.</summary>
    public int Replications { get; init; } = 1;

    /// <summary>Threads for the traffic engine (-1: all cores).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Traffic model settings.</summary>
    public TrafficSettings Traffic { get; init; } = new();

    /// <summary>Travel demand.</summary>
    public DemandSettings Demand { get; init; } = new();

    /// <summary>Street lighting stock and control.</summary>
    public LightingSettings Lighting { get; init; } = new();

    /// <summary>Building energy, PV and feeders.</summary>
    public EnergySettings Energy { get; init; } = new();

    /// <summary>Vehicle emissions, fuel and EV battery energy (on by default).</summary>
    public EmissionSettings Emissions { get; init; } = new();

    /// <summary>Share of electric vehicles among passenger cars, 0–1.</summary>
    public double EvShare { get; init; }

    /// <summary>Where electric vehicles charge.</summary>
    public ChargingSettings Charging { get; init; } = new();

    /// <summary>Edits to the baseline, applied in order.</summary>
    public IReadOnlyList<Edit> Edits { get; init; } = [];

    /// <summary>Outputs wanted.</summary>
    public OutputSettings Outputs { get; init; } = new();
}

/// <summary>Where the city comes from. Exactly one of <see cref="OsmFile"/>, <see cref="CacheFile"/>, <see cref="SumoNetFile"/>.</summary>
public sealed record CitySource
{
    /// <summary>An OpenStreetMap extract (.osm.pbf, .osm, .osm.gz, .osm.bz2).</summary>
    public string? OsmFile { get; init; }

    /// <summary>A city model cache (.ctw) written by <c>citytwin import</c>.</summary>
    public string? CacheFile { get; init; }

    /// <summary>A SUMO network (.net.xml or .net.xml.gz).</summary>
    public string? SumoNetFile { get; init; }

    /// <summary>For OSM extracts: treat streets without a <c>lit</c> tag as lit, generating lamps along them.</summary>
    public bool AssumeLit { get; init; }

    /// <summary>SUMO route files (.rou.xml): demand used when <see cref="DemandSettings.SumoRoutes"/> is on.</summary>
    public IReadOnlyList<string> SumoRouteFiles { get; init; } = [];

    /// <summary>SUMO additional files (signal programs, induction loops).</summary>
    public IReadOnlyList<string> SumoAdditionalFiles { get; init; } = [];

    /// <summary>The file that defines the network.</summary>
    public string NetworkFile => OsmFile ?? CacheFile ?? SumoNetFile ?? throw new InvalidOperationException("The city names no file.");
}

/// <summary>Simulated window.</summary>
public sealed record TimeWindow
{
    /// <summary>Local date and time of simulation time zero (sets sun position and lighting schedules).</summary>
    public DateTime StartLocal { get; init; } = new(2026, 11, 23, 17, 0, 0);

    /// <summary>Offset of local time from UTC, hours.</summary>
    public double UtcOffsetHours { get; init; } = 1;

    /// <summary>Simulated duration, seconds.</summary>
    public int DurationS { get; init; } = 3600;

    /// <summary>Step length, milliseconds (100–10,000).</summary>
    public int StepMs { get; init; } = 1000;
}

/// <summary>Traffic engine settings.</summary>
public sealed record TrafficSettings
{
    /// <summary>Car-following model: <c>krauss</c> (SUMO's default) or <c>idm</c>.</summary>
    public string Model { get; init; } = "krauss";

    /// <summary>A vehicle waiting this long is removed and counted (SUMO's teleport), seconds.</summary>
    public double MaxWaitS { get; init; } = 300;

    /// <summary>Periodic rerouting on current travel times, seconds (0: off).</summary>
    public double RerouteIntervalS { get; init; }

    /// <summary>Time gap a yielding vehicle needs after it has crossed before a priority vehicle arrives, seconds;
    /// null: SUMO's <c>jmTimegapMinor</c> (1 s) on a SUMO network, 2 s on an OpenStreetMap one.</summary>
    public double? CriticalGapS { get; init; }

    /// <summary>Position update over a step: <c>auto</c> (Krauss as SUMO's default Euler update, IDM ballistic),
    /// <c>ballistic</c> or <c>euler</c>.</summary>
    public string PositionUpdate { get; init; } = "auto";

    /// <summary>Timing of the barriers at level crossings (SUMO's <c>rail_crossing</c> defaults).</summary>
    public Traffic.Junctions.LevelCrossingTiming LevelCrossings { get; init; } = new();
}

/// <summary>Travel demand: any combination of random trips, an OD matrix and SUMO routes, then scaled.</summary>
public sealed record DemandSettings
{
    /// <summary>Random trips (SUMO randomTrips-like), or null.</summary>
    public RandomTripSettings? RandomTrips { get; init; }

    /// <summary>Origin–destination matrix between zones, or null.</summary>
    public OdMatrixSettings? OdMatrix { get; init; }

    /// <summary>Whether the city's SUMO route files are used.</summary>
    public bool SumoRoutes { get; init; }

    /// <summary>Global factor on the number of trips (e.g. 1.2 for +20% growth).</summary>
    public double Scale { get; init; } = 1;
}

/// <summary>Random trips.</summary>
public sealed record RandomTripSettings
{
    /// <summary>Trips to generate (before scaling).</summary>
    public int Count { get; init; } = 3600;

    /// <summary>Departures spread evenly over this window from time zero, seconds.</summary>
    public int DepartWindowS { get; init; } = 3600;

    /// <summary>Minimum straight-line distance between origin and destination, metres.</summary>
    public double MinDistanceM { get; init; } = 300;

    /// <summary>Weight of fringe edges as origins/destinations (randomTrips' --fringe-factor).</summary>
    public double FringeFactor { get; init; } = 1;
}

/// <summary>Origin–destination demand.</summary>
public sealed record OdMatrixSettings
{
    /// <summary>The OD matrix CSV (origin, destination, trips, optional begin/end).</summary>
    public required string MatrixFile { get; init; }

    /// <summary>Zones CSV (zone, WKT polygon in lon/lat).</summary>
    public required string ZonesFile { get; init; }
}

/// <summary>Street lighting stock and control program.</summary>
public sealed record LightingSettings
{
    /// <summary>Whether street lighting is simulated.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Existing lamp technology: <c>hps</c> (high-pressure sodium) or <c>led</c>.</summary>
    public string Technology { get; init; } = "hps";

    /// <summary>Control: <c>full</c> (on at full level all night), <c>dimmed</c> (fixed-time steps) or <c>adaptive</c> (presence).</summary>
    public string Control { get; init; } = "full";

    /// <summary>Fixed-time dimming steps for <c>dimmed</c> (minute of day, level); empty: 70% from 20:00, 50% from 22:00, 100% from 05:00.</summary>
    public IReadOnlyList<(double MinuteOfDay, double Level)> DimmingSteps { get; init; } = [];

    /// <summary>Level with no presence for <c>adaptive</c>, 0–1.</summary>
    public double BaseLevel { get; init; } = 0.3;

    /// <summary>Time a detection keeps a lamp boosted, seconds.</summary>
    public double HoldS { get; init; } = 60;

    /// <summary>Poles boosted on each side of the detecting one.</summary>
    public int Neighbours { get; init; } = 2;

    /// <summary>Detection range around a pole, metres.</summary>
    public double DetectionRangeM { get; init; } = 30;
}

/// <summary>Vehicle emissions (HBEFA3 CO2, NOx, fuel) and EV battery energy.</summary>
public sealed record EmissionSettings
{
    /// <summary>Whether emissions and EV energy are computed. Off, a traffic-only run is faster (no per-vehicle
    /// bookkeeping each step); its emission KPIs are 0 and its emission tables empty, and electric vehicles are refused
    /// (their charging needs their battery energy).</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>Building energy, PV and feeders.</summary>
public sealed record EnergySettings
{
    /// <summary>Whether building energy is simulated.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>EnergyPlus weather file; null: the embedded synthetic year for the city's latitude.</summary>
    public string? EpwFile { get; init; }

    /// <summary>Share of buildings with rooftop PV, 0–1.</summary>
    public double PvShare { get; init; }
}

/// <summary>Where electric vehicles charge after they arrive (<c>vehicles.charging</c>).</summary>
public sealed record ChargingSettings
{
    /// <summary><c>auto</c>: at the nearest mapped station within <see cref="MaxWalkM"/> of the destination, else at the
    /// destination; <c>mapped</c>: only at mapped stations (EVs with none in reach do not charge, counted);
    /// <c>destination</c>: every EV at a charger at its destination.</summary>
    public string At { get; init; } = "auto";

    /// <summary>Largest distance from the destination to a station a driver walks, metres.</summary>
    public double MaxWalkM { get; init; } = 500;

    /// <summary>Charger power at destinations and at mapped stations without a power tag, kW.</summary>
    public double PowerKW { get; init; } = 22;

    /// <summary>Sockets of a mapped station without a capacity tag.</summary>
    public int Sockets { get; init; } = 2;
}

/// <summary>Outputs wanted.</summary>
public sealed record OutputSettings
{
    /// <summary>All table names the runner can write.</summary>
    public static readonly string[] AllTables =
        ["tripinfo", "edgedata", "summary", "emissions", "edge_emissions", "lamps", "lighting_roads", "lighting_power", "ev_charging", "buildings", "feeders",
            "level_crossings"];

    /// <summary>Tables to write (names in <see cref="AllTables"/>).</summary>
    public IReadOnlyList<string> Tables { get; init; } = AllTables;

    /// <summary>Write CSV files.</summary>
    public bool Csv { get; init; } = true;

    /// <summary>Write Parquet files.</summary>
    public bool Parquet { get; init; } = true;

    /// <summary>Interval of the per-edge tables, seconds.</summary>
    public int EdgeIntervalS { get; init; } = 900;

    /// <summary>Write GeoJSON layers (roads with results).</summary>
    public bool GeoJson { get; init; } = true;

    /// <summary>Write <c>report.html</c>.</summary>
    public bool Report { get; init; } = true;

    /// <summary>Also write SUMO-schema XML outputs (tripinfo, edgeData).</summary>
    public bool SumoXml { get; init; }
}
