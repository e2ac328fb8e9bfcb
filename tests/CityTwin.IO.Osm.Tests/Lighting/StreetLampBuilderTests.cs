using CityTwin.IO.Osm.Lighting;
using CityTwin.IO.Osm.Tests.TestSupport;
using static CityTwin.IO.Osm.Tests.TestSupport.ModelQueries;

namespace CityTwin.IO.Osm.Tests.Lighting;

public class StreetLampBuilderTests
{
    [Test]
    public void Build_Crossroads_KeepsMappedLampAndGeneratesAlongUnlampedLitStreet()
    {
        var m = OsmCityImporter.Import(TestPaths.TestData("crossroads.osm"));
        var lamps = m.Lamps;

        // Cross Street (way 102, lit, ~107 m, secondary: 35 m spacing) gets lamps at 17.5, 52.5 and 87.5 m;
        // Main Street (lit) already has lamp node 10 within 20 m, so nothing is generated along it.
        Assert.That(lamps.Count, Is.EqualTo(4));
        Assert.That(lamps.GeneratedCount, Is.EqualTo(3));
        var mapped = lamps.Lamps.ToArray().Single(l => !l.Generated);
        Assert.That(mapped.OsmId, Is.EqualTo(10));
        Assert.That(lamps.GetTag(0, "lamp_type"), Is.EqualTo("electric"));
        Assert.That(lamps.GetTag(0, "ref"), Is.EqualTo("L1"));
        Assert.That(m.Roads.Edges[mapped.Edge].OsmWayId, Is.EqualTo(101));
        foreach (var l in lamps.Lamps)
        {
            if (l.Generated)
            {
                Assert.That(l.OsmId, Is.EqualTo(102));
                Assert.That(EdgesOfWay(m.Roads, 102), Does.Contain(l.Edge));
                Assert.That(l.TagCount, Is.EqualTo(0));
            }
        }
    }

    [Test]
    public void Build_GenerateLampsOff_KeepsOnlyMappedLamps()
    {
        var m = OsmCityImporter.Import(TestPaths.TestData("crossroads.osm"), new OsmImportOptions { GenerateLamps = false });

        Assert.That(m.Lamps.Count, Is.EqualTo(1));
    }

    [TestCase("primary", 35.0)]
    [TestCase("residential", 25.0)]
    [TestCase("footway", 20.0)]
    [TestCase("steps", null)]
    public void Spacing_ByHighwayClass(string highway, double? expected)
    {
        Assert.That(StreetLampBuilder.Spacing(highway), Is.EqualTo(expected));
    }

    [Test]
    public void Build_BadHersfeld_GeneratesLampsAlongLitStreets()
    {
        var m = ImportedCities.BadHersfeld;

        Assert.That(m.Lamps.GeneratedCount, Is.GreaterThan(500));
        Assert.That(m.Lamps.Count - m.Lamps.GeneratedCount, Is.GreaterThanOrEqualTo(1));
    }
}
