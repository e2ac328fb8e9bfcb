using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Tests.Lighting;

/// <summary>EN 13201-2:2015 table lookups (energy.md §3.1).</summary>
public class En13201Tests
{
    [Test]
    public void Requirement_M3_Luminance1Uniformities040And060()
    {
        En13201Requirement r = En13201.Requirement(LightingClass.M3);
        Assert.That(r.AverageLuminanceCdM2, Is.EqualTo(1.00));
        Assert.That(r.OverallUniformity, Is.EqualTo(0.40));
        Assert.That(r.LongitudinalUniformity, Is.EqualTo(0.60));
        Assert.That(r.ThresholdIncrementPercent, Is.EqualTo(15));
        Assert.That(r.EdgeIlluminationRatio, Is.EqualTo(0.30));
    }

    [TestCase(LightingClass.M1, 2.00, 0.40, 0.70)]
    [TestCase(LightingClass.M5, 0.50, 0.35, 0.40)]
    [TestCase(LightingClass.M6, 0.30, 0.35, 0.40)]
    public void Requirement_MClasses_TableValues(LightingClass c, double luminance, double u0, double ul)
    {
        En13201Requirement r = En13201.Requirement(c);
        Assert.That(r.AverageLuminanceCdM2, Is.EqualTo(luminance));
        Assert.That(r.OverallUniformity, Is.EqualTo(u0));
        Assert.That(r.LongitudinalUniformity, Is.EqualTo(ul));
    }

    [Test]
    public void Requirement_C5_SevenPointFiveLux()
    {
        Assert.That(En13201.Requirement(LightingClass.C5).AverageIlluminanceLx, Is.EqualTo(7.5));
    }

    [Test]
    public void Requirement_P3_AverageAndMinimum()
    {
        En13201Requirement r = En13201.Requirement(LightingClass.P3);
        Assert.That(r.AverageIlluminanceLx, Is.EqualTo(7.5));
        Assert.That(r.MinimumIlluminanceLx, Is.EqualTo(1.5));
        Assert.That(double.IsNaN(r.AverageLuminanceCdM2), Is.True);
    }

    [TestCase("primary", LightingClass.M3)]
    [TestCase("residential", LightingClass.P3)]
    [TestCase("motorway", LightingClass.M2)]
    public void ForHighway_RoadClasses_Mapped(string highway, LightingClass expected)
    {
        Assert.That(En13201.ForHighway(highway), Is.EqualTo(expected));
    }

    [Test]
    public void ForHighway_NotARoad_Null()
    {
        Assert.That(En13201.ForHighway("platform"), Is.Null);
    }
}
