using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CityTwin.IO.Osm;
using CityTwin.Model;
using CityTwin.Model.Cache;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Energy;
using CityTwin.Simulation.Energy.Results;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Cli.Commands;

/// <summary>
/// <c>citytwin energy &lt;city&gt;</c>: a year of hourly heating, cooling, electricity and rooftop PV for every building
/// of a city (ISO 13790 5R1C), with feeder loads; prints city totals and writes the tables.
/// </summary>
public static class EnergyCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var city = new Argument<FileInfo>("city") { Description = "OSM extract, SUMO network (.net.xml[.gz]) or city cache (.ctw)" };
        var epw = new Option<FileInfo?>("--epw") { Description = "EnergyPlus weather file (default: a synthetic clear-sky year for the city's latitude)" };
        var utcOffset = new Option<double>("--utc-offset") { Description = "Local time offset from UTC, hours (synthetic weather)", DefaultValueFactory = _ => 1 };
        var pvShare = new Option<double>("--pv-share") { Description = "Share of buildings with rooftop PV (0-1)", DefaultValueFactory = _ => 0 };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for buildings.csv, feeders.csv and totals.csv" };
        var command = new Command("energy", "Simulate a year of building energy and PV for every building of a city.") { city, epw, utcOffset, pvShare, output };
        command.SetAction(r => Run(r.GetValue(city)!, r.GetValue(epw), r.GetValue(utcOffset), r.GetValue(pvShare), r.GetValue(output)));
        return command;
    }

    private static int Run(FileInfo file, FileInfo? epw, double utcOffsetHours, double pvShare, DirectoryInfo? output)
    {
        if (!file.Exists || (epw is not null && !epw.Exists))
        {
            Console.Error.WriteLine($"error: {(file.Exists ? epw!.FullName : file.FullName)} does not exist.");
            return 2;
        }

        if (pvShare is < 0 or > 1)
        {
            Console.Error.WriteLine("error: --pv-share must be between 0 and 1.");
            return 2;
        }

        try
        {
            var model = CityFiles.Load(file);
            var descriptions = CityBuildings.Describe(model, out var defaults);
            var weather = epw is not null
                ? EpwReader.ReadFile(epw.FullName)
                : SyntheticWeather.Create(model.Projection.CentreLatDeg, model.Projection.CentreLonDeg, utcOffsetHours);
            var wall = Stopwatch.StartNew();
            var result = EnergyYearRunner.Run(descriptions, weather, new EnergyYearOptions { PvAdoptionShare = pvShare });
            wall.Stop();
            var t = result.Totals;
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"{file.Name}: {t.Buildings:N0} buildings, {t.FloorAreaM2 / 1e6:F2} km² floor; weather: {result.WeatherSource}{(result.WeatherIsSynthetic ? " (SYNTHETIC)" : "")}"));
            Console.WriteLine(string.Create(inv, $"  defaults used: {defaults}"));
            Console.WriteLine(string.Create(inv, $"  buildingHeatingKWh     {t.HeatingKWh:F0}  ({t.HeatingKWh / t.FloorAreaM2:F1} kWh/m²a)"));
            Console.WriteLine(string.Create(inv, $"  buildingCoolingKWh     {t.CoolingKWh:F0}"));
            Console.WriteLine(string.Create(inv, $"  electricityKWh         {t.ElectricityKWh:F0}"));
            Console.WriteLine(string.Create(inv, $"  pvKWh                  {t.PvKWh:F0}  ({t.PvCapacityKWp:F0} kWp)"));
            Console.WriteLine(string.Create(inv, $"  peakFeederLoadKW       {t.PeakNetLoadW / 1000:F0}  (hour {t.PeakNetLoadHour})"));
            Console.WriteLine(string.Create(inv, $"  wallSeconds            {wall.Elapsed.TotalSeconds:F2}  ({(double)t.Buildings * result.HourCount / wall.Elapsed.TotalSeconds / 1e6:F0} M building-hours/s)"));
            if (output is not null)
            {
                Directory.CreateDirectory(output.FullName);
                Write(Path.Combine(output.FullName, "buildings.csv"), w => EnergyCsvWriter.WriteBuildings(w, result));
                Write(Path.Combine(output.FullName, "feeders.csv"), w => EnergyCsvWriter.WriteFeederHours(w, result));
                Write(Path.Combine(output.FullName, "totals.csv"), w => EnergyCsvWriter.WriteCityTotals(w, result));
                var rows = Enumerable.Range(0, result.BuildingCount).Select(i => new BuildingEnergyRow(
                    i, model.Buildings.Buildings[i].OsmId, result.Feeders.FeederOfBuilding[i], result.FloorAreaM2[i], result.HeatingKWh[i],
                    result.CoolingKWh[i], result.ElectricityKWh[i], result.PvKWh[i], result.PvCapacityKWp[i])).ToList();
                IO.Tables.TableWriter.WriteParquet(rows, Path.Combine(output.FullName, "buildings.parquet"));
                Scenarios.Running.GeoJsonLayers.Write(Scenarios.Running.GeoJsonLayers.Buildings(model, result), Path.Combine(output.FullName, "buildings.geojson"));
                Console.WriteLine($"  tables written to {output.FullName}");
            }

            Console.WriteLine("Map data © OpenStreetMap contributors (ODbL).");
            return 0;
        }
        catch (Exception e) when (CityFiles.IsInputError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>One building's year (kWh; floor area m²; PV capacity kWp).</summary>
    private readonly record struct BuildingEnergyRow(
        int Building, long OsmId, int Feeder, double FloorAreaM2, double HeatingKWh, double CoolingKWh, double ElectricityKWh,
        double PvKWh, double PvCapacityKWp);

    /// <summary>Writes a table through a temporary file, so no half-written table is left behind.</summary>
    private static void Write(string path, Action<TextWriter> write)
    {
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp))
        {
            write(writer);
        }

        File.Move(temp, path, overwrite: true);
    }
}
