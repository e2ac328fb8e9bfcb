using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Tags;

/// <summary>Parses OSM <c>turn:lanes</c> ("left|through;right|right", lanes listed left to right).</summary>
internal static class TurnLanesParser
{
    /// <summary>Parses the value into per-lane directions, leftmost lane first; null when missing or malformed.</summary>
    /// <param name="value">The tag value.</param>
    /// <returns>Directions per lane, or null.</returns>
    public static TurnDirections[]? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var lanes = value.Split('|');
        var result = new TurnDirections[lanes.Length];
        for (var i = 0; i < lanes.Length; i++)
        {
            foreach (var part in lanes[i].Split(';'))
            {
                result[i] |= part.Trim() switch
                {
                    "through" or "none" or "" => TurnDirections.Through,
                    "left" => TurnDirections.Left,
                    "right" => TurnDirections.Right,
                    "slight_left" => TurnDirections.SlightLeft,
                    "slight_right" => TurnDirections.SlightRight,
                    "sharp_left" => TurnDirections.SharpLeft,
                    "sharp_right" => TurnDirections.SharpRight,
                    "reverse" => TurnDirections.UTurn,
                    "merge_to_left" => TurnDirections.MergeToLeft,
                    "merge_to_right" => TurnDirections.MergeToRight,
                    _ => TurnDirections.Through,
                };
            }
        }

        return result;
    }
}
