using System.Diagnostics;
using CityTwin.IO.Osm.Buildings;
using CityTwin.IO.Osm.Energy;
using CityTwin.IO.Osm.Lighting;
using CityTwin.IO.Osm.Reading;
using CityTwin.IO.Osm.Roads;
using CityTwin.Model;
using CityTwin.Model.Geometry;
using CityTwin.Model.Reporting;

namespace CityTwin.IO.Osm;

/// <summary>
/// Imports an OpenStreetMap extract (<c>.osm.pbf</c>, <c>.osm</c>, <c>.osm.gz</c>, <c>.osm.bz2</c>) into an immutable
/// <see cref="CityModel"/>: lane-level road network with junction clustering, right of way and default signal
/// programs; buildings; street lamps. Everything skipped is counted in <see cref="CityModel.Report"/>.
/// </summary>
public static class OsmCityImporter
{
    /// <summary>Imports a file.</summary>
    /// <param name="path">The OSM file.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The city model.</returns>
    /// <exception cref="OsmImportException">Missing file, not OSM, corrupt data, or no drivable roads.</exception>
    public static CityModel Import(string path, OsmImportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new OsmImportOptions();
        var data = OsmFileReader.Read(path);
        var report = new ReportBuilder();
        foreach (var id in data.NodesWithoutPosition)
        {
            report.Add("input", "nodes without a valid position skipped", ReportSeverity.Warning, $"node {id}");
        }

        // The projection is centred on the middle of the extract's bounding box, so distortion is minimal there.
        var projection = new LocalTransverseMercator((data.MinLon + data.MaxLon) / 2, (data.MinLat + data.MaxLat) / 2);
        var roads = RoadNetworkBuilder.Build(data, projection, options, report);
        var buildings = BuildingBuilder.Build(data, projection, options, report);
        var lamps = StreetLampBuilder.Build(data, projection, roads, options);
        var assets = GridAssetBuilder.Build(data, projection, report);
        Debug.Assert(roads.Edges.Length > 0, "the road builder throws when nothing is drivable");
        return new CityModel(projection, roads, buildings, lamps,
            new ImportReport(data.SourceName, data.Nodes.Count, data.Ways.Count, data.RelationsRead, report.Build()), assets);
    }
}
