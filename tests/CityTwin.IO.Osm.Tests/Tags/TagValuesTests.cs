using CityTwin.IO.Osm.Tags;

namespace CityTwin.IO.Osm.Tests.Tags;

public class TagValuesTests
{
    [TestCase("1923", 1923)]
    [TestCase("1923-05-01", 1923)]
    [TestCase("~1920", 1920)]
    [TestCase("1920s", 1920)]
    [TestCase("C19", 1850)]
    [TestCase("before 1900", 1900)]
    public void TryParseYear_CommonForms(string value, int expected)
    {
        Assert.That(TagValues.TryParseYear(value, out var year), Is.True);
        Assert.That(year, Is.EqualTo(expected));
    }

    [TestCase("unknown")]
    [TestCase("12345")]
    [TestCase("")]
    public void TryParseYear_NoYear_IsFalse(string value)
    {
        Assert.That(TagValues.TryParseYear(value, out _), Is.False);
    }

    [TestCase("12", 12.0)]
    [TestCase("12.5 m", 12.5)]
    [TestCase("12,5m", 12.5)]
    [TestCase("40'", 12.192)]
    [TestCase("40 ft", 12.192)]
    public void TryParseLengthM_Units(string value, double expected)
    {
        Assert.That(TagValues.TryParseLengthM(value, out var m), Is.True);
        Assert.That(m, Is.EqualTo(expected).Within(1e-9));
    }

    [Test]
    public void TurnLanesParser_ListsLanesLeftToRight()
    {
        var lanes = TurnLanesParser.Parse("left;reverse||slight_right;merge_to_left");

        Assert.That(lanes, Is.EqualTo(new[]
        {
            Model.Roads.TurnDirections.Left | Model.Roads.TurnDirections.UTurn,
            Model.Roads.TurnDirections.Through,
            Model.Roads.TurnDirections.SlightRight | Model.Roads.TurnDirections.MergeToLeft,
        }));
    }
}
