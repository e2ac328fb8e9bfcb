namespace CityTwin.IO.Osm.Reading;

/// <summary>WGS 84 position of an OSM node.</summary>
internal readonly record struct NodeCoord(double Lon, double Lat);
