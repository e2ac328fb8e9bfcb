using CityTwin.IO.Osm.Tags;
using CityTwin.Model.Roads;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Tests.Tags;

public class RoadTagsTests
{
    private static RoadAttributes? Interpret(out string? skip, params string[] kv)
    {
        var tags = new TagsCollection();
        for (var i = 0; i < kv.Length; i += 2)
        {
            tags.Add(new Tag(kv[i], kv[i + 1]));
        }

        return RoadTags.Interpret(tags, out skip);
    }

    [TestCase("yes", true, false)]
    [TestCase("-1", false, true)]
    [TestCase("no", true, true)]
    [TestCase(null, true, true)]
    public void Interpret_Oneway_SetsDirections(string? oneway, bool forward, bool backward)
    {
        var a = oneway == null ? Interpret(out _, "highway", "residential") : Interpret(out _, "highway", "residential", "oneway", oneway);

        Assert.That((a!.Forward, a.Backward), Is.EqualTo((forward, backward)));
    }

    [Test]
    public void Interpret_RoundaboutAndMotorway_AreImpliedOneway()
    {
        Assert.That(Interpret(out _, "highway", "primary", "junction", "roundabout")!.Backward, Is.False);
        Assert.That(Interpret(out _, "highway", "motorway")!.Backward, Is.False);
        Assert.That(Interpret(out _, "highway", "motorway", "oneway", "no")!.Backward, Is.True);
        Assert.That(Interpret(out _, "highway", "primary", "junction", "roundabout")!.Flags & EdgeFlags.Roundabout, Is.EqualTo(EdgeFlags.Roundabout));
    }

    [TestCase("3", null, null, 2, 1)]
    [TestCase("4", null, null, 2, 2)]
    [TestCase("3", "1", null, 1, 2)]
    [TestCase(null, "2", "1", 2, 1)]
    [TestCase("5", null, "3", 2, 3)]
    public void Interpret_TwoWayLanes_SplitPerDirection(string? lanes, string? forward, string? backward, int expectedForward, int expectedBackward)
    {
        var kv = new List<string> { "highway", "secondary" };
        if (lanes != null)
        {
            kv.AddRange(["lanes", lanes]);
        }

        if (forward != null)
        {
            kv.AddRange(["lanes:forward", forward]);
        }

        if (backward != null)
        {
            kv.AddRange(["lanes:backward", backward]);
        }

        var a = Interpret(out _, kv.ToArray())!;

        Assert.That((a.LanesForward, a.LanesBackward), Is.EqualTo((expectedForward, expectedBackward)));
    }

    [TestCase(RoadTags.NotDrivable, "highway", "footway")]
    [TestCase(RoadTags.NotDrivable, "highway", "track")]
    [TestCase(RoadTags.AreaHighway, "highway", "service", "area", "yes")]
    [TestCase(RoadTags.MinorService, "highway", "service", "service", "driveway")]
    [TestCase(RoadTags.NoCarAccess, "highway", "residential", "access", "private")]
    [TestCase(RoadTags.NoCarAccess, "highway", "residential", "motor_vehicle", "no")]
    [TestCase(RoadTags.NoCarAccess, "highway", "primary", "access", "no", "bus", "yes")]
    [TestCase(RoadTags.Reversible, "highway", "primary", "oneway", "reversible")]
    public void Interpret_Exclusions_GiveTheReason(string reason, params string[] kv)
    {
        Assert.That(Interpret(out var skip, kv), Is.Null);
        Assert.That(skip, Is.EqualTo(reason));
    }

    [Test]
    public void Interpret_MoreSpecificAccessWins()
    {
        Assert.That(Interpret(out _, "highway", "residential", "access", "no", "motor_vehicle", "destination"), Is.Not.Null);
        Assert.That(Interpret(out _, "highway", "residential", "access", "destination"), Is.Not.Null);
    }

    [Test]
    public void Interpret_TurnLanes_OnlyWhenCountMatches()
    {
        var ok = Interpret(out _, "highway", "primary", "oneway", "yes", "lanes", "2", "turn:lanes", "left|through;right")!;
        var bad = Interpret(out _, "highway", "primary", "oneway", "yes", "lanes", "3", "turn:lanes", "left|through")!;

        Assert.That(ok.TurnsForward, Is.EqualTo(new[] { TurnDirections.Left, TurnDirections.Through | TurnDirections.Right }));
        Assert.That(bad.TurnsForward, Is.Null);
    }

    [Test]
    public void Interpret_VehicleClasses_FollowTags()
    {
        var motorway = Interpret(out _, "highway", "motorway")!;
        var street = Interpret(out _, "highway", "residential", "hgv", "no", "lit", "yes")!;

        Assert.That(motorway.Allowed & VehicleClasses.Bicycle, Is.EqualTo(VehicleClasses.None));
        Assert.That(street.Allowed & VehicleClasses.Truck, Is.EqualTo(VehicleClasses.None));
        Assert.That(street.Allowed & VehicleClasses.Passenger, Is.EqualTo(VehicleClasses.Passenger));
        Assert.That(street.Flags & EdgeFlags.Lit, Is.EqualTo(EdgeFlags.Lit));
    }
}
