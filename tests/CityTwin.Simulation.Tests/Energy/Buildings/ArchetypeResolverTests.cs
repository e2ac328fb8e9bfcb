using CityTwin.Simulation.Energy.Buildings;

namespace CityTwin.Simulation.Tests.Energy.Buildings;

public class ArchetypeResolverTests
{
    private static BuildingDescription Resolve(BuildingTags tags, out ArchetypeDefaults defaults)
    {
        tags.FootprintAreaM2 = tags.FootprintAreaM2 > 0 ? tags.FootprintAreaM2 : 100.0;
        return ArchetypeResolver.Resolve(tags, out defaults);
    }

    [Test]
    public void Resolve_AmenityOverridesBuilding()
    {
        BuildingDescription d = Resolve(new BuildingTags { Building = "yes", Amenity = "school", Levels = "2", Height = "8", StartDate = "1965" }, out ArchetypeDefaults defaults);
        Assert.That(d.Use, Is.EqualTo(BuildingUse.School));
        Assert.That(d.Storeys, Is.EqualTo(2));
        Assert.That(d.HeightM, Is.EqualTo(8.0));
        Assert.That(d.ConstructionYear, Is.EqualTo(1965));
        Assert.That(defaults, Is.EqualTo(ArchetypeDefaults.None));
    }

    [Test]
    public void Resolve_ShopOnUntypedBuilding_IsRetail()
    {
        Assert.That(Resolve(new BuildingTags { Building = "yes", Shop = "bakery" }, out _).Use, Is.EqualTo(BuildingUse.Retail));
    }

    [Test]
    public void Resolve_BuildingYesWithoutTags_AllDefaultsCounted()
    {
        BuildingDescription d = Resolve(new BuildingTags { Building = "yes" }, out ArchetypeDefaults defaults);
        Assert.That(d.Use, Is.EqualTo(ArchetypeResolver.DefaultUse));
        Assert.That(d.Storeys, Is.EqualTo(3));
        Assert.That(d.HeightM, Is.EqualTo(9.0));
        Assert.That(d.ConstructionYear, Is.EqualTo(1970));
        Assert.That(defaults, Is.EqualTo(ArchetypeDefaults.Use | ArchetypeDefaults.Storeys | ArchetypeDefaults.Height | ArchetypeDefaults.ConstructionYear));
    }

    [Test]
    public void Resolve_HeightWithoutLevels_StoreysFromThreeMetres()
    {
        BuildingDescription d = Resolve(new BuildingTags { Building = "apartments", Height = "18 m" }, out ArchetypeDefaults defaults);
        Assert.That(d.Storeys, Is.EqualTo(6));
        Assert.That(defaults.HasFlag(ArchetypeDefaults.Storeys), Is.False);
    }

    [Test]
    public void Resolve_LevelsPlusRoofLevels_Added()
    {
        Assert.That(Resolve(new BuildingTags { Building = "house", Levels = "2", RoofLevels = "1" }, out _).Storeys, Is.EqualTo(3));
    }

    [Test]
    public void Resolve_UnparsableLevelsAndDate_FallBackAndCounted()
    {
        BuildingDescription d = Resolve(new BuildingTags { Building = "house", Levels = "many", StartDate = "old" }, out ArchetypeDefaults defaults);
        Assert.That(d.Storeys, Is.EqualTo(2));
        Assert.That(defaults.HasFlag(ArchetypeDefaults.Storeys), Is.True);
        Assert.That(defaults.HasFlag(ArchetypeDefaults.ConstructionYear), Is.True);
    }

    [Test]
    public void Resolve_TinyHeightOnTallBuilding_AtLeastOneMetrePerStorey()
    {
        Assert.That(Resolve(new BuildingTags { Building = "office", Levels = "5", Height = "2" }, out _).HeightM, Is.EqualTo(5.0));
    }

    [TestCase("3;4", 4.0)]
    [TestCase("2.5", 2.5)]
    [TestCase(" 7 ", 7.0)]
    [TestCase("x", null)]
    [TestCase(null, null)]
    public void ParseLevels_Values_Parsed(string? text, double? expected)
    {
        Assert.That(ArchetypeResolver.ParseLevels(text), Is.EqualTo(expected));
    }

    [TestCase("12", 12.0)]
    [TestCase("12.5 m", 12.5)]
    [TestCase("12m", 12.0)]
    [TestCase("40'", 12.192)]
    [TestCase("40 ft", 12.192)]
    [TestCase("-3", null)]
    [TestCase("tall", null)]
    public void ParseHeightM_Values_Parsed(string text, double? expected)
    {
        double? v = ArchetypeResolver.ParseHeightM(text);
        if (expected is null)
        {
            Assert.That(v, Is.Null);
        }
        else
        {
            Assert.That(v, Is.EqualTo(expected.Value).Within(1e-9));
        }
    }

    [TestCase("1905", 1905)]
    [TestCase("~1890", 1890)]
    [TestCase("1960-05-01", 1960)]
    [TestCase("1890..1900", 1890)]
    [TestCase("C19", 1900)]
    [TestCase("early 12345", null)]
    [TestCase("unknown", null)]
    public void ParseYear_Values_Parsed(string text, int? expected)
    {
        Assert.That(ArchetypeResolver.ParseYear(text), Is.EqualTo(expected));
    }

    [TestCase("apartments", BuildingUse.MultiResidential)]
    [TestCase("detached", BuildingUse.SingleResidential)]
    [TestCase("townhall", BuildingUse.Office)]
    [TestCase("supermarket", BuildingUse.Retail)]
    [TestCase("pub", BuildingUse.Restaurant)]
    [TestCase("clinic", BuildingUse.Hospital)]
    [TestCase("university", BuildingUse.School)]
    [TestCase("sports_hall", BuildingUse.Gym)]
    [TestCase("hotel", BuildingUse.Hotel)]
    [TestCase("industrial", BuildingUse.Industrial)]
    [TestCase("garages", BuildingUse.Unconditioned)]
    [TestCase("transformer_tower", BuildingUse.Unconditioned)]
    public void UseFromTag_CeaMapping_Mapped(string tag, BuildingUse expected)
    {
        Assert.That(ArchetypeResolver.UseFromTag(tag), Is.EqualTo(expected));
    }

    [Test]
    public void UseFromTag_Yes_Unmapped()
    {
        Assert.That(ArchetypeResolver.UseFromTag("yes"), Is.Null);
    }

    [Test]
    public void ResolveAll_MixedTags_CountsEachDefault()
    {
        BuildingTags[] tags =
        [
            new() { Building = "yes", FootprintAreaM2 = 100 },
            new() { Building = "house", Levels = "2", StartDate = "1990", FootprintAreaM2 = 100 },
            new() { Building = "office", Height = "12", FootprintAreaM2 = 100 },
        ];
        var descriptions = new BuildingDescription[3];
        ArchetypeDefaultCounts counts = ArchetypeDefaultCounts.ResolveAll(tags, descriptions);
        Assert.That(counts.Buildings, Is.EqualTo(3));
        Assert.That(counts.Use, Is.EqualTo(1));
        Assert.That(counts.Storeys, Is.EqualTo(1));
        Assert.That(counts.Height, Is.EqualTo(2));
        Assert.That(counts.ConstructionYear, Is.EqualTo(2));
        Assert.That(descriptions[2].Storeys, Is.EqualTo(4));
    }
}
