using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Reading;

/// <summary>A way as read: id, node ids and (possibly null) tags.</summary>
internal sealed record OsmWay(long Id, long[] Nodes, TagsCollectionBase? Tags);
