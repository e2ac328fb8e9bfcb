using System.Diagnostics;
using CityTwin.Ecs.Core;
using CityTwin.Ecs.Randomness;
using CityTwin.Ecs.Timing;
using CityTwin.IO.Sumo;
using CityTwin.Model.Roads;
using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Editing;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Energy;
using CityTwin.Simulation.Energy.Weather;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Routing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Scenarios.Running;

/// <summary>Runs one replication of a prepared scenario: traffic with emissions and street lighting, then building energy.</summary>
internal static class ReplicationRunner
{
    public static ReplicationResult Run(PreparedScenario prepared, ScenarioCity city, ulong seed, int threads, int replication, Action<RunProgress>? progress)
    {
        var scenario = prepared.Scenario;
        var model = prepared.City;
        var replications = scenario.Replications;
        var streams = new RandomStreams(seed);
        var notes = new List<string>();
        var times = new StageTimes();
        var t = Stopwatch.GetTimestamp();
        var (types, trips, failed) = Demand(prepared, city, streams, notes);
        t = times.Lap("demand", t);
        using var sim = new TrafficSimulation(model.Roads, types, new TrafficOptions
        {
            Seed = seed, Threads = threads, StepMs = scenario.Time.StepMs, MaxWaitS = scenario.Traffic.MaxWaitS,
            RerouteIntervalS = scenario.Traffic.RerouteIntervalS,
            LevelCrossings = scenario.Traffic.LevelCrossings,
            CriticalGapS = scenario.Traffic.CriticalGapS ?? (city.Sumo is null ? 2.0 : 1.0), // SUMO: jmTimegapMinor = 1 s
            PositionUpdate = scenario.Traffic.PositionUpdate switch
            {
                "ballistic" => PositionUpdate.Ballistic,
                "euler" => PositionUpdate.Euler,
                _ => PositionUpdate.Auto,
            },
        });
        sim.EdgeData.IntervalMs = scenario.Outputs.EdgeIntervalS * 1000L;
        city.Sumo?.ApplySignalPlans(sim.Signals);
        if (city.Sumo is { } sumoNet && scenario.City.SumoAdditionalFiles.Count > 0)
        {
            SumoAdditionalReader.Apply(SumoAdditionalReader.Read(sumoNet, [.. scenario.City.SumoAdditionalFiles]), sim.Signals, sim.Detectors);
        }

        foreach (var (program, plan) in prepared.SignalPlans)
        {
            sim.Signals.SetPlan(program, plan);
        }

        // Each trip is routed on the graph of its vehicle class (a truck may use roads a car may not, a train only rails).
        var routers = new Dictionary<VehicleClasses, AStarRouter>();
        AStarRouter RouterFor(int type)
        {
            var vehicleClass = types[type].VehicleClass;
            if (!routers.TryGetValue(vehicleClass, out var router))
            {
                router = new AStarRouter(RoutingGraph.Build(model.Roads, vehicleClass));
                routers[vehicleClass] = router;
            }

            return router;
        }

        // Trips are scheduled one by one so that one bad route (e.g. through an edge its class may not use) is reported
        // and skipped rather than stopping the run.
        var rejected = new List<string>();
        foreach (var request in trips)
        {
            if (!ScheduledTrip.TryFrom(request, RouterFor(request.VehicleType), out var trip))
            {
                sim.UnroutableIds.Add(request.Id);
                continue;
            }

            try
            {
                sim.Schedule(trip!);
            }
            catch (ArgumentException e)
            {
                rejected.Add(e.Message.Split(" (Parameter", 2)[0]);
            }
        }

        if (rejected.Count > 0)
        {
            notes.Add($"{rejected.Count} trips refused and not simulated, e.g. {string.Join("; ", rejected.Take(3))}");
        }

        if (sim.UnroutableIds.Count > 0)
        {
            notes.Add($"{sim.UnroutableIds.Count} trips with no path between their origin and destination for their vehicle class, not " +
                $"simulated (counted in tripsUnroutable), e.g. {string.Join(", ", sim.UnroutableIds.Take(5))}");
        }

        t = times.Lap("set-up and routing", t);
        var emissionsOn = scenario.Emissions.Enabled;
        if (!emissionsOn)
        {
            notes.Add("emissions off (emissions.enabled: false): co2Kg, noxKg, fuelL and evBatteryKWh are 0 and the emission tables empty");
        }

        var evShares = types.Select(t => t.VehicleClass == VehicleClasses.Passenger ? prepared.EvShare : 0).ToArray();
        var emissions = new TrafficEmissions(sim, evShares, seed) { IntervalMs = scenario.Outputs.EdgeIntervalS * 1000L };
        // The lamps are entities of a world of their own, lit by a system on the traffic's clock.
        using var lampWorld = World.Create();
        var lighting = prepared.Lighting.Enabled && model.Lamps.Count > 0 ? Lighting(prepared, sim, lampWorld) : null;
        var lights = lighting?.Lighting;

        t = times.Lap("observers set-up", t);
        var wall = Stopwatch.StartNew();
        var end = SimTime.FromSeconds((long)scenario.Time.DurationS);
        var nextReport = SimTime.FromSeconds(60L);
        var lightingPower = new List<LightingPowerRow>();
        var lampHourSnapshots = new List<double[]>(); // ledger energy (Wh) per lamp at each full simulated hour, for the feeders
        var lastKWh = 0.0;
        while (sim.Clock.Now < end)
        {
            sim.Step();
            if (emissionsOn)
            {
                emissions.Observe();
            }

            lighting?.Update(sim.Clock.Tick);
            if (lights is not null && (sim.Clock.Now.Milliseconds % 60_000 == 0 || sim.Clock.Now >= end))
            {
                // Mean street-lighting power over the last minute, from the ledger's running total.
                var kwh = lights.Ledger.TotalKWh();
                var previousS = lightingPower.Count > 0 ? lightingPower[^1].TimeS : 0;
                var hours = (sim.Clock.Now.Seconds - previousS) / 3600;
                lightingPower.Add(new LightingPowerRow(sim.Clock.Now.Seconds, hours > 0 ? (kwh - lastKWh) / hours : 0));
                lastKWh = kwh;
                if (sim.Clock.Now.Milliseconds % 3_600_000 == 0 || sim.Clock.Now >= end)
                {
                    lampHourSnapshots.Add((double[])lights.Ledger.EnergyWh.Clone());
                }
            }

            if (progress is not null && (sim.Clock.Now >= nextReport || sim.Clock.Now >= end))
            {
                progress(new RunProgress(replication, replications, sim.Clock.Now.Seconds, scenario.Time.DurationS, sim.Running, sim.Arrived,
                    sim.Clock.Now.Seconds / Math.Max(wall.Elapsed.TotalSeconds, 1e-6), "traffic"));
                nextReport += SimTime.FromSeconds(60L);
            }
        }

        wall.Stop();
        t = times.Lap("traffic", t);
        sim.EdgeData.Flush(sim.Clock.Now.Milliseconds);
        foreach (var detector in sim.Detectors)
        {
            detector.Flush(sim.Clock.Now.Milliseconds);
        }

        emissions.FlushInterval(sim.Clock.Now.Milliseconds);
        var kpis = KpiCalculator.Traffic(sim, wall.Elapsed.TotalSeconds, trips.Count, failed + rejected.Count);
        kpis.Set("co2Kg", emissions.Co2Kg);
        kpis.Set("noxKg", emissions.NoxKg);
        kpis.Set("fuelL", emissions.FuelL);
        kpis.Set("evBatteryKWh", emissions.EvEnergyWh / 1000);

        kpis.Set("streetLamps", model.Lamps.Count);
        kpis.Set("streetLightingKWh", lights?.Ledger.TotalKWh() ?? 0);

        progress?.Invoke(new RunProgress(replication, replications, sim.Clock.Now.Seconds, scenario.Time.DurationS, sim.Running, sim.Arrived, 0, "energy"));
        t = times.Lap("traffic results", t);
        var energy = scenario.Energy.Enabled && model.Buildings.Count > 0 ? Energy(prepared, seed, notes) : null;
        t = times.Lap("building energy", t);
        kpis.Set("buildingHeatingKWh", energy?.Totals.HeatingKWh ?? 0);
        kpis.Set("buildingCoolingKWh", energy?.Totals.CoolingKWh ?? 0);
        kpis.Set("buildingElectricityKWh", energy?.Totals.ElectricityKWh ?? 0);
        kpis.Set("pvKWh", energy?.Totals.PvKWh ?? 0);
        // EVs charge at their destinations; their load joins the feeder of the nearest substation.
        var destinations = new Dictionary<string, (double, double)>();
        foreach (var trip in trips)
        {
            var geometry = model.Roads.GetGeometry(trip.ToEdge);
            destinations[trip.Id] = (geometry[^1].XM, geometry[^1].YM);
        }

        Func<double, double, int>? feederOf = energy is null ? null : (x, y) => NearestFeeder(energy.Feeders, x, y);
        // Mapped public stations (amenity=charging_station) near destinations, else chargers at destinations.
        var charging = scenario.Charging;
        var stations = charging.At == "destination" ? [] : model.Assets.ChargingStations().Select(a => new ChargingSite(a.OsmId, a.Position.XM,
            a.Position.YM, new Simulation.Emissions.ChargingStation((double.IsNaN(a.PowerKW) ? charging.PowerKW : a.PowerKW) * 1000),
            a.Capacity > 0 ? a.Capacity : charging.Sockets)).ToList();
        var outcome = EvCharging.Simulate(sim.TripInfos, emissions.Trips, destinations, emissions.Ev.BatteryCapacityWh,
            charging.At == "mapped" ? null : new Simulation.Emissions.ChargingStation(charging.PowerKW * 1000), stations, charging.MaxWalkM, feederOf);
        var sessions = outcome.Sessions;
        kpis.Set("evChargingKWh", sessions.Sum(x => x.GridKWh));
        var atStations = sessions.Where(x => x.StationOsmId != 0).ToList();
        kpis.Set("evChargedAtStations", atStations.Count);
        kpis.Set("evChargingWaitMeanS", atStations.Count > 0 ? atStations.Average(x => x.WaitS) : 0);
        kpis.Set("evNotCharged", outcome.NotCharged);
        double[]? evFeederKW = null;
        double[]? lightingFeederKW = null;
        var peakKW = (energy?.Totals.PeakNetLoadW ?? 0) / 1000;
        if (energy is not null)
        {
            var start = scenario.Time.StartLocal;
            evFeederKW = EvCharging.HourlyFeederKW(sessions, energy.Feeders.FeederCount, energy.HourCount,
                Math.Min(energy.HourCount - 1, (start.DayOfYear - 1) * 24 + start.Hour));
            lightingFeederKW = lights is null ? null : LightingFeederKW(model, lights, lampHourSnapshots, energy,
                Math.Min(energy.HourCount - 1, (start.DayOfYear - 1) * 24 + start.Hour));
            for (var i = 0; i < evFeederKW.Length; i++)
            {
                peakKW = Math.Max(peakKW, energy.FeederHourlyNetLoadW[i] / 1000 + evFeederKW[i] + (lightingFeederKW?[i] ?? 0));
            }
        }

        kpis.Set("peakFeederLoadKW", peakKW);
        var result = new ReplicationResult
        {
            Seed = seed, Kpis = kpis, Trips = sim.TripInfos.ToList(), EdgeData = sim.EdgeData.Rows.ToList(), Summary = sim.Summary.ToList(),
            TripEmissions = emissions.Trips.ToList(), EdgeEmissions = emissions.EdgeRows.ToList(),
            Lamps = lighting?.LampRows() ?? [], LightingRoads = lighting?.RoadRows() ?? [], Energy = energy, Notes = notes, LightingPower = lightingPower,
            Detectors = sim.Detectors.SelectMany(d => d.Rows).ToList(), ChargingSessions = sessions, FeederEvKW = evFeederKW, FeederLightingKW = lightingFeederKW,
            StageTimes = times,
            LevelCrossings = sim.BarrierStatistics().Select(b => new LevelCrossingRow(b.Junction,
                city.Sumo?.JunctionIds[b.Junction] ?? model.Roads.Junctions[b.Junction].OsmNodeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                b.Closures, b.DownS)).ToList(),
        };
        times.Lap("EV charging and feeders", t);
        return result;
    }

    private static (IReadOnlyList<VehicleType> Types, List<TripRequest> Trips, int Failed) Demand(PreparedScenario prepared, ScenarioCity city,
        RandomStreams streams, List<string> notes)
    {
        var scenario = prepared.Scenario;
        var demand = scenario.Demand;
        var model = prepared.City;
        var carModel = scenario.Traffic.Model == "idm" ? CarFollowModel.Idm : CarFollowModel.Krauss;
        var types = new List<VehicleType> { VehicleType.SumoDefault with { Model = carModel } };
        var trips = new List<TripRequest>();
        var failed = 0;
        var scale = prepared.DemandScale;
        if (demand.RandomTrips is { } rt)
        {
            var count = Math.Max(1, (int)Math.Round(rt.Count * scale));
            var generated = new RandomTripGenerator(model.Roads).Generate(
                new RandomTripOptions
                {
                    EndS = rt.DepartWindowS, PeriodS = (double)rt.DepartWindowS / count, MinDistanceM = rt.MinDistanceM,
                    FringeFactor = rt.FringeFactor, IdPrefix = "rt",
                },
                streams.Stream("demand.random-trips"));
            trips.AddRange(generated.Trips);
            failed += generated.FailedCount;
        }

        if (demand.OdMatrix is { } od)
        {
            var zones = TrafficZones.Load(od.ZonesFile, model.Roads, model.Projection);
            var expanded = OdMatrix.Load(od.MatrixFile).Expand(zones, new OdExpansionOptions(), streams.Stream("demand.od"),
                RoutingGraph.Build(model.Roads, VehicleClasses.Passenger));
            trips.AddRange(DemandScaling.Scale(expanded.Trips, scale, streams.Stream("demand.scale.od")));
            failed += expanded.FailedCount;
        }

        if (demand.SumoRoutes && city.Sumo is { } sumo)
        {
            var sumoDemand = SumoRouteReader.Read(sumo, streams.Stream("demand.sumo"), [.. scenario.City.SumoRouteFiles]);
            var offset = types.Count;
            types.AddRange(sumoDemand.Types.Select(t => scenario.Traffic.Model == "idm" ? t with { Model = CarFollowModel.Idm } : t));
            var shifted = sumoDemand.Trips.Select(t => DemandScaling.Copy(t, t.Id, t.VehicleType + offset));
            trips.AddRange(DemandScaling.Scale(shifted.ToList(), scale, streams.Stream("demand.scale.sumo")));
        }

        // Emission classes the HBEFA3 tables do not have (e.g. SUMO's old HBEFA2 names) get a stand-in, noted in the run log.
        for (var t = 0; t < types.Count; t++)
        {
            var mapped = Simulation.Emissions.EmissionClassMapping.ToHbefa3(types[t].EmissionClass, out var exact);
            if (!exact)
            {
                if (scenario.Emissions.Enabled)
                {
                    notes.Add($"vType '{types[t].Id}': emission class '{types[t].EmissionClass}' is modelled as {mapped}");
                }

                types[t] = types[t] with { EmissionClass = mapped };
            }
        }

        return (types, trips, failed);
    }

    /// <summary>
    /// Street-lighting load per feeder and hour of the year (kW = kWh in that hour): each lamp's energy per simulated hour
    /// (from ledger snapshots at every full hour) on the feeder of its nearest substation, placed at the hours of the run.
    /// </summary>
    private static double[] LightingFeederKW(Model.CityModel model, TrafficLighting lights, List<double[]> snapshots,
        Simulation.Energy.Results.EnergyYearResult energy, int startHourOfYear)
    {
        var hours = energy.HourCount;
        var load = new double[energy.Feeders.FeederCount * hours];
        var lamps = model.Lamps.Lamps;
        var feederOfLamp = new int[lamps.Length];
        for (var lamp = 0; lamp < lamps.Length; lamp++)
        {
            feederOfLamp[lamp] = NearestFeeder(energy.Feeders, lamps[lamp].Position.XM, lamps[lamp].Position.YM);
        }

        for (var h = 0; h < snapshots.Count; h++)
        {
            var hour = (startHourOfYear + h) % hours;
            for (var lamp = 0; lamp < lamps.Length; lamp++)
            {
                var i = lights.LedgerIndexOf(lamp);
                var wh = snapshots[h][i] - (h > 0 ? snapshots[h - 1][i] : 0);
                load[feederOfLamp[lamp] * hours + hour] += wh / 1000;
            }
        }

        return load;
    }

    private static int NearestFeeder(Simulation.Energy.Grid.FeederAssignment feeders, double x, double y)
    {
        var best = 0;
        var bestD = double.PositiveInfinity;
        for (var f = 0; f < feeders.FeederCount; f++)
        {
            var d = (feeders.SubstationX[f] - x) * (feeders.SubstationX[f] - x) + (feeders.SubstationY[f] - y) * (feeders.SubstationY[f] - y);
            if (d < bestD)
            {
                (best, bestD) = (f, d);
            }
        }

        return best;
    }

    private static StreetLightingSystem Lighting(PreparedScenario prepared, TrafficSimulation sim, World world)
    {
        var l = prepared.Lighting;
        var dimming = l.Control == "dimmed"
            ? (l.DimmingSteps.Count > 0 ? new DimmingProgram([.. l.DimmingSteps]) : DimmingProgram.D60)
            : null;
        var presence = l.Control == "adaptive"
            ? new PresenceSettings(l.BaseLevel, 1.0, (long)(l.HoldS * 1000), l.Neighbours, l.DetectionRangeM)
            : null;
        var t = prepared.Scenario.Time;
        return StreetLightingSystem.Create(world, sim, prepared.City, t.StartLocal, t.UtcOffsetHours, prepared.Luminaires, dimming, presence);
    }

    private static Simulation.Energy.Results.EnergyYearResult Energy(PreparedScenario prepared, ulong seed, List<string> notes)
    {
        var scenario = prepared.Scenario;
        var model = prepared.City;
        var descriptions = CityBuildings.Describe(model, out var defaults);

        // Missing or unreadable OSM tags fall back to documented archetype defaults; the run says how often.
        notes.Add($"energy: {defaults}");
        var weather = scenario.Energy.EpwFile is { } epw
            ? EpwReader.ReadFile(epw)
            : SyntheticWeather.Create(model.Projection.CentreLatDeg, model.Projection.CentreLonDeg, scenario.Time.UtcOffsetHours);
        var result = EnergyYearRunner.Run(descriptions, weather, new EnergyYearOptions
        {
            PvAdoptionShare = prepared.PvShare, Seed = (int)(seed % int.MaxValue), UFactorByBuilding = prepared.UFactorByBuilding,
            Feeders = CityBuildings.MappedFeeders(model, descriptions), // mapped substations when the city has them, else k-means
        });
        notes.Add($"energy: {result.Feeders.FeederCount} feeders, " + (result.Feeders.Generated
            ? "generated by clustering (no power=substation or power=transformer mapped)"
            : "each building on its nearest mapped substation or transformer") +
            (result.SkippedCount > 0 ? $"; {result.SkippedCount} buildings without floor area skipped" : ""));
        return result;
    }
}
