using CityTwin.IO.Osm.Energy;
using CityTwin.IO.Osm.Tests.TestSupport;
using CityTwin.Model.Energy;

namespace CityTwin.IO.Osm.Tests.Energy;

public class GridAssetBuilderTests
{
    [TestCase("22 kW", 22.0)]
    [TestCase("3.7kW", 3.7)]
    [TestCase("11000 W", 11.0)]
    [TestCase("50 kW;22 kW", 50.0)]
    [TestCase("0.63 MVA", 630.0)]
    [TestCase("630 kVA", 630.0)]
    [TestCase("22", 22.0)]
    [TestCase("7,4 kW", 7.4)]
    public void TryParsePowerKW_ReadsTheUsualForms(string value, double expected)
    {
        Assert.That(GridAssetBuilder.TryParsePowerKW(value, out var kw), Is.True);
        Assert.That(kw, Is.EqualTo(expected).Within(1e-9));
    }

    [TestCase("")]
    [TestCase("fast")]
    [TestCase("22 horsepower")]
    [TestCase("0 kW")]
    public void TryParsePowerKW_RefusesWhatItCannotRead(string value) =>
        Assert.That(GridAssetBuilder.TryParsePowerKW(value, out _), Is.False);

    [Test]
    public void RealCities_MappedAssetsAreReadAndCounted()
    {
        foreach (var (name, city) in new[] { ("Monaco", ImportedCities.Monaco), ("Helsinki", ImportedCities.Helsinki), ("Bad Hersfeld", ImportedCities.BadHersfeld) })
        {
            var sources = city.Assets.FeederSources();
            var chargers = city.Assets.ChargingStations();
            TestContext.Out.WriteLine($"{name}: {sources.Count(a => a.Kind == GridAssetKind.Substation)} substations, " +
                $"{sources.Count(a => a.Kind == GridAssetKind.Transformer)} transformers, {chargers.Length} charging stations " +
                $"({chargers.Count(c => !double.IsNaN(c.PowerKW))} with power, {chargers.Count(c => c.Capacity > 0)} with capacity)");
            var reported = city.Report.Entries.Where(e => e.Category == "grid" && e.Severity == Model.Reporting.ReportSeverity.Info).Sum(e => e.Count);
            Assert.That(reported, Is.EqualTo(city.Assets.Count), $"{name}: every asset is counted in the import report");
            Assert.That(city.Assets.Assets.ToArray().All(a => double.IsFinite(a.Position.XM) && double.IsFinite(a.Position.YM)), Is.True);
        }

        Assert.That(ImportedCities.BadHersfeld.Assets.FeederSources(), Is.Not.Empty, "Bad Hersfeld maps substations or transformers");
    }
}
