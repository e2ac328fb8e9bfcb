using CityTwin.IO.Osm;
using CityTwin.IO.Sumo;
using CityTwin.Model;
using CityTwin.Model.Cache;

namespace CityTwin.Cli.Commands;

/// <summary>Loads the city a command names: a <c>.ctw</c> cache, a SUMO network, or an OSM extract.</summary>
internal static class CityFiles
{
    /// <summary>Loads a city model by file name.</summary>
    /// <param name="file">A <c>.ctw</c> cache, a <c>.net.xml[.gz]</c> SUMO network, or an OSM extract.</param>
    /// <returns>The model.</returns>
    public static CityModel Load(FileInfo file)
    {
        if (file.Extension.Equals(".ctw", StringComparison.OrdinalIgnoreCase))
        {
            return CityModelCache.Load(file.FullName);
        }

        return ImportCommand.IsSumoNet(file.Name) ? SumoNetReader.Read(file.FullName).Model : OsmCityImporter.Import(file.FullName);
    }

    /// <summary>Whether an exception is a bad-input error to report as one line (not a crash).</summary>
    /// <param name="e">The exception.</param>
    /// <returns>True for input errors.</returns>
    public static bool IsInputError(Exception e) =>
        e is InvalidDataException or IOException or OsmImportException or CacheFormatException or SumoFormatException or FormatException;
}
