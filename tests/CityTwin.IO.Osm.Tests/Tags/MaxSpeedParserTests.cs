using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Osm.Tests.Tags;

public class MaxSpeedParserTests
{
    [TestCase("50", 50.0)]
    [TestCase("50 km/h", 50.0)]
    [TestCase("30 mph", 48.28032)]
    [TestCase("walk", 7.0)]
    [TestCase("DE:urban", 50.0)]
    [TestCase("DE:rural", 100.0)]
    [TestCase("DE:zone30", 30.0)]
    [TestCase("DE:zone:20", 20.0)]
    [TestCase("DE:living_street", 7.0)]
    [TestCase("FR:rural", 80.0)]
    [TestCase("FR:motorway", 130.0)]
    [TestCase("GB:nsl_single", 96.56064)]
    [TestCase("70;50", 70.0)]
    [TestCase("none", 130.0)]
    public void TryParse_KnownForms_GiveKmh(string value, double expected)
    {
        Assert.That(MaxSpeedParser.TryParse(value, RoadClass.Primary, out var kmh), Is.True);
        Assert.That(kmh, Is.EqualTo(expected).Within(1e-6));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("signals")]
    [TestCase("fast")]
    [TestCase("-20")]
    public void TryParse_UnknownForms_AreRejected(string? value)
    {
        Assert.That(MaxSpeedParser.TryParse(value, RoadClass.Primary, out _), Is.False);
    }

    [TestCase(RoadClass.Motorway, 130.0)]
    [TestCase(RoadClass.Residential, 50.0)]
    [TestCase(RoadClass.LivingStreet, 7.0)]
    [TestCase(RoadClass.Service, 20.0)]
    public void DefaultKmh_ByClass(RoadClass roadClass, double expected)
    {
        Assert.That(MaxSpeedParser.DefaultKmh(roadClass), Is.EqualTo(expected));
    }
}
