using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Buildings;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Buildings;

/// <summary>Interprets building tags: use, levels, height, construction year.</summary>
internal static class BuildingTags
{
    /// <summary>Whether the tags describe a building (<c>building=*</c> other than <c>no</c>).</summary>
    /// <param name="tags">Tags.</param>
    /// <returns>True for buildings.</returns>
    public static bool IsBuilding(TagsCollectionBase? tags) => TagValues.Get(tags, "building") is { } b && b != "no";

    /// <summary>Fills the scalar attributes of a building.</summary>
    /// <param name="tags">Tags.</param>
    /// <param name="options">Options (storey height, default levels).</param>
    /// <param name="building">The building to fill.</param>
    public static void Fill(TagsCollectionBase? tags, OsmImportOptions options, ref Building building)
    {
        building.Use = Use(tags);
        building.StartYear = TagValues.TryParseYear(TagValues.Get(tags, "start_date") ?? TagValues.Get(tags, "building:start_date"), out var year)
            ? (short)year : (short)0;
        var hasLevels = TagValues.TryParseCount(TagValues.Get(tags, "building:levels"), out var levels) && levels > 0;
        TagValues.TryParseCount(TagValues.Get(tags, "roof:levels"), out var roofLevels);
        if (TagValues.TryParseLengthM(TagValues.Get(tags, "height") ?? TagValues.Get(tags, "building:height"), out var height) && height < 1000)
        {
            building.HeightM = (float)height;
            building.HeightSource = HeightSource.HeightTag;
            building.Levels = (short)(hasLevels ? levels : Math.Max(1, (int)Math.Round(height / options.StoreyHeightM)));
        }
        else if (hasLevels)
        {
            // A roof storey counts as half a full storey of height (pitched roof).
            building.HeightM = (float)((levels + (0.5 * roofLevels)) * options.StoreyHeightM);
            building.HeightSource = HeightSource.Levels;
            building.Levels = (short)levels;
        }
        else
        {
            building.HeightM = (float)(options.DefaultLevels * options.StoreyHeightM);
            building.HeightSource = HeightSource.Default;
            building.Levels = (short)options.DefaultLevels;
        }
    }

    private static BuildingUse Use(TagsCollectionBase? tags)
    {
        var amenity = TagValues.Get(tags, "amenity");
        var fromAmenity = amenity switch
        {
            "school" or "university" or "college" or "kindergarten" => BuildingUse.Education,
            "hospital" or "clinic" or "doctors" => BuildingUse.Health,
            "place_of_worship" => BuildingUse.Religious,
            "parking" => BuildingUse.Parking,
            "townhall" or "police" or "fire_station" or "library" or "courthouse" or "community_centre" => BuildingUse.Public,
            "restaurant" or "cafe" or "bar" or "pub" or "fast_food" or "bank" or "pharmacy" => BuildingUse.Commercial,
            _ => BuildingUse.Unknown,
        };
        if (fromAmenity != BuildingUse.Unknown)
        {
            return fromAmenity;
        }

        var fromBuilding = TagValues.Get(tags, "building") switch
        {
            "house" or "residential" or "apartments" or "detached" or "semidetached_house" or "terrace" or "dormitory"
                or "bungalow" or "farm" or "villa" => BuildingUse.Residential,
            "office" => BuildingUse.Office,
            "commercial" or "retail" or "supermarket" or "kiosk" or "shop" => BuildingUse.Commercial,
            "industrial" or "warehouse" or "factory" or "manufacture" => BuildingUse.Industrial,
            "school" or "university" or "college" or "kindergarten" => BuildingUse.Education,
            "hospital" or "clinic" => BuildingUse.Health,
            "hotel" => BuildingUse.Hospitality,
            "public" or "civic" or "government" or "train_station" or "transportation" => BuildingUse.Public,
            "church" or "chapel" or "cathedral" or "mosque" or "synagogue" or "temple" or "religious" => BuildingUse.Religious,
            "garage" or "garages" or "parking" or "carport" => BuildingUse.Parking,
            "shed" or "hut" or "roof" or "cabin" or "greenhouse" or "service" => BuildingUse.Minor,
            "yes" => BuildingUse.Unknown,
            _ => BuildingUse.Other,
        };
        if (fromBuilding != BuildingUse.Unknown)
        {
            return fromBuilding;
        }

        if (TagValues.Get(tags, "shop") != null)
        {
            return BuildingUse.Commercial;
        }

        if (TagValues.Get(tags, "office") != null)
        {
            return BuildingUse.Office;
        }

        return TagValues.Get(tags, "tourism") is "hotel" or "hostel" or "guest_house" ? BuildingUse.Hospitality : BuildingUse.Unknown;
    }
}
