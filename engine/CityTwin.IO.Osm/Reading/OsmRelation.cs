using OsmSharp;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Reading;

/// <summary>A relation as read (only the kinds the importer uses are kept).</summary>
internal sealed record OsmRelation(long Id, RelationMember[] Members, TagsCollectionBase Tags);
