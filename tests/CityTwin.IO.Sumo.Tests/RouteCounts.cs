using System.Xml;

namespace CityTwin.IO.Sumo.Tests;

/// <summary>Element counts of a route file with a plain XmlReader pass.</summary>
internal static class RouteCounts
{
    public static Dictionary<string, int> Of(params string[] paths)
    {
        var counts = new Dictionary<string, int>();
        foreach (var path in paths)
        {
            using var stream = NetCounts.Open(path);
            using var reader = XmlReader.Create(stream);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var key = reader.Name == "route" && reader.GetAttribute("id") is not null ? "namedRoute" : reader.Name;
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }
}
