using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Tests.Coupling;

public class TrafficLightingTests
{
    private static (TrafficLighting Lighting, int Lamps) Run(DateTime start, bool led, PresenceSettings? presence, DimmingProgram? dimming = null,
        int steps = 900)
    {
        var city = CouplingCities.ImportOrIgnore("helsinki-centre-2019.osm.pbf");
        using var traffic = CouplingCities.Traffic(city, trips: 150, departS: 600);
        var technology = led ? LuminaireTechnology.Led : LuminaireTechnology.HighPressureSodium;
        var luminaires = Enumerable.Repeat(Luminaire.Typical(LightingClass.M4, technology), city.Lamps.Count).ToArray();
        var lighting = new TrafficLighting(traffic, city, start, utcOffsetHours: 2, luminaires, dimming, presence);
        for (var t = 0; t < steps; t++)
        {
            traffic.Step();
            lighting.Observe();
        }

        return (lighting, city.Lamps.Count);
    }

    private static readonly DateTime Night = new(2019, 11, 20, 22, 0, 0);

    [Test]
    public void BatchedExpiry_BooksExactlyWhatAScanEveryStepBooks()
    {
        var city = CouplingCities.ImportOrIgnore("helsinki-centre-2019.osm.pbf");
        var luminaires = Enumerable.Repeat(Luminaire.Typical(LightingClass.M4, LuminaireTechnology.Led), city.Lamps.Count).ToArray();
        LampEnergyLedger Ledger(int batch)
        {
            using var traffic = CouplingCities.Traffic(city, trips: 150, departS: 600);
            var lighting = new TrafficLighting(traffic, city, Night, 2, luminaires, null, new PresenceSettings(HoldTimeMs: 7_500))
            {
                ExpiryBatchSteps = batch,
            };
            for (var t = 0; t < 700; t++)
            {
                traffic.Step();
                lighting.Observe();
            }

            return lighting.Ledger;
        }

        var everyStep = Ledger(1);
        var batched = Ledger(16);
        Assert.Multiple(() =>
        {
            Assert.That(everyStep.BoostedS.Sum(), Is.GreaterThan(0), "some lamps were boosted and released");
            Assert.That(batched.EnergyWh, Is.EqualTo(everyStep.EnergyWh).Within(1e-9));
            Assert.That(batched.BoostedS, Is.EqualTo(everyStep.BoostedS).Within(1e-9));
            Assert.That(batched.DimmedS, Is.EqualTo(everyStep.DimmedS).Within(1e-9));
        });
    }

    [Test]
    public void PresenceAdaptiveLed_UsesFarLessEnergyThanHpsAtFullPower_AndBoostsOnlySomeLamps()
    {
        var (baseline, lamps) = Run(Night, led: false, presence: null);
        var (adaptive, _) = Run(Night, led: true, presence: new PresenceSettings());
        Assert.That(lamps, Is.GreaterThan(1000), "Helsinki centre has mapped and generated lamps");
        var baselineKWh = baseline.Ledger.TotalKWh();
        var adaptiveKWh = adaptive.Ledger.TotalKWh();
        TestContext.Out.WriteLine($"HPS full: {baselineKWh:F1} kWh, LED adaptive: {adaptiveKWh:F1} kWh, detections {adaptive.Detections}");
        Assert.That(baseline.Ledger.BurningS.All(s => s == 900), Is.True, "every lamp burns through the 15 night minutes");
        Assert.That(adaptiveKWh, Is.LessThan(baselineKWh * 0.5));
        var boosted = adaptive.Ledger.BoostedS.Count(s => s > 0);
        Assert.That(boosted, Is.GreaterThan(lamps / 20), "lamps along driven streets were boosted");
        Assert.That(boosted, Is.LessThan(lamps), "lamps on streets without traffic stayed dimmed");
        Assert.That(adaptive.Detections, Is.GreaterThan(0));

        var lampRows = adaptive.LampRows();
        Assert.That(lampRows, Has.Count.EqualTo(lamps));
        Assert.That(lampRows.Sum(r => r.EnergyKWh), Is.EqualTo(adaptiveKWh).Within(1e-9).Percent);
        Assert.That(lampRows.All(r => r.BurningH == 0.25 && r.BoostedShare is >= 0 and <= 1 && r.DimmedShare is >= 0 and <= 1), Is.True);
        var roads = adaptive.RoadRows();
        Assert.That(roads.Sum(r => r.Lamps), Is.EqualTo(lampRows.Count(r => r.Edge >= 0)));
        Assert.That(roads, Is.Ordered.Descending.By(nameof(RoadLightingRow.EnergyKWh)));
    }

    [Test]
    public void Daytime_LampsAreOff()
    {
        var (day, _) = Run(new DateTime(2019, 6, 20, 12, 0, 0), led: true, presence: new PresenceSettings(), steps: 300);
        Assert.That(day.Ledger.TotalKWh(), Is.Zero);
        Assert.That(day.Ledger.BurningS.Sum(), Is.Zero);
    }

    [Test]
    public void FixedDimming_HalvesLevelAfter22h_WithoutPresence()
    {
        var (full, _) = Run(Night, led: true, presence: null, steps: 300);
        var (dimmed, _) = Run(Night, led: true, presence: null, dimming: DimmingProgram.D60, steps: 300);
        var ratio = dimmed.Ledger.TotalKWh() / full.Ledger.TotalKWh();
        // D60: 50% from 22:00; an LED's power follows its level (with a small driver floor), so energy roughly halves.
        Assert.That(ratio, Is.InRange(0.45, 0.65));
    }
}
