using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Reading;

/// <summary>Everything the importer needs from one pass over an OSM file.</summary>
internal sealed class OsmData
{
    /// <summary>File name, for messages.</summary>
    public required string SourceName { get; init; }

    /// <summary>Positions of every node in the file.</summary>
    public Dictionary<long, NodeCoord> Nodes { get; } = new();

    /// <summary>Tags of nodes that carry any (signals, signs, lamps…).</summary>
    public Dictionary<long, TagsCollectionBase> NodeTags { get; } = new();

    /// <summary>Every way, in file order.</summary>
    public List<OsmWay> Ways { get; } = new();

    /// <summary>Multipolygon, building and turn-restriction relations, in file order.</summary>
    public List<OsmRelation> Relations { get; } = new();

    /// <summary>Ids of nodes that had no valid position (skipped).</summary>
    public List<long> NodesWithoutPosition { get; } = new();

    /// <summary>Relations read (all kinds).</summary>
    public long RelationsRead { get; set; }

    /// <summary>Bounds of all nodes, degrees.</summary>
    public double MinLon { get; set; } = double.MaxValue;

    /// <summary>Bounds of all nodes, degrees.</summary>
    public double MaxLon { get; set; } = double.MinValue;

    /// <summary>Bounds of all nodes, degrees.</summary>
    public double MinLat { get; set; } = double.MaxValue;

    /// <summary>Bounds of all nodes, degrees.</summary>
    public double MaxLat { get; set; } = double.MinValue;
}
