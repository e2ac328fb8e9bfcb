using CityTwin.IO.Osm.Buildings;
using CityTwin.IO.Osm.Tests.TestSupport;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CityTwin.IO.Osm.Tests.Buildings;

public partial class BuildingBuilderTests
{
    private static readonly GeometryFactory Factory = new();

    [Test]
    public void IsSimpleRing_BowTieAndSpike_AreNotSimple()
    {
        var bowTie = Factory.CreateLinearRing([new(0, 0), new(10, 10), new(10, 0), new(0, 10), new(0, 0)]);
        var spike = Factory.CreateLinearRing([new(0, 0), new(10, 0), new(20, 0), new(15, 0), new(10, 10), new(0, 0)]);
        var square = Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]);
        var li = new RobustLineIntersector();

        Assert.That(BuildingBuilder.IsSimpleRing(bowTie.CoordinateSequence, li), Is.False);
        Assert.That(BuildingBuilder.IsSimpleRing(spike.CoordinateSequence, li), Is.False);
        Assert.That(BuildingBuilder.IsSimpleRing(square.CoordinateSequence, li), Is.True);
    }

    [Test]
    public void IsSimpleRing_OnRealFootprints_NeverDisagreesWithNtsIsValid()
    {
        var set = ImportedCities.BadHersfeld.Buildings;
        var li = new RobustLineIntersector();
        var fastSaidSimple = 0;
        for (var b = 0; b < set.Count; b++)
        {
            if (set.GetFootprint(b, Factory) is Polygon { NumInteriorRings: 0 } p && BuildingBuilder.IsSimpleRing(p.Shell.CoordinateSequence, li))
            {
                fastSaidSimple++;
                Assert.That(p.IsValid, Is.True, $"building {set.Buildings[b].OsmId}");
            }
        }

        Assert.That(fastSaidSimple, Is.GreaterThan(set.Count * 9 / 10));
    }
}
