using CityTwin.Ecs.Timing;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Engine;

namespace CityTwin.IO.Sumo.Tests;

public sealed class SumoAdditionalReaderTests
{
    [TestCase("bologna-acosta/acosta_buslanes.net.xml", "bologna-acosta/acosta_tls.add.xml", "bologna-acosta/acosta_detectors.add.xml", "bologna-acosta/acosta_bus_stops.add.xml")]
    [TestCase("bologna-joined/joined_buslanes.net.xml", "bologna-joined/joined_tls.add.xml", "bologna-joined/joined_detectors.add.xml", "bologna-joined/joined_bus_stops.add.xml")]
    public void Bologna_tls_overrides_detectors_and_bus_stops(string netFile, string tlsFile, string detectorFile, string stopFile)
    {
        var net = SumoNetReader.Read(SharedData.SumoFile(netFile));
        var tls = SharedData.SumoFile(tlsFile);
        var detectors = SharedData.SumoFile(detectorFile);
        var stops = SharedData.SumoFile(stopFile);
        var expected = RouteCounts.Of(tls, detectors, stops);
        var tlsCounts = NetCounts.Of(tls);
        var add = SumoAdditionalReader.Read(net, tls, detectors, stops);
        Assert.Multiple(() =>
        {
            Assert.That(add.Detectors, Has.Count.EqualTo(expected["e1Detector"]));
            Assert.That(add.Report.CountOf("additional", "busStop read and ignored (stops are not simulated)"), Is.EqualTo(expected["busStop"]));
            Assert.That(add.SignalPlans, Has.Count.EqualTo(tlsCounts.PhaseDurations.Count), "one plan per tlLogic id");
        });
        foreach (var (program, plan) in add.SignalPlans)
        {
            var durations = tlsCounts.PhaseDurations[net.TrafficLightIds[program]];
            Assert.That(plan.Phases.Select(p => (double)p.DurationS), Is.EqualTo(durations.Select(d => Math.Max(1, Math.Round(d)))));
            Assert.That(plan.Phases.All(p => p.MinDurationS <= p.DurationS && p.DurationS <= p.MaxDurationS), Is.True);
        }

        using var sim = new TrafficSimulation(net.Model.Roads, [Traffic.Vehicles.VehicleType.SumoDefault]);
        SumoAdditionalReader.Apply(add, sim.Signals, sim.Detectors);
        Assert.That(sim.Detectors, Has.Count.EqualTo(add.Detectors.Count));
        sim.RunUntil(SimTime.FromSeconds(10L));
    }

    [Test]
    public void Detector_lands_on_the_named_lane()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var add = SumoAdditionalReader.Read(net, SharedData.SumoFile("bologna-acosta/acosta_detectors.add.xml"));
        var loop = add.Detectors.First(d => d.Id == "0.127_2.73_6_1__l1");
        Assert.That(net.TryGetLane("104_1", out var lane), Is.True);
        Assert.That((loop.Lane, loop.PosM, loop.IntervalMs), Is.EqualTo((lane, 23.0, 1_800_000L)));
        Assert.That(net.Model.Roads.Lanes[lane].IndexFromRight, Is.EqualTo(1));
    }
}
