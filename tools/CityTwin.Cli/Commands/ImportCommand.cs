using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CityTwin.IO.Osm;
using CityTwin.IO.Sumo;
using CityTwin.Model.Cache;
using CityTwin.Model.Export;
using CityTwin.Model.Reporting;

namespace CityTwin.Cli.Commands;

/// <summary>
/// <c>citytwin import &lt;file&gt; -o &lt;city.ctw&gt; [--geojson &lt;dir&gt;]</c>: imports an OSM extract or a SUMO
/// network (<c>.net.xml</c>, <c>.net.xml.gz</c>, chosen by file name) into a city model, writes the binary cache (and
/// optionally GeoJSON layers) and prints the summary.
/// </summary>
public static class ImportCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "OSM extract (.osm.pbf, .osm, .osm.gz, .osm.bz2) or SUMO network (.net.xml, .net.xml.gz)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "City cache to write (.ctw)", Required = true };
        var geojson = new Option<DirectoryInfo?>("--geojson") { Description = "Also write GeoJSON layers (roads, junctions, signals, buildings, lamps) to this folder" };
        var command = new Command("import", "Import an OpenStreetMap extract or a SUMO network into a city model (.ctw).") { file, output, geojson };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(output)!, result.GetValue(geojson)));
        return command;
    }

    private static int Run(FileInfo file, FileInfo output, DirectoryInfo? geojson)
    {
        var inv = CultureInfo.InvariantCulture;
        var sw = Stopwatch.StartNew();
        var isSumo = IsSumoNet(file.Name);
        Model.CityModel model;
        try
        {
            model = isSumo ? SumoNetReader.Read(file.FullName).Model : OsmCityImporter.Import(file.FullName);
        }
        catch (OsmImportException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
        catch (SumoFormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var importS = sw.Elapsed.TotalSeconds;
        try
        {
            CityModelCache.Save(model, output.FullName);
            if (geojson != null)
            {
                GeoJsonExporter.Export(model, geojson.FullName);
            }
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: cannot write {output.FullName}: {ex.Message}");
            return 1;
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"error: cannot write {output.FullName}: {ex.Message}");
            return 1;
        }

        Console.Write(new CitySummary(model).ToString());
        Console.WriteLine(string.Create(inv, $"imported in {importS:F2} s; wrote {output.FullName} ({output.Length / 1024.0 / 1024.0:F1} MiB)"));
        if (geojson != null)
        {
            Console.WriteLine($"GeoJSON layers in {geojson.FullName}");
        }

        if (isSumo)
        {
            Console.WriteLine("SUMO network: keep its source's licence and attribution (networks built from OSM: © OpenStreetMap contributors, ODbL).");
        }
        else
        {
            Console.WriteLine("Map data © OpenStreetMap contributors (ODbL).");
        }

        return 0;
    }

    /// <summary>SUMO networks are recognised by name: <c>*.net.xml</c> or <c>*.net.xml.gz</c>.</summary>
    /// <param name="fileName">File name.</param>
    /// <returns>True for a SUMO network.</returns>
    internal static bool IsSumoNet(string fileName) =>
        fileName.EndsWith(".net.xml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".net.xml.gz", StringComparison.OrdinalIgnoreCase);
}
