using System.IO.Compression;
using System.Xml;

namespace CityTwin.IO.Sumo.Tests;

/// <summary>Counts in a .net.xml with a plain XmlReader pass, independent of the reader under test.</summary>
internal sealed class NetCounts
{
    public int NormalEdges { get; private set; }

    public int NormalLanes { get; private set; }

    public int Connections { get; private set; }

    public int TlLogics { get; private set; }

    public Dictionary<string, List<double>> PhaseDurations { get; } = [];

    public static NetCounts Of(string path)
    {
        var counts = new NetCounts();
        var normal = new HashSet<string>();
        var connections = new List<(string From, string To)>();
        using var stream = Open(path);
        using var reader = XmlReader.Create(stream);
        var inNormalEdge = false;
        string? tl = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.Name)
            {
                case "edge":
                    var function = reader.GetAttribute("function");
                    inNormalEdge = function is null or "normal";
                    if (inNormalEdge)
                    {
                        counts.NormalEdges++;
                        normal.Add(reader.GetAttribute("id")!);
                    }

                    break;
                case "lane" when inNormalEdge:
                    counts.NormalLanes++;
                    break;
                case "connection":
                    connections.Add((reader.GetAttribute("from")!, reader.GetAttribute("to")!));
                    break;
                case "tlLogic":
                    counts.TlLogics++;
                    tl = reader.GetAttribute("id")!;
                    counts.PhaseDurations[tl] = [];
                    break;
                case "phase" when tl is not null:
                    counts.PhaseDurations[tl].Add(double.Parse(reader.GetAttribute("duration")!, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    if (reader.Depth <= 1)
                    {
                        inNormalEdge = false;
                        tl = null;
                    }

                    break;
            }
        }

        counts.Connections = connections.Count(c => normal.Contains(c.From) && normal.Contains(c.To));
        return counts;
    }

    public static Stream Open(string path)
    {
        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
