using System.Text.Json;
using CityTwin.Model.Export;
using CityTwin.Model.Tests.TestSupport;

namespace CityTwin.Model.Tests.Export;

public class GeoJsonExporterTests
{
    [Test]
    public void Export_SmallCity_WritesFiveLayersInLonLat()
    {
        var dir = Path.Combine(Path.GetTempPath(), "citytwin-geojson-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = SmallCity.Create();
            var files = GeoJsonExporter.Export(model, dir);

            Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[] { "roads.geojson", "junctions.geojson", "signals.geojson", "buildings.geojson", "lamps.geojson" }));
            using var roads = JsonDocument.Parse(File.ReadAllText(files[0]));
            var features = roads.RootElement.GetProperty("features");
            Assert.That(features.GetArrayLength(), Is.EqualTo(2));
            var first = features[0];
            Assert.That(first.GetProperty("properties").GetProperty("name").GetString(), Is.EqualTo("High Street"));
            Assert.That(first.GetProperty("properties").GetProperty("speed_kmh").GetDouble(), Is.EqualTo(50.0).Within(0.1));
            var start = first.GetProperty("geometry").GetProperty("coordinates")[0];
            Assert.That(start[0].GetDouble(), Is.EqualTo(7.42).Within(1e-9), "the junction at (0, 0) is the projection centre");
            Assert.That(start[1].GetDouble(), Is.EqualTo(43.73).Within(1e-9));
            using var lamps = JsonDocument.Parse(File.ReadAllText(files[4]));
            Assert.That(lamps.RootElement.GetProperty("features").GetArrayLength(), Is.EqualTo(2));
            Assert.That(lamps.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("highway").GetString(), Is.EqualTo("street_lamp"));
            using var signals = JsonDocument.Parse(File.ReadAllText(files[2]));
            Assert.That(signals.RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("phases").GetString(), Is.EqualTo("36s:G 4s:y"));
            using var buildings = JsonDocument.Parse(File.ReadAllText(files[3]));
            Assert.That(buildings.RootElement.GetProperty("features")[0].GetProperty("geometry").GetProperty("type").GetString(), Is.EqualTo("Polygon"));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
