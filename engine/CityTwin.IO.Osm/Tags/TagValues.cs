using System.Globalization;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Tags;

/// <summary>Small parsers for numeric OSM tag values.</summary>
internal static class TagValues
{
    /// <summary>Gets a tag value or null (tags may be null in OsmSharp).</summary>
    /// <param name="tags">Tags.</param>
    /// <param name="key">Key.</param>
    /// <returns>The value or null.</returns>
    public static string? Get(TagsCollectionBase? tags, string key) =>
        tags != null && tags.TryGetValue(key, out var v) ? v : null;

    /// <summary>Parses a length ("12", "12 m", "12.5m", "40'", "40 ft") in metres.</summary>
    /// <param name="value">Tag value.</param>
    /// <param name="metres">Result.</param>
    /// <returns>Whether it parsed to a positive finite value.</returns>
    public static bool TryParseLengthM(string? value, out double metres)
    {
        metres = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var v = value.Trim().Replace(',', '.');
        var factor = 1.0;
        if (v.EndsWith("ft", StringComparison.OrdinalIgnoreCase) || v.EndsWith('\''))
        {
            factor = 0.3048;
            v = v.TrimEnd('\'').TrimEnd('t', 'T').TrimEnd('f', 'F');
        }
        else if (v.EndsWith('m'))
        {
            v = v[..^1];
        }

        if (double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n > 0)
        {
            metres = n * factor;
            return true;
        }

        return false;
    }

    /// <summary>Parses a non-negative count such as <c>lanes</c> or <c>building:levels</c> ("3", "2.5" rounds up).</summary>
    /// <param name="value">Tag value.</param>
    /// <param name="count">Result.</param>
    /// <returns>Whether it parsed.</returns>
    public static bool TryParseCount(string? value, out int count)
    {
        count = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var v = value.Trim();
        var semicolon = v.IndexOf(';', StringComparison.Ordinal);
        if (semicolon > 0)
        {
            v = v[..semicolon];
        }

        if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < 1000)
        {
            count = (int)Math.Ceiling(n);
            return true;
        }

        return false;
    }

    /// <summary>Parses a construction year from <c>start_date</c> ("1923", "1923-05-01", "~1920", "1920s", "C19").</summary>
    /// <param name="value">Tag value.</param>
    /// <param name="year">Result.</param>
    /// <returns>Whether a plausible year (1000–2100) was found.</returns>
    public static bool TryParseYear(string? value, out int year)
    {
        year = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var v = value.Trim();
        if (v.Length >= 2 && (v[0] == 'C' || v[0] == 'c') && int.TryParse(v.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var century))
        {
            // "C19" = 19th century: take its middle.
            year = ((century - 1) * 100) + 50;
            return year is >= 1000 and <= 2100;
        }

        for (var i = 0; i + 4 <= v.Length; i++)
        {
            if (char.IsAsciiDigit(v[i]) && (i == 0 || !char.IsAsciiDigit(v[i - 1])) &&
                int.TryParse(v.AsSpan(i, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) &&
                (i + 4 == v.Length || !char.IsAsciiDigit(v[i + 4])))
            {
                year = y;
                return y is >= 1000 and <= 2100;
            }
        }

        return false;
    }
}
