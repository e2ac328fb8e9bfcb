using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CityTwin.Ecs.Randomness;
using CityTwin.Ecs.Timing;
using CityTwin.IO.Osm;
using CityTwin.IO.Tables;
using CityTwin.Model;
using CityTwin.Model.Cache;
using CityTwin.Model.Roads;
using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Cli.Commands;

/// <summary>
/// <c>citytwin traffic &lt;city&gt;</c>: random-trip traffic on a city (OSM extract or .ctw cache), with progress, KPIs
/// and the per-trip, per-edge and summary tables (CSV and Parquet).
/// </summary>
public static class TrafficCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var city = new Argument<FileInfo>("city") { Description = "OSM extract (.osm.pbf, .osm, .osm.gz, .osm.bz2), SUMO network (.net.xml[.gz]) or city cache (.ctw)" };
        var trips = new Option<int>("--trips") { Description = "Random trips to generate", DefaultValueFactory = _ => 3600 };
        var departSeconds = new Option<int>("--depart-seconds") { Description = "Departures are spread evenly over this window", DefaultValueFactory = _ => 3600 };
        var seconds = new Option<int>("--seconds") { Description = "Simulated seconds", DefaultValueFactory = _ => 5400 };
        var seed = new Option<ulong>("--seed") { Description = "Run seed", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Threads for the decide phase (-1: all cores)", DefaultValueFactory = _ => 1 };
        var model = new Option<string>("--model") { Description = "Car-following model: krauss (SUMO's default) or idm", DefaultValueFactory = _ => "krauss" };
        var stepMs = new Option<int>("--step-ms") { Description = "Step length, ms", DefaultValueFactory = _ => 1000 };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for kpis.json and the tables" };
        var evShare = new Option<double>("--ev-share") { Description = "Share of electric vehicles (0-1)", DefaultValueFactory = _ => 0 };
        var lighting = new Option<string>("--lighting") { Description = "Street lights: hps (full power), led, led-dimmed (D60) or led-adaptive (presence)", DefaultValueFactory = _ => "led-adaptive" };
        var start = new Option<DateTime>("--start") { Description = "Local date and time of simulation time zero (for the street lights)", DefaultValueFactory = _ => new DateTime(2026, 11, 23, 17, 0, 0) };
        var command = new Command("traffic", "Simulate random-trip traffic on a city and report KPIs.")
        {
            city, trips, departSeconds, seconds, seed, threads, model, stepMs, output, evShare, lighting, start,
        };
        command.SetAction(r => Run(r.GetValue(city)!, r.GetValue(trips), r.GetValue(departSeconds), r.GetValue(seconds), r.GetValue(seed),
            r.GetValue(threads), r.GetValue(model)!, r.GetValue(stepMs), r.GetValue(output),
            new Coupled(r.GetValue(evShare), r.GetValue(lighting)!, r.GetValue(start))));
        return command;
    }

    /// <summary>Settings of the models coupled to the traffic.</summary>
    private sealed record Coupled(double EvShare, string Lighting, DateTime StartLocal);

    private static int Run(FileInfo file, int tripCount, int departSeconds, int seconds, ulong seed, int threads, string modelName, int stepMs,
        DirectoryInfo? output, Coupled coupled)
    {
        if (coupled.EvShare is < 0 or > 1 || coupled.Lighting is not ("hps" or "led" or "led-dimmed" or "led-adaptive"))
        {
            Console.Error.WriteLine("error: --ev-share must be in 0..1 and --lighting one of hps, led, led-dimmed, led-adaptive.");
            return 2;
        }

        if (!file.Exists)
        {
            Console.Error.WriteLine($"error: {file.FullName} does not exist.");
            return 2;
        }

        CarFollowModel model;
        switch (modelName.ToLowerInvariant())
        {
            case "krauss": model = CarFollowModel.Krauss; break;
            case "idm": model = CarFollowModel.Idm; break;
            default:
                Console.Error.WriteLine($"error: --model must be 'krauss' or 'idm', not '{modelName}'.");
                return 2;
        }

        if (tripCount <= 0 || departSeconds <= 0 || seconds <= 0 || stepMs is < 100 or > 10_000)
        {
            Console.Error.WriteLine("error: --trips, --depart-seconds and --seconds must be positive; --step-ms in 100…10000.");
            return 2;
        }

        CityModel city;
        try
        {
            city = CityFiles.Load(file);
        }
        catch (Exception e) when (CityFiles.IsInputError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        var type = VehicleType.SumoDefault with { Model = model };
        using var sim = new TrafficSimulation(city.Roads, [type], new TrafficOptions { Seed = seed, Threads = threads, StepMs = stepMs });
        var graph = RoutingGraph.Build(city.Roads, VehicleClasses.Passenger);
        var generator = new RandomTripGenerator(city.Roads);
        var demand = generator.Generate(
            new RandomTripOptions { EndS = departSeconds, PeriodS = (double)departSeconds / tripCount, MinDistanceM = 300, IdPrefix = "rt" },
            new RandomStreams(seed).Stream("demand.random-trips"));
        sim.Schedule(demand.Trips, new AStarRouter(graph));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file.Name}: {city.Roads.Edges.Length:N0} edges, {city.Roads.Lanes.Length:N0} lanes; {demand.Trips.Count:N0} trips ({demand.FailedCount} could not be drawn, {sim.Unroutable} unroutable)"));

        var emissions = new CityTwin.Simulation.Coupling.TrafficEmissions(sim, [coupled.EvShare], seed);
        var technology = coupled.Lighting == "hps" ? CityTwin.Simulation.Lighting.LuminaireTechnology.HighPressureSodium
            : CityTwin.Simulation.Lighting.LuminaireTechnology.Led;
        var luminaire = CityTwin.Simulation.Lighting.Luminaire.Typical(CityTwin.Simulation.Lighting.LightingClass.M4, technology);
        var lights = new CityTwin.Simulation.Coupling.TrafficLighting(sim, city, coupled.StartLocal,
            TimeZoneInfo.Local.GetUtcOffset(coupled.StartLocal).TotalHours, Enumerable.Repeat(luminaire, city.Lamps.Count).ToArray(),
            coupled.Lighting == "led-dimmed" ? CityTwin.Simulation.Lighting.DimmingProgram.D60 : null,
            coupled.Lighting == "led-adaptive" ? new CityTwin.Simulation.Coupling.PresenceSettings() : null);
        var wall = Stopwatch.StartNew();
        var end = SimTime.FromSeconds((long)seconds);
        var nextReport = SimTime.FromSeconds(600L);
        while (sim.Clock.Now < end)
        {
            sim.Step();
            emissions.Observe();
            lights.Observe();
            if (sim.Clock.Now >= nextReport || sim.Clock.Now >= end)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {sim.Clock.Now}  running {sim.Running,6:N0}  arrived {sim.Arrived,6:N0}  removed {sim.Removed,4}  real-time factor {sim.Clock.Now.Seconds / wall.Elapsed.TotalSeconds,7:N0}x"));
                nextReport += SimTime.FromSeconds(600L);
            }
        }

        wall.Stop();
        sim.EdgeData.Flush(sim.Clock.Now.Milliseconds);
        var kpis = Kpis(sim, wall.Elapsed.TotalSeconds, seed);
        kpis.Add(("co2Kg", Math.Round(emissions.Co2Kg, 3)));
        kpis.Add(("noxKg", Math.Round(emissions.NoxKg, 4)));
        kpis.Add(("evBatteryKWh", Math.Round(emissions.EvEnergyWh / 1000, 3)));
        kpis.Add(("streetLamps", city.Lamps.Count));
        kpis.Add(("streetLightingKWh", Math.Round(lights.Ledger.TotalKWh(), 3)));
        foreach (var (name, value) in kpis)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} {value}"));
        }

        if (output is not null)
        {
            Directory.CreateDirectory(output.FullName);
            TableWriter.WriteBoth(sim.TripInfos, output.FullName, "tripinfo");
            TableWriter.WriteBoth(sim.EdgeData.Rows, output.FullName, "edgedata");
            TableWriter.WriteBoth(sim.Summary, output.FullName, "summary");
            TableWriter.WriteBoth(emissions.Trips, output.FullName, "emissions");
            emissions.FlushInterval(sim.Clock.Now.Milliseconds);
            TableWriter.WriteBoth(emissions.EdgeRows, output.FullName, "edge_emissions");
            if (city.Lamps.Count > 0)
            {
                TableWriter.WriteBoth(lights.LampRows(), output.FullName, "lamps");
                TableWriter.WriteBoth(lights.RoadRows(), output.FullName, "lighting_roads");
            }
            // The same kpis.json form as a scenario run's (KpiSet), so `compare` and scripts read both alike.
            var set = new Scenarios.Running.KpiSet();
            foreach (var (name, value) in kpis)
            {
                set.Set(name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
            }

            File.WriteAllText(Path.Combine(output.FullName, "kpis.json"), set.ToJson());
            Console.WriteLine($"  tables and kpis.json written to {output.FullName}");
        }

        Console.WriteLine("Map data © OpenStreetMap contributors (ODbL).");
        return 0;
    }

    private static List<(string Name, object Value)> Kpis(TrafficSimulation sim, double wallSeconds, ulong seed)
    {
        var arrived = sim.TripInfos.Where(t => t.Status == Traffic.Outputs.TripStatus.Arrived).ToList();
        var vehicleKm = sim.TripInfos.Sum(t => t.RouteLengthM) / 1000;
        var durationS = arrived.Count > 0 ? arrived.Average(t => t.DurationS) : 0;
        return
        [
            ("seed", seed),
            ("vehiclesInserted", sim.Inserted),
            ("vehiclesArrived", sim.Arrived),
            ("vehiclesRemoved", sim.Removed),
            ("vehiclesRunning", sim.Running),
            ("meanTripDurationS", Math.Round(durationS, 2)),
            ("meanTimeLossS", Math.Round(arrived.Count > 0 ? arrived.Average(t => t.TimeLossS) : 0, 2)),
            ("meanSpeedMps", Math.Round(arrived.Count > 0 ? arrived.Sum(t => t.RouteLengthM) / arrived.Sum(t => t.DurationS) : 0, 3)),
            ("vehicleKm", Math.Round(vehicleKm, 1)),
            ("vehicleUpdates", sim.VehicleUpdates),
            ("wallSeconds", Math.Round(wallSeconds, 3)),
            ("realTimeFactor", Math.Round(sim.Clock.Now.Seconds / wallSeconds, 1)),
            ("vehicleUpdatesPerSecond", Math.Round(sim.VehicleUpdates / wallSeconds)),
        ];
    }
}
