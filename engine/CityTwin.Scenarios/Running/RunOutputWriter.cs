using System.Diagnostics.CodeAnalysis;
using CityTwin.IO.Sumo.Outputs;
using CityTwin.IO.Tables;
using CityTwin.Model.Export;
using CityTwin.Simulation.Energy.Results;

namespace CityTwin.Scenarios.Running;

/// <summary>
/// Writes a run's outputs into a folder, all or nothing: everything goes to a temporary sibling folder first, which
/// replaces the target only when complete, so a crash or a full disk never leaves a half-written run (and a sweep can
/// treat "folder with kpis.json" as "finished").
/// </summary>
public static class RunOutputWriter
{
    /// <summary>Writes a result.</summary>
    /// <param name="result">The result.</param>
    /// <param name="directory">Target folder (replaced if it exists).</param>
    public static void Write(RunResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        var target = Path.GetFullPath(directory);
        var temp = target.TrimEnd(Path.DirectorySeparatorChar) + $".partial-{Environment.ProcessId}";
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }

        Directory.CreateDirectory(temp);
        WriteInto(result, temp);
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(temp, target);
    }

    private static void WriteInto(RunResult result, string dir)
    {
        var scenario = result.Prepared.Scenario;
        var outputs = scenario.Outputs;
        var first = result.Replications[0];
        void Table<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(IEnumerable<T> rows, string name)
        {
            if (!outputs.Tables.Contains(name))
            {
                return;
            }

            if (outputs.Csv)
            {
                TableWriter.WriteCsv(rows, Path.Combine(dir, name + ".csv"));
            }

            if (outputs.Parquet)
            {
                TableWriter.WriteParquet(rows, Path.Combine(dir, name + ".parquet"));
            }
        }

        Table(first.Trips, "tripinfo");
        Table(first.EdgeData, "edgedata");
        Table(first.Summary, "summary");
        Table(first.TripEmissions, "emissions");
        Table(first.EdgeEmissions, "edge_emissions");
        Table(first.Lamps, "lamps");
        Table(first.LightingRoads, "lighting_roads");
        Table(first.LightingPower, "lighting_power");
        Table(first.ChargingSessions, "ev_charging");
        if (first.LevelCrossings.Count > 0)
        {
            Table(first.LevelCrossings, "level_crossings");
        }
        if (first.Energy is { } energy)
        {
            var city = result.Prepared.City;
            Table(Enumerable.Range(0, energy.BuildingCount).Select(i => new BuildingEnergyRow(
                i, city.Buildings.Buildings[i].OsmId, energy.Feeders.FeederOfBuilding[i], energy.FloorAreaM2[i], energy.HeatingKWh[i],
                energy.CoolingKWh[i], energy.ElectricityKWh[i], energy.PvKWh[i], energy.PvCapacityKWp[i])), "buildings");
            Table(FeederRows(energy, first.FeederEvKW, first.FeederLightingKW), "feeders");
        }

        if (outputs.SumoXml)
        {
            // SUMO-schema copies for users' existing scripts; edges keep their SUMO ids when the city is a SUMO network.
            var ids = result.SumoEdgeIds;
            SumoOutputWriter.WriteTripInfo(first.Trips, Path.Combine(dir, "tripinfo.xml"));
            SumoOutputWriter.WriteEdgeData(first.EdgeData, e => ids is not null ? ids[e] : e.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path.Combine(dir, "edgedata.xml"));
            if (first.Detectors.Count > 0)
            {
                SumoOutputWriter.WriteDetectors(first.Detectors, Path.Combine(dir, "e1.xml"));
            }
        }

        if (scenario.Replications > 1)
        {
            using var w = new StreamWriter(Path.Combine(dir, "replications.csv"));
            var names = first.Kpis.Numbers.Select(p => p.Key).ToList();
            w.WriteLine("replication,seed," + string.Join(',', names));
            for (var r = 0; r < result.Replications.Count; r++)
            {
                var rep = result.Replications[r];
                w.WriteLine($"{r + 1},{rep.Seed}," + string.Join(',', names.Select(n => KpiSet.Format(rep.Kpis[n]))));
            }
        }

        if (outputs.GeoJson)
        {
            var city = result.Prepared.City;
            GeoJsonFile.Write(GeoJsonExporter.Roads(city), Path.Combine(dir, "roads.geojson"));
            if (first.Energy is { } year)
            {
                GeoJsonFile.Write(GeoJsonLayers.Buildings(city, year), Path.Combine(dir, "buildings.geojson"));
            }

            if (first.Lamps.Count > 0)
            {
                GeoJsonFile.Write(GeoJsonLayers.Lamps(city, first.Lamps), Path.Combine(dir, "lamps.geojson"));
            }
        }

        File.WriteAllLines(Path.Combine(dir, "edits.txt"), result.Prepared.EditSummary.DefaultIfEmpty("(no edits: baseline)"));
        File.WriteAllLines(Path.Combine(dir, "notes.txt"), first.Notes.DefaultIfEmpty("(nothing assumed beyond the documented defaults)"));
        if (scenario.SourceFile is { } source && File.Exists(source))
        {
            File.Copy(source, Path.Combine(dir, "scenario.yaml"));
        }

        File.WriteAllText(Path.Combine(dir, "kpis.json"), result.Kpis.ToJson());
        if (outputs.Report)
        {
            Reporting.RunReport.Write(dir);
        }
    }

    private static IEnumerable<FeederHourRow> FeederRows(EnergyYearResult energy, double[]? evKW, double[]? lightingKW)
    {
        for (var f = 0; f < energy.Feeders.FeederCount; f++)
        {
            var load = energy.FeederLoadW(f).ToArray();
            for (var h = 0; h < load.Length; h++)
            {
                var ev = evKW?[f * load.Length + h] ?? 0;
                var lighting = lightingKW?[f * load.Length + h] ?? 0;
                yield return new FeederHourRow(f, h, load[h] / 1000 + ev + lighting, ev, lighting);
            }
        }
    }

    /// <summary>One building's year (kWh; floor area m²; PV capacity kWp).</summary>
    private readonly record struct BuildingEnergyRow(
        int Building, long OsmId, int Feeder, double FloorAreaM2, double HeatingKWh, double CoolingKWh, double ElectricityKWh,
        double PvKWh, double PvCapacityKWp);

    /// <summary>One feeder's net load in one hour of the year (buildings − PV + EV charging + street lighting), and the EV and lighting parts.</summary>
    private readonly record struct FeederHourRow(int Feeder, int HourOfYear, double NetLoadKW, double EvChargingKW, double StreetLightingKW);
}
