using CityTwin.Ecs.Core;
using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.Vehicles;

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

    private static readonly QueryDescription AllVehicles = new QueryDescription().WithAll<Kinematics, VehicleRoute>();

    private static readonly DateTime Night = new(2019, 11, 20, 22, 0, 0);

    [TestCase(7_500, 2, 30.0, false)]
    [TestCase(7_500, 2, 30.0, true)]
    [TestCase(60_000, 2, 30.0, true)]
    [TestCase(3_000, 0, 12.0, false)]
    public void EventBasedPresence_BooksExactlyWhatAScanOfEveryVehicleAndLampEveryStepBooks(long holdMs, int spread, double rangeM, bool overlapped)
    {
        var city = CouplingCities.ImportOrIgnore("helsinki-centre-2019.osm.pbf");
        var luminaire = Luminaire.Typical(LightingClass.M4, LuminaireTechnology.Led);
        var luminaires = Enumerable.Repeat(luminaire, city.Lamps.Count).ToArray();
        var settings = new PresenceSettings(HoldTimeMs: holdMs, NeighbourSpread: spread, DetectionRangeM: rangeM);
        using var traffic = CouplingCities.Traffic(city, trips: 150, departS: 600);
        var lighting = new TrafficLighting(traffic, city, Night, 2, luminaires, null, settings) { Overlapped = overlapped };

        // The reference: every step, every vehicle against every lamp of its edge, then every lamp's level booked.
        var reference = new PresenceAdaptiveControl(city.Lamps.Count, settings.BaseLevel, settings.BoostLevel, holdMs, spread);
        var referenceLedger = new LampEnergyLedger(luminaires);
        long referenceDetections = 0;
        var detected = new HashSet<int>();
        for (var t = 0; t < 900; t++)
        {
            traffic.Step();
            lighting.Observe();
            var nowMs = traffic.Clock.Now.Milliseconds;
            detected.Clear();
            traffic.World.Query(in AllVehicles, (ref Kinematics k, ref VehicleRoute r) =>
            {
                var edge = traffic.Network.Lanes[k.Lane].Edge;
                var offsets = lighting.LampOffsetsOf(edge);
                var indices = lighting.LampIndicesOf(edge);
                var backM = k.PosM - traffic.Types[r.Type].LengthM;
                for (var i = 0; i < offsets.Length; i++)
                {
                    if (offsets[i] >= backM - rangeM && offsets[i] <= k.PosM + rangeM && detected.Add(indices[i]))
                    {
                        reference.Detect(indices[i], nowMs);
                    }
                }
            });

            referenceDetections += detected.Count;
            for (var i = 0; i < city.Lamps.Count; i++)
            {
                var boosted = reference.IsBoosted(i, nowMs);
                referenceLedger.Record(i, boosted ? settings.BoostLevel : settings.BaseLevel, 1.0, boosted);
            }
        }

        var ledger = lighting.Ledger;
        Assert.Multiple(() =>
        {
            Assert.That(referenceLedger.BoostedS.Sum(), Is.GreaterThan(0), "some lamps were boosted");
            Assert.That(referenceLedger.BoostedS.Count(s => s is > 0 and < 900), Is.GreaterThan(10), "some boosts ended");
            Assert.That(lighting.Detections, Is.EqualTo(referenceDetections));
            Assert.That(ledger.BoostedS, Is.EqualTo(referenceLedger.BoostedS).Within(1e-6));
            Assert.That(ledger.EnergyWh, Is.EqualTo(referenceLedger.EnergyWh).Within(1e-6));
            Assert.That(ledger.DimmedS, Is.EqualTo(referenceLedger.DimmedS).Within(1e-6));
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
