using CityTwin.Model.Buildings;
using CityTwin.Model.Geometry;
using CityTwin.Model.Reporting;
using CityTwin.Model.Tests.TestSupport;
using NetTopologySuite.Geometries;

namespace CityTwin.Model.Tests.Buildings;

public class BuildingSetTests
{
    [Test]
    public void GetFootprint_ShellWithHole_HasTheNetArea()
    {
        PointM[] points =
        [
            new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0),
            new(2, 2), new(4, 2), new(4, 4), new(2, 4), new(2, 2),
        ];
        var set = new BuildingSet(
            [new Building { OsmId = 1, AreaM2 = 96, FirstRing = 0, RingCount = 2 }],
            [new FootprintRing { FirstPoint = 0, PointCount = 5 }, new FootprintRing { FirstPoint = 5, PointCount = 5, IsHole = true }],
            points,
            ["yes"]);

        var footprint = set.GetFootprint(0, new GeometryFactory());

        Assert.That(footprint, Is.InstanceOf<Polygon>());
        Assert.That(footprint.Area, Is.EqualTo(96));
        Assert.That(set.TotalAreaM2, Is.EqualTo(96));
    }

    [Test]
    public void Constructor_RingOutsideThePoints_Throws()
    {
        Assert.That(() => new BuildingSet([new Building { FirstRing = 0, RingCount = 1 }], [new FootprintRing { FirstPoint = 2, PointCount = 5 }], new PointM[5], ["yes"]),
            Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void CitySummary_SmallCity_CountsEverything()
    {
        var summary = new CitySummary(SmallCity.Create());

        Assert.That((summary.Junctions, summary.Edges, summary.Lanes, summary.SignalisedJunctions), Is.EqualTo((2, 2, 2, 1)));
        Assert.That((summary.Buildings, summary.Lamps, summary.GeneratedLamps), Is.EqualTo((1, 2, 1)));
        Assert.That(summary.DirectedRoadKm, Is.EqualTo(0.2).Within(1e-12));
        Assert.That(summary.ToString(), Does.Contain("example reason").And.Contain("lamps:       2 (1 mapped, 1 generated"));
    }
}
