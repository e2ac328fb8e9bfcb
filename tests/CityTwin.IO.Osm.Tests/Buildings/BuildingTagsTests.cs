using CityTwin.IO.Osm.Buildings;
using CityTwin.Model.Buildings;
using OsmSharp.Tags;

namespace CityTwin.IO.Osm.Tests.Buildings;

public class BuildingTagsTests
{
    [TestCase("yes", null, null, BuildingUse.Unknown)]
    [TestCase("apartments", null, null, BuildingUse.Residential)]
    [TestCase("yes", "school", null, BuildingUse.Education)]
    [TestCase("yes", null, "bakery", BuildingUse.Commercial)]
    [TestCase("church", null, null, BuildingUse.Religious)]
    [TestCase("hangar", null, null, BuildingUse.Other)]
    public void Fill_UseTags_MapToBroadUse(string building, string? amenity, string? shop, BuildingUse expected)
    {
        var tags = new TagsCollection(new Tag("building", building));
        if (amenity != null)
        {
            tags.Add(new Tag("amenity", amenity));
        }

        if (shop != null)
        {
            tags.Add(new Tag("shop", shop));
        }

        var b = new Building();
        BuildingTags.Fill(tags, new OsmImportOptions(), ref b);

        Assert.That(b.Use, Is.EqualTo(expected));
    }

    [Test]
    public void Fill_NothingTagged_UsesDefaultStoreys()
    {
        var b = new Building();
        BuildingTags.Fill(new TagsCollection(new Tag("building", "yes")), new OsmImportOptions { DefaultLevels = 3, StoreyHeightM = 2.5 }, ref b);

        Assert.That((b.Levels, b.HeightM, b.HeightSource), Is.EqualTo(((short)3, 7.5f, HeightSource.Default)));
        Assert.That(b.StartYear, Is.EqualTo(0));
    }

    [Test]
    public void IsBuilding_BuildingNo_IsFalse()
    {
        Assert.That(BuildingTags.IsBuilding(new TagsCollection(new Tag("building", "no"))), Is.False);
        Assert.That(BuildingTags.IsBuilding(new TagsCollection(new Tag("building", "garage"))), Is.True);
        Assert.That(BuildingTags.IsBuilding(null), Is.False);
    }
}
