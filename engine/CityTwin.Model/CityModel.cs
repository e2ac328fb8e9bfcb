using CityTwin.Model.Buildings;
using CityTwin.Model.Energy;
using CityTwin.Model.Geometry;
using CityTwin.Model.Lighting;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;

namespace CityTwin.Model;

/// <summary>
/// The immutable city model: road network, buildings, street lamps and mapped grid assets in projected metres, plus the projection
/// that converts back to lon/lat and the report of the import that built it.
/// </summary>
public sealed class CityModel
{
    /// <summary>Creates a model.</summary>
    /// <param name="projection">Projection between WGS 84 and the model plane.</param>
    /// <param name="roads">Road network.</param>
    /// <param name="buildings">Buildings.</param>
    /// <param name="lamps">Street lamps.</param>
    /// <param name="report">Import report.</param>
    /// <param name="assets">Mapped substations, transformers and charging stations (null: none).</param>
    public CityModel(LocalTransverseMercator projection, RoadNetwork roads, BuildingSet buildings, StreetLampSet lamps, ImportReport report,
        GridAssetSet? assets = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(buildings);
        ArgumentNullException.ThrowIfNull(lamps);
        ArgumentNullException.ThrowIfNull(report);
        Projection = projection;
        Roads = roads;
        Buildings = buildings;
        Lamps = lamps;
        Report = report;
        Assets = assets ?? GridAssetSet.Empty;
    }

    /// <summary>Mapped substations, transformers and EV charging stations.</summary>
    public GridAssetSet Assets { get; }

    /// <summary>Projection between WGS 84 lon/lat and the model plane.</summary>
    public LocalTransverseMercator Projection { get; }

    /// <summary>Road network.</summary>
    public RoadNetwork Roads { get; }

    /// <summary>Buildings.</summary>
    public BuildingSet Buildings { get; }

    /// <summary>Street lamps.</summary>
    public StreetLampSet Lamps { get; }

    /// <summary>What the import read, kept and skipped.</summary>
    public ImportReport Report { get; }
}
