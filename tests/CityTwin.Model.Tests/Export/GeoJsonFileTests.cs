using System.Text.Json;
using CityTwin.Model.Export;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Tests.Export;

public class GeoJsonFileTests
{
    [Test]
    public void Write_EveryAttributeKind_AndNoTemporaryFileLeft()
    {
        var dir = Directory.CreateTempSubdirectory("citytwin-geojsonfile-").FullName;
        try
        {
            var attributes = new AttributesTable
            {
                { "count", 3 }, { "osm_id", 5_000_000_000L }, { "kwh", 1.25 }, { "lit", true }, { "name", "Rue \"Grimaldi\"" },
                { "per_m2", null },
            };
            var features = new FeatureCollection { new Feature(new Point(7.42, 43.73), attributes) };
            var path = Path.Combine(dir, "layer.geojson");

            GeoJsonFile.Write(features, path);

            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            Assert.That(doc.RootElement.GetProperty("type").GetString(), Is.EqualTo("FeatureCollection"));
            var feature = doc.RootElement.GetProperty("features")[0];
            Assert.That(feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), Is.EqualTo(7.42));
            var p = feature.GetProperty("properties");
            Assert.That(p.GetProperty("count").GetInt32(), Is.EqualTo(3));
            Assert.That(p.GetProperty("osm_id").GetInt64(), Is.EqualTo(5_000_000_000L));
            Assert.That(p.GetProperty("kwh").GetDouble(), Is.EqualTo(1.25));
            Assert.That(p.GetProperty("lit").GetBoolean(), Is.True);
            Assert.That(p.GetProperty("name").GetString(), Is.EqualTo("Rue \"Grimaldi\""));
            Assert.That(p.GetProperty("per_m2").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EqualTo(new[] { "layer.geojson" }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
