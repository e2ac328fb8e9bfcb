using CityTwin.Simulation.Energy.Pv;

namespace CityTwin.Simulation.Tests.Energy.Pv;

public class RoofPvTests
{
    [Test]
    public void UsableRoofAreaM2_DefaultFraction_HalfTheFootprint()
    {
        Assert.That(RoofPv.UsableRoofAreaM2(200.0), Is.EqualTo(100.0));
    }

    [Test]
    public void UsableRoofAreaM2_TinyRoof_IsZero()
    {
        Assert.That(RoofPv.UsableRoofAreaM2(8.0), Is.EqualTo(0.0));
    }

    [Test]
    public void CapacityKWp_HundredSquareMetres_Is18Point5()
    {
        Assert.That(RoofPv.CapacityKWp(100.0), Is.EqualTo(18.5).Within(1e-12));
    }

    [Test]
    public void Adopts_ShareOfThirtyPercent_AboutThirtyPercentAdopt()
    {
        int adopters = 0;
        for (long id = 0; id < 100_000; id++)
        {
            if (RoofPv.Adopts(id, 0.3, 42))
            {
                adopters++;
            }
        }

        Assert.That(adopters / 100_000.0, Is.EqualTo(0.3).Within(0.01));
    }

    [Test]
    public void Adopts_LargerShare_KeepsEarlierAdopters()
    {
        for (long id = 0; id < 10_000; id++)
        {
            if (RoofPv.Adopts(id, 0.2, 7))
            {
                Assert.That(RoofPv.Adopts(id, 0.5, 7), Is.True, $"building {id}");
            }
        }
    }

    [Test]
    public void Adopts_DifferentSeeds_DifferentSelections()
    {
        int differ = 0;
        for (long id = 0; id < 1000; id++)
        {
            if (RoofPv.Adopts(id, 0.5, 1) != RoofPv.Adopts(id, 0.5, 2))
            {
                differ++;
            }
        }

        Assert.That(differ, Is.GreaterThan(300));
    }
}
