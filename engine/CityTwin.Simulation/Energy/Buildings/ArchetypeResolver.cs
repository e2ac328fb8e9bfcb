using System.Globalization;

namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Maps OSM building tags to a <see cref="BuildingDescription"/>, following CEA's OSM mapping
/// (<c>cea/datamanagement/zone_helper.py</c>, energy.md §1.3): <c>amenity</c> overrides <c>shop</c>, which overrides
/// <c>building</c>; storeys from <c>building:levels</c> + <c>roof:levels</c> (max of "3;4"), else height / 3 m; height
/// from <c>height</c>, else storeys × 3 m; year from the first 4-digit number in <c>start_date</c>, or "C19" → 1900.
/// </summary>
/// <remarks>
/// Defaults when tags are missing or unparsable (ours; counted via <see cref="ArchetypeDefaults"/>):
/// use <see cref="BuildingUse.MultiResidential"/> (most untyped <c>building=yes</c> in European cities are housing);
/// storeys 2 for houses, 1 for retail, restaurant, industrial, gym and unconditioned, 4 for hospitals and hotels,
/// 3 otherwise (CEA's fallback); construction year 1970 for residential (TABULA DE stock median lies in classes E/F,
/// 1958–1978) and 1980 for other uses.
/// </remarks>
public static class ArchetypeResolver
{
    /// <summary>The use taken when no tag settles it.</summary>
    public const BuildingUse DefaultUse = BuildingUse.MultiResidential;

    /// <summary>Resolves one building.</summary>
    /// <param name="tags">The tags and footprint.</param>
    /// <param name="defaults">Which inputs were defaulted.</param>
    /// <returns>The model input.</returns>
    public static BuildingDescription Resolve(in BuildingTags tags, out ArchetypeDefaults defaults)
    {
        defaults = ArchetypeDefaults.None;
        BuildingUse? mapped = UseFromTag(tags.Amenity) ?? UseFromShop(tags.Shop) ?? UseFromTag(tags.Building);
        if (mapped is null)
        {
            defaults |= ArchetypeDefaults.Use;
        }

        BuildingUse use = mapped ?? DefaultUse;
        double? height = ParseHeightM(tags.Height);
        double? levels = ParseLevels(tags.Levels);
        double roofLevels = ParseLevels(tags.RoofLevels) ?? 0.0;
        int storeys;
        if (levels is { } l && l > 0)
        {
            storeys = (int)Math.Ceiling(l + roofLevels);
        }
        else if (height is { } h)
        {
            storeys = Math.Max(1, (int)Math.Round(h / BuildingThermalModel.DefaultStoreyHeightM));
        }
        else
        {
            storeys = DefaultStoreys(use);
            defaults |= ArchetypeDefaults.Storeys;
        }

        if (height is null)
        {
            defaults |= ArchetypeDefaults.Height;
        }

        int? year = ParseYear(tags.StartDate);
        if (year is null)
        {
            defaults |= ArchetypeDefaults.ConstructionYear;
        }

        return new BuildingDescription
        {
            FootprintAreaM2 = tags.FootprintAreaM2,
            PerimeterM = tags.PerimeterM,
            Storeys = storeys,

            // CEA: height ≥ storeys × 1 m, so a "height=2" on a 5-storey block cannot collapse the volume.
            HeightM = height is { } hm ? Math.Max(hm, storeys) : storeys * BuildingThermalModel.DefaultStoreyHeightM,
            Use = use,
            ConstructionYear = year ?? DefaultYear(use),
            FacadeAzimuthDeg = tags.FacadeAzimuthDeg,
            SharedWallFraction = tags.SharedWallFraction,
            X = tags.X,
            Y = tags.Y,
        };
    }

    /// <summary>Default storeys of a use.</summary>
    /// <param name="use">The use.</param>
    /// <returns>Storeys.</returns>
    public static int DefaultStoreys(BuildingUse use) => use switch
    {
        BuildingUse.SingleResidential => 2,
        BuildingUse.Retail or BuildingUse.Restaurant or BuildingUse.Industrial or BuildingUse.Gym or BuildingUse.Unconditioned => 1,
        BuildingUse.Hospital or BuildingUse.Hotel => 4,
        _ => 3,
    };

    /// <summary>Default construction year of a use.</summary>
    /// <param name="use">The use.</param>
    /// <returns>Year.</returns>
    public static int DefaultYear(BuildingUse use)
        => use is BuildingUse.MultiResidential or BuildingUse.SingleResidential ? 1970 : 1980;

    /// <summary>Maps a <c>building</c> or <c>amenity</c> value to a use (CEA's table); null when unmapped (e.g. <c>yes</c>).</summary>
    /// <param name="value">Tag value.</param>
    /// <returns>The use or null.</returns>
    public static BuildingUse? UseFromTag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "residential" or "apartments" or "dormitory" or "terrace" or "nursing_home" => BuildingUse.MultiResidential,
        "house" or "detached" or "semidetached_house" or "bungalow" or "farm" or "cabin" => BuildingUse.SingleResidential,
        "office" or "commercial" or "civic" or "government" or "townhall" or "post_office" or "public"
            or "library" or "museum" or "cinema" or "theatre" or "arts_centre" => BuildingUse.Office,
        "retail" or "kiosk" or "bank" or "pharmacy" or "marketplace" or "supermarket" => BuildingUse.Retail,
        "restaurant" or "cafe" or "fast_food" or "bar" or "pub" => BuildingUse.Restaurant,
        "hospital" or "clinic" or "doctors" or "dentist" => BuildingUse.Hospital,
        "school" or "kindergarten" or "childcare" or "university" or "college" => BuildingUse.School,
        "sports_hall" or "pavilion" => BuildingUse.Gym,
        "hotel" => BuildingUse.Hotel,
        "industrial" => BuildingUse.Industrial,
        "parking" or "garage" or "garages" or "carport" or "hangar" or "warehouse" or "roof" or "shed" or "hut"
            or "service" or "transformer_tower" or "water_tower" or "bridge" or "bus_station" or "fuel" or "shelter"
            or "train_station" or "transportation" or "ferry_terminal" => BuildingUse.Unconditioned,
        _ => null,
    };

    private static BuildingUse? UseFromShop(string? value)
        => string.IsNullOrWhiteSpace(value) || value.Trim() == "no" ? null : BuildingUse.Retail;

    /// <summary>Parses <c>building:levels</c>: a number, or the largest of a <c>;</c>-separated list.</summary>
    /// <param name="text">Tag value.</param>
    /// <returns>Levels, or null when absent or unparsable.</returns>
    public static double? ParseLevels(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        double? best = null;
        foreach (string part in text.Split(';'))
        {
            if (double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v >= 0 && v < 500)
            {
                best = best is null ? v : Math.Max(best.Value, v);
            }
        }

        return best;
    }

    /// <summary>Parses <c>height</c>: "12", "12.5 m", "12m", "40'" or "40 ft" (feet converted).</summary>
    /// <param name="text">Tag value.</param>
    /// <returns>Metres, or null when absent, unparsable or not positive.</returns>
    public static double? ParseHeightM(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string t = text.Trim().ToLowerInvariant();
        double factor = 1.0;
        if (t.EndsWith('\'') || t.EndsWith("ft", StringComparison.Ordinal))
        {
            factor = 0.3048;
            t = t.TrimEnd('\'').Replace("ft", string.Empty, StringComparison.Ordinal);
        }
        else if (t.EndsWith('m'))
        {
            t = t[..^1];
        }

        return double.TryParse(t.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v < 1000
            ? v * factor
            : null;
    }

    /// <summary>Parses <c>start_date</c>: the first 4-digit number (e.g. "1905", "~1890", "1960-05", "1890..1900"), or a century "C19" → 1900 (CEA).</summary>
    /// <param name="text">Tag value.</param>
    /// <returns>The year, or null.</returns>
    public static int? ParseYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        for (int i = 0; i + 4 <= text.Length; i++)
        {
            if (IsDigits(text, i, 4) && (i + 4 == text.Length || !char.IsAsciiDigit(text[i + 4])) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                int y = int.Parse(text.AsSpan(i, 4), CultureInfo.InvariantCulture);
                return y is >= 1000 and <= 2100 ? y : null;
            }
        }

        int c = text.IndexOf('C', StringComparison.Ordinal);
        if (c >= 0 && c + 3 <= text.Length && IsDigits(text, c + 1, 2))
        {
            return int.Parse(text.AsSpan(c + 1, 2), CultureInfo.InvariantCulture) * 100;
        }

        return null;
    }

    private static bool IsDigits(string s, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }
}
