using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Energy;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Coupling;

/// <summary>Whole-city sanity of the building energy model on real OSM extracts (energy.md §7).</summary>
public class CityBuildingsTests
{
    [TestCase("monaco-2016.osm.pbf", 1)]
    [TestCase("bad-hersfeld-2021.osm.gz", 1)]
    public void WholeCityYear_NoEmptyOrNegativeBuildings_HeatingIntensityPlausible(string file, int utcOffsetHours)
    {
        var city = CouplingCities.ImportOrIgnore(file);
        var descriptions = CityBuildings.Describe(city, out var defaults);
        Assert.That(descriptions, Has.Length.EqualTo(city.Buildings.Count));
        Assert.That(descriptions.All(d => d.FootprintAreaM2 > 0 && d.Storeys > 0), Is.True, "every building has a footprint and storeys");

        var weather = SyntheticWeather.Create(city.Projection.CentreLatDeg, city.Projection.CentreLonDeg, utcOffsetHours);
        var result = EnergyYearRunner.Run(descriptions, weather);
        var floor = result.FloorAreaM2.Sum();
        var heatingPerM2 = result.HeatingKWh.Sum() / floor;
        TestContext.Out.WriteLine($"{file}: {descriptions.Length} buildings, {floor / 1e6:F2} km² floor, heating {heatingPerM2:F1} kWh/m²a, " +
            $"cooling {result.CoolingKWh.Sum() / floor:F1} kWh/m²a, skipped {result.SkippedCount}, defaults: {defaults}");
        Assert.That(result.HeatingKWh.All(h => h >= 0) && result.CoolingKWh.All(c => c >= 0), Is.True, "no negative demand");
        Assert.That(Enumerable.Range(0, descriptions.Length).Where(i => result.Simulated[i]).All(i => result.FloorAreaM2[i] > 0), Is.True,
            "no simulated building with zero floor area");
        Assert.That(result.SkippedCount, Is.LessThan(descriptions.Length / 20), "few buildings skipped (and counted)");
        Assert.That(result.HeatingKWh.Zip(result.Simulated).Count(x => x.Second && double.IsNaN(x.First)), Is.Zero);
        // The archetype tables (TABULA/BMVBS) span roughly 15–250 kWh/m²a of heating need for central-European stock;
        // the synthetic clear-sky year has more sun than a real one, so the city average sits in the lower part.
        Assert.That(heatingPerM2, Is.InRange(5, 250));
    }

    [Test]
    public void MappedFeeders_BadHersfeld_EachBuildingOnItsNearestMappedSubstationOrTransformer()
    {
        var city = CouplingCities.ImportOrIgnore("bad-hersfeld-2021.osm.gz");
        var descriptions = CityBuildings.Describe(city, out _);
        var sources = city.Assets.FeederSources();
        var feeders = CityBuildings.MappedFeeders(city, descriptions);
        Assert.That(feeders, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(feeders!.Generated, Is.False);
            Assert.That(feeders.FeederCount, Is.EqualTo(sources.Length));
            for (var i = 0; i < descriptions.Length; i += 97)
            {
                var d = descriptions[i];
                var nearest = Enumerable.Range(0, sources.Length)
                    .MinBy(s => Math.Pow(sources[s].Position.XM - d.X, 2) + Math.Pow(sources[s].Position.YM - d.Y, 2));
                Assert.That(feeders.FeederOfBuilding[i], Is.EqualTo(nearest));
            }
        });

        var monaco = CouplingCities.ImportOrIgnore("monaco-2016.osm.pbf");
        Assert.That(CityBuildings.MappedFeeders(monaco, CityBuildings.Describe(monaco, out _)), Is.Null, "none mapped: clustering");
    }
}
