using CityTwin.Model;
using CityTwin.Model.Buildings;
using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Grid;

namespace CityTwin.Simulation.Coupling;

/// <summary>
/// Turns the city model's buildings (OSM footprints, levels, height, use, start year) into the energy model's
/// building descriptions, through the archetype resolver (which counts every defaulted input).
/// </summary>
public static class CityBuildings
{
    /// <summary>Describes every building of a city for the 5R1C year run.</summary>
    /// <param name="city">The city model.</param>
    /// <param name="defaults">How many inputs fell back to documented defaults.</param>
    /// <returns>One description per building, in the model's order.</returns>
    public static BuildingDescription[] Describe(CityModel city, out ArchetypeDefaultCounts defaults)
    {
        ArgumentNullException.ThrowIfNull(city);
        var set = city.Buildings;
        var buildings = set.Buildings;
        var tags = new Energy.Buildings.BuildingTags[buildings.Length];
        for (var i = 0; i < buildings.Length; i++)
        {
            ref readonly var b = ref buildings[i];
            tags[i] = new Energy.Buildings.BuildingTags
            {
                Building = b.BuildingTagIndex >= 0 && b.BuildingTagIndex < set.Strings.Count ? set.Strings[b.BuildingTagIndex] : "yes",
                Levels = b.Levels > 0 && b.HeightSource == HeightSource.Levels ? b.Levels.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Height = b.HeightSource == HeightSource.HeightTag ? b.HeightM.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null,
                StartDate = b.StartYear > 0 ? b.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                FootprintAreaM2 = b.AreaM2,
                PerimeterM = OuterPerimeterM(set, in b),
                X = b.InteriorPoint.XM,
                Y = b.InteriorPoint.YM,
            };
        }

        var descriptions = new BuildingDescription[buildings.Length];
        defaults = ArchetypeDefaultCounts.ResolveAll(tags, descriptions);
        return descriptions;
    }

    /// <summary>
    /// Feeders from the city's mapped substations and transformers (<c>power=substation</c>/<c>transformer</c>): each
    /// building on the nearest one. Null when none is mapped: the energy run then generates feeders by clustering.
    /// </summary>
    /// <param name="city">The city model.</param>
    /// <param name="buildings">The building descriptions (positions), in the model's order.</param>
    /// <returns>The assignment (flagged as mapped), or null.</returns>
    public static FeederAssignment? MappedFeeders(CityModel city, ReadOnlySpan<BuildingDescription> buildings)
    {
        ArgumentNullException.ThrowIfNull(city);
        var sources = city.Assets.FeederSources();
        if (sources.Length == 0)
        {
            return null;
        }

        var x = new double[buildings.Length];
        var y = new double[buildings.Length];
        for (var i = 0; i < buildings.Length; i++)
        {
            (x[i], y[i]) = (buildings[i].X, buildings[i].Y);
        }

        return FeederClustering.Nearest(x, y, sources.Select(s => s.Position.XM).ToArray(), sources.Select(s => s.Position.YM).ToArray());
    }

    /// <summary>Length of the outer rings (holes excluded), metres.</summary>
    private static double OuterPerimeterM(Model.Buildings.BuildingSet set, in Building building)
    {
        var total = 0.0;
        for (var r = building.FirstRing; r < building.FirstRing + building.RingCount; r++)
        {
            var ring = set.Rings[r];
            if (ring.IsHole)
            {
                continue;
            }

            for (var k = 0; k + 1 < ring.PointCount; k++)
            {
                total += set.Points[ring.FirstPoint + k].DistanceTo(set.Points[ring.FirstPoint + k + 1]);
            }
        }

        return total;
    }
}
