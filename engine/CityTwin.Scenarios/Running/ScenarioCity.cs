using CityTwin.IO.Osm;
using CityTwin.IO.Sumo;
using CityTwin.Model;
using CityTwin.Model.Cache;
using CityTwin.Scenarios.Definition;

namespace CityTwin.Scenarios.Running;

/// <summary>Loads a scenario's city: an OSM extract, a <c>.ctw</c> cache or a SUMO network (kept for its ids and programs).</summary>
public sealed class ScenarioCity
{
    private ScenarioCity(CityModel model, SumoNetwork? sumo)
    {
        Model = model;
        Sumo = sumo;
    }

    /// <summary>The city model.</summary>
    public CityModel Model { get; }

    /// <summary>The SUMO network when the city came from one (edge ids for routes, signal programs).</summary>
    public SumoNetwork? Sumo { get; }

    /// <summary>Loads the city a scenario names.</summary>
    /// <param name="source">The city source.</param>
    /// <returns>The loaded city.</returns>
    public static ScenarioCity Load(CitySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.CacheFile is { } cache)
        {
            return new ScenarioCity(CityModelCache.Load(cache), null);
        }

        if (source.SumoNetFile is { } net)
        {
            var sumo = SumoNetReader.Read(net);
            return new ScenarioCity(sumo.Model, sumo);
        }

        var osm = source.OsmFile ?? throw new InvalidOperationException("The city names no file.");
        return new ScenarioCity(OsmCityImporter.Import(osm, new OsmImportOptions { AssumeLitWhenUntagged = source.AssumeLit }), null);
    }

    /// <summary>Whether an exception is a problem with an input file (reported as one line, not a crash).</summary>
    /// <param name="e">The exception.</param>
    /// <returns>True for input errors.</returns>
    public static bool IsInputError(Exception e) =>
        e is InvalidDataException or IOException or OsmImportException or CacheFormatException or SumoFormatException or FormatException
            or Loading.ScenarioValidationException or Traffic.Demand.DemandFormatException;
}
