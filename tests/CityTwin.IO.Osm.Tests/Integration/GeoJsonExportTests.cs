using System.Text.Json;
using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model.Export;

namespace CityTwin.IO.Osm.Tests.Integration;

public class GeoJsonExportTests
{
    [Test]
    public void Export_Helsinki_HasOneFeaturePerModelElementInsideTheExtract()
    {
        var m = ImportedCities.Helsinki;
        var dir = Path.Combine(Path.GetTempPath(), "citytwin-geojson-helsinki-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = GeoJsonExporter.Export(m, dir);
            int Count(int i)
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(files[i]));
                return doc.RootElement.GetProperty("features").GetArrayLength();
            }

            Assert.That(Count(0), Is.EqualTo(m.Roads.Edges.Length));
            Assert.That(Count(1), Is.EqualTo(m.Roads.Junctions.Length));
            Assert.That(Count(2), Is.EqualTo(m.Roads.SignalPrograms.Length));
            Assert.That(Count(3), Is.EqualTo(m.Buildings.Count));
            Assert.That(Count(4), Is.EqualTo(m.Lamps.Count));
            using var junctions = JsonDocument.Parse(File.ReadAllText(files[1]));
            foreach (var f in junctions.RootElement.GetProperty("features").EnumerateArray())
            {
                var c = f.GetProperty("geometry").GetProperty("coordinates");
                // SOURCES.md bbox 24.9352,60.1642 – 24.9534,60.1791; ways cut at the boundary reach a little beyond.
                Assert.That(c[0].GetDouble(), Is.InRange(24.92, 24.97));
                Assert.That(c[1].GetDouble(), Is.InRange(60.15, 60.19));
            }
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
