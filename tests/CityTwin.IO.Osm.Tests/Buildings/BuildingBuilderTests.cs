using CityTwin.IO.Osm.Buildings;
using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model;
using CityTwin.Model.Buildings;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CityTwin.IO.Osm.Tests.Buildings;

public partial class BuildingBuilderTests
{
    private static CityModel Crossroads => OsmCityImporter.Import(TestPaths.TestData("crossroads.osm"));

    [Test]
    public void Build_ClosedWay_HasTaggedAttributesAndTrueArea()
    {
        var set = Crossroads.Buildings;
        var b = set.Buildings.ToArray().Single(x => x.OsmId == 201);
        var (north, east) = Geodesy.Components(8.0003, 50.0003, 8.0006, 50.0005);

        Assert.That(b.AreaM2, Is.EqualTo(north * east).Within(0.001 * north * east));
        Assert.That(b.Levels, Is.EqualTo(4));
        Assert.That(b.HeightM, Is.EqualTo(4.5 * 3.0).Within(1e-4), "4 storeys + a roof storey at half height");
        Assert.That(b.HeightSource, Is.EqualTo(HeightSource.Levels));
        Assert.That(b.StartYear, Is.EqualTo(1923));
        Assert.That(b.Use, Is.EqualTo(BuildingUse.Residential));
        Assert.That(set.Strings[b.BuildingTagIndex], Is.EqualTo("residential"));
        Assert.That(b.FromRelation, Is.False);
    }

    [Test]
    public void Build_MultipolygonWithHole_SubtractsTheHole()
    {
        var set = Crossroads.Buildings;
        var index = Array.FindIndex(set.Buildings.ToArray(), x => x.OsmId == 301);
        var b = set.Buildings[index];
        var (outerN, outerE) = Geodesy.Components(8.0003, 49.9994, 8.0007, 49.9997);
        var (innerN, innerE) = Geodesy.Components(8.00045, 49.99950, 8.00055, 49.99960);
        var expected = (outerN * outerE) - (innerN * innerE);

        Assert.That(b.FromRelation, Is.True);
        Assert.That(b.AreaM2, Is.EqualTo(expected).Within(0.001 * expected));
        Assert.That(b.RingCount, Is.EqualTo(2));
        Assert.That(set.Rings[b.FirstRing + 1].IsHole, Is.True);
        Assert.That(b.HeightM, Is.EqualTo(12.5f));
        Assert.That(b.HeightSource, Is.EqualTo(HeightSource.HeightTag));
        Assert.That(b.Levels, Is.EqualTo(4), "round(12.5 / 3)");
        Assert.That(b.Use, Is.EqualTo(BuildingUse.Office));
        Assert.That(set.GetFootprint(index, new GeometryFactory()).Area, Is.EqualTo(b.AreaM2).Within(1e-6));
    }

    [Test]
    public void Build_BrokenInput_IsReportedWithElementIds()
    {
        var m = Crossroads;

        Assert.That(m.Buildings.Count, Is.EqualTo(2));
        var broken = m.Report.Entries.Single(e => e.Reason == BuildingBuilder.BrokenMultipolygon);
        Assert.That(broken.ExampleIds, Is.EqualTo(new[] { "relation 302" }));
        var open = m.Report.Entries.Single(e => e.Reason == BuildingBuilder.NotClosed);
        Assert.That(open.ExampleIds, Is.EqualTo(new[] { "way 205" }));
    }
}
