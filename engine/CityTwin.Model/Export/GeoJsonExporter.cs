using System.Globalization;
using System.Text;
using CityTwin.Model.Buildings;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Export;

/// <summary>
/// Writes a city model as GeoJSON (WGS 84 lon/lat, RFC 7946) for inspection in any GIS: <c>roads.geojson</c>,
/// <c>junctions.geojson</c>, <c>signals.geojson</c>, <c>buildings.geojson</c> and <c>lamps.geojson</c>.
/// </summary>
public static class GeoJsonExporter
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>Writes the five layers into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="model">The model.</param>
    /// <param name="directory">Output folder.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Export(CityModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        Write(Path.Combine(directory, "roads.geojson"), Roads(model), written);
        Write(Path.Combine(directory, "junctions.geojson"), Junctions(model), written);
        Write(Path.Combine(directory, "signals.geojson"), Signals(model), written);
        Write(Path.Combine(directory, "buildings.geojson"), Buildings(model), written);
        Write(Path.Combine(directory, "lamps.geojson"), Lamps(model), written);
        return written;
    }

    /// <summary>Road edges as LineStrings with name, class, speed, lanes and turns.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Roads(CityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var roads = model.Roads;
        var fc = new FeatureCollection();
        for (var e = 0; e < roads.Edges.Length; e++)
        {
            var edge = roads.Edges[e];
            var pts = roads.GetGeometry(e);
            var coords = new Coordinate[pts.Length];
            for (var i = 0; i < pts.Length; i++)
            {
                coords[i] = ToLonLat(model, pts[i].XM, pts[i].YM);
            }

            var turns = new StringBuilder();
            var lanes = roads.GetLanes(e);
            for (var l = lanes.Length - 1; l >= 0; l--)
            {
                turns.Append(lanes[l].Turns.ToString().Replace(", ", ";", StringComparison.Ordinal));
                if (l > 0)
                {
                    turns.Append('|');
                }
            }

            fc.Add(new Feature(Wgs84.CreateLineString(coords), new AttributesTable
            {
                { "edge", e },
                { "osm_way", edge.OsmWayId },
                { "name", edge.NameIndex >= 0 ? roads.Names[edge.NameIndex] : null },
                { "class", edge.Class.ToString() },
                { "speed_kmh", Math.Round(edge.SpeedLimitMps * 3.6, 1) },
                { "lanes", (int)edge.LaneCount },
                { "turns_left_to_right", turns.ToString() },
                { "length_m", Math.Round(edge.LengthM, 2) },
                { "from_junction", edge.FromJunction },
                { "to_junction", edge.ToJunction },
                { "allowed", edge.Allowed.ToString() },
                { "lit", (edge.Flags & EdgeFlags.Lit) != 0 },
                { "oneway", (edge.Flags & EdgeFlags.Oneway) != 0 },
                { "roundabout", (edge.Flags & EdgeFlags.Roundabout) != 0 },
            }));
        }

        return fc;
    }

    /// <summary>Junctions as Points with their kind.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Junctions(CityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fc = new FeatureCollection();
        var roads = model.Roads;
        for (var j = 0; j < roads.Junctions.Length; j++)
        {
            var junction = roads.Junctions[j];
            fc.Add(new Feature(Wgs84.CreatePoint(ToLonLat(model, junction.Position.XM, junction.Position.YM)), new AttributesTable
            {
                { "junction", j },
                { "kind", junction.Kind.ToString() },
                { "osm_node", junction.OsmNodeId },
                { "osm_nodes_clustered", junction.OsmNodeCount },
                { "incoming", roads.GetIncomingEdges(j).Length },
                { "outgoing", roads.GetOutgoingEdges(j).Length },
            }));
        }

        return fc;
    }

    /// <summary>Signalised junctions as Points with their phases (SUMO-style state strings).</summary>
    /// <param name="model">The model.</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Signals(CityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fc = new FeatureCollection();
        var roads = model.Roads;
        for (var p = 0; p < roads.SignalPrograms.Length; p++)
        {
            var program = roads.SignalPrograms[p];
            var junction = roads.Junctions[program.Junction];
            var phases = new StringBuilder();
            for (var k = 0; k < program.PhaseCount; k++)
            {
                phases.Append(CultureInfo.InvariantCulture, $"{roads.SignalPhases[program.FirstPhase + k].DurationS}s:");
                foreach (var s in roads.GetPhaseStates(p, k))
                {
                    phases.Append(s switch
                    {
                        SignalState.GreenMajor => 'G',
                        SignalState.GreenMinor => 'g',
                        SignalState.Yellow => 'y',
                        _ => 'r',
                    });
                }

                phases.Append(' ');
            }

            fc.Add(new Feature(Wgs84.CreatePoint(ToLonLat(model, junction.Position.XM, junction.Position.YM)), new AttributesTable
            {
                { "program", p },
                { "junction", program.Junction },
                { "osm_node", junction.OsmNodeId },
                { "links", program.LinkCount },
                { "cycle_s", program.CycleS },
                { "phases", phases.ToString().TrimEnd() },
            }));
        }

        return fc;
    }

    /// <summary>Building footprints with area, height, levels, use and year.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Buildings(CityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fc = new FeatureCollection();
        var set = model.Buildings;
        var projected = new GeometryFactory(new PrecisionModel(), 0);
        for (var i = 0; i < set.Count; i++)
        {
            var b = set.Buildings[i];
            var geometry = set.GetFootprint(i, projected);
            var lonLat = Wgs84.CreateGeometry(geometry);
            lonLat.Apply(new UnprojectFilter(model));
            fc.Add(new Feature(lonLat, new AttributesTable
            {
                { "building", i },
                { "osm_id", (b.FromRelation ? "relation/" : "way/") + b.OsmId.ToString(CultureInfo.InvariantCulture) },
                { "building_tag", set.Strings[b.BuildingTagIndex] },
                { "use", b.Use.ToString() },
                { "area_m2", Math.Round(b.AreaM2, 2) },
                { "height_m", Math.Round(b.HeightM, 2) },
                { "height_source", b.HeightSource.ToString() },
                { "levels", (int)b.Levels },
                { "start_year", b.StartYear == 0 ? null : b.StartYear },
            }));
        }

        return fc;
    }

    /// <summary>Street lamps, mapped and generated, with their tags.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The features.</returns>
    public static FeatureCollection Lamps(CityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var fc = new FeatureCollection();
        var set = model.Lamps;
        for (var i = 0; i < set.Count; i++)
        {
            var lamp = set.Lamps[i];
            var attributes = new AttributesTable
            {
                { "lamp", i },
                { "generated", lamp.Generated },
                { lamp.Generated ? "along_osm_way" : "osm_node", lamp.OsmId },
                { "edge", lamp.Edge },
            };
            for (var t = lamp.FirstTag; t < lamp.FirstTag + lamp.TagCount; t++)
            {
                var key = set.Strings[set.Tags[t].Key];
                if (!attributes.Exists(key))
                {
                    attributes.Add(key, set.Strings[set.Tags[t].Value]);
                }
            }

            fc.Add(new Feature(Wgs84.CreatePoint(ToLonLat(model, lamp.Position.XM, lamp.Position.YM)), attributes));
        }

        return fc;
    }

    private static Coordinate ToLonLat(CityModel model, double xM, double yM)
    {
        model.Projection.Inverse(xM, yM, out var lon, out var lat);
        return new Coordinate(lon, lat);
    }

    private static void Write(string path, FeatureCollection fc, List<string> written)
    {
        GeoJsonFile.Write(fc, path);
        written.Add(path);
    }

    private sealed class UnprojectFilter(CityModel model) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            model.Projection.Inverse(seq.GetX(i), seq.GetY(i), out var lon, out var lat);
            seq.SetX(i, lon);
            seq.SetY(i, lat);
        }
    }
}
