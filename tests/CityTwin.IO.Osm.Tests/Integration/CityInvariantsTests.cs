using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace CityTwin.IO.Osm.Tests.Integration;

/// <summary>Properties every imported real city must have (Monaco, Bad Hersfeld, Helsinki centre).</summary>
[TestFixture("monaco")]
[TestFixture("bad-hersfeld")]
[TestFixture("helsinki")]
public class CityInvariantsTests(string city)
{
    private CityModel Model => city switch
    {
        "monaco" => ImportedCities.Monaco,
        "bad-hersfeld" => ImportedCities.BadHersfeld,
        _ => ImportedCities.Helsinki,
    };

    [Test]
    public void Import_EveryLane_HasASuccessorOrEndsInADeadEnd()
    {
        Assert.That(NetworkAssertions.LanesWithoutSuccessor(Model.Roads), Is.Empty);
    }

    [Test]
    public void Import_Connections_AreAllPossible()
    {
        Assert.That(NetworkAssertions.ImpossibleConnections(Model.Roads), Is.Empty);
    }

    [Test]
    public void Import_Conflicts_AreMirroredWithExactlyOneSideYielding()
    {
        Assert.That(NetworkAssertions.InconsistentConflicts(Model.Roads), Is.Empty);
    }

    [Test]
    public void Import_SignalPrograms_NeverGivePriorityGreenToAYieldingMovement()
    {
        Assert.That(NetworkAssertions.UnsafeSignalPhases(Model.Roads), Is.Empty);
    }

    [Test]
    public void Import_CarNetwork_IsStronglyConnectedAtLaneLevel()
    {
        Assert.That(NetworkAssertions.EdgesNotStronglyConnected(Model.Roads), Is.EqualTo(0));
    }

    [Test]
    public void Import_EdgeLengths_MatchTheEllipsoidWithin1Percent()
    {
        var r = Model.Roads;
        var worst = 0.0;
        for (var e = 0; e < r.Edges.Length; e++)
        {
            var pts = r.GetGeometry(e);
            var geodesic = 0.0;
            Model.Projection.Inverse(pts[0].XM, pts[0].YM, out var lon0, out var lat0);
            for (var k = 1; k < pts.Length; k++)
            {
                Model.Projection.Inverse(pts[k].XM, pts[k].YM, out var lon, out var lat);
                geodesic += Geodesy.StepM(lon0, lat0, lon, lat);
                (lon0, lat0) = (lon, lat);
            }

            worst = Math.Max(worst, Math.Abs(r.Edges[e].LengthM - geodesic) / geodesic);
        }

        Assert.That(worst, Is.LessThan(0.01));
    }

    [Test]
    public void Import_BuildingAreaTotal_MatchesNtsOnAProjNetProjectionWithin0Point1Percent()
    {
        var m = Model;
        var wkt = FormattableString.Invariant(
            $"PROJCS[\"local TM\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",{m.Projection.CentreLatDeg}],PARAMETER[\"central_meridian\",{m.Projection.CentreLonDeg}],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
        var projected = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected).MathTransform;
        var factory = new GeometryFactory();
        var total = 0.0;
        for (var b = 0; b < m.Buildings.Count; b++)
        {
            var footprint = m.Buildings.GetFootprint(b, factory);
            foreach (var c in footprint.Coordinates)
            {
                m.Projection.Inverse(c.X, c.Y, out var lon, out var lat);
                var (x, y) = transform.Transform(lon, lat);
                c.X = x;
                c.Y = y;
            }

            footprint.GeometryChanged();
            total += footprint.Area;
        }

        Assert.That(m.Buildings.Count, Is.GreaterThan(100));
        Assert.That(m.Buildings.TotalAreaM2, Is.EqualTo(total).Within(0.001 * total));
    }

    [Test]
    public void Import_Projection_AgreesWithProjNetToAMillimetre()
    {
        var m = Model;
        var wkt = FormattableString.Invariant(
            $"PROJCS[\"local TM\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",{m.Projection.CentreLatDeg}],PARAMETER[\"central_meridian\",{m.Projection.CentreLonDeg}],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]");
        var projected = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt);
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, projected).MathTransform;
        var worst = 0.0;
        foreach (var j in m.Roads.Junctions)
        {
            m.Projection.Inverse(j.Position.XM, j.Position.YM, out var lon, out var lat);
            var (x, y) = transform.Transform(lon, lat);
            worst = Math.Max(worst, Math.Max(Math.Abs(x - j.Position.XM), Math.Abs(y - j.Position.YM)));
        }

        Assert.That(m.Roads.Junctions.Length, Is.GreaterThan(100));
        Assert.That(worst, Is.LessThan(0.001));
    }
}
