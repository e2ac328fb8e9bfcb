using CityTwin.Model;
using CityTwin.Model.Export;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Energy.Results;
using NetTopologySuite.Features;

namespace CityTwin.Scenarios.Running;

/// <summary>GeoJSON map layers with results attached (lon/lat, RFC 7946): buildings with their year of energy, lamps with their
/// energy. Written with <see cref="GeoJsonFile.Write"/>.</summary>
public static class GeoJsonLayers
{
    /// <summary>Building footprints with annual heating, cooling and PV (kWh) and heating intensity (kWh/m²).</summary>
    /// <param name="model">The city.</param>
    /// <param name="result">Its energy year.</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Buildings(CityModel model, EnergyYearResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var features = GeoJsonExporter.Buildings(model);
        for (var i = 0; i < features.Count; i++)
        {
            var attributes = features[i].Attributes;
            attributes.Add("heating_kwh", Math.Round(result.HeatingKWh[i], 1));
            attributes.Add("cooling_kwh", Math.Round(result.CoolingKWh[i], 1));
            attributes.Add("pv_kwh", Math.Round(result.PvKWh[i], 1));
            attributes.Add("heating_kwh_per_m2", result.FloorAreaM2[i] > 0 ? Math.Round(result.HeatingKWh[i] / result.FloorAreaM2[i], 1) : null);
        }

        return features;
    }

    /// <summary>Street lamps with their energy, burning hours and dimmed/boosted shares over the run.</summary>
    /// <param name="model">The city.</param>
    /// <param name="rows">Per-lamp results (by lamp index).</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Lamps(CityModel model, IReadOnlyList<LampRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var features = GeoJsonExporter.Lamps(model);
        foreach (var row in rows)
        {
            var attributes = features[row.Lamp].Attributes;
            attributes.Add("energy_kwh", Math.Round(row.EnergyKWh, 4));
            attributes.Add("burning_h", Math.Round(row.BurningH, 3));
            attributes.Add("dimmed_share", Math.Round(row.DimmedShare, 3));
            attributes.Add("boosted_share", Math.Round(row.BoostedShare, 3));
        }

        return features;
    }
}
