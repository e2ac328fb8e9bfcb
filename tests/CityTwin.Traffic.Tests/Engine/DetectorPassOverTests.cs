using CityTwin.Ecs.Timing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.Engine;

/// <summary>Induction loops on lanes a vehicle enters and leaves within one step (SUMO's 1 m pieces between junctions).</summary>
public class DetectorPassOverTests
{
    [TestCase(0.0)]
    [TestCase(0.5)]
    public void LoopOnAOneMetrePiece_CountsEveryVehiclePassingOverIt(double loopPosM)
    {
        // 200 m → 1.1 m piece → 200 m; free flow at 13.9 m/s, so every vehicle crosses the piece within a step.
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(200, 0);
        var j2 = b.Junction(201.1, 0);
        var j3 = b.Junction(401.1, 0);
        var approach = b.Edge(j0, j1);
        var piece = b.Edge(j1, j2);
        var exit = b.Edge(j2, j3);
        b.ConnectAll(approach, piece);
        b.ConnectAll(piece, exit);
        var network = b.Build();
        using var sim = new TrafficSimulation(network, [VehicleType.SumoDefault with { Sigma = 0 }], new TrafficOptions { Seed = 1 });
        var onPiece = new InductionLoop("piece", network.Edges[piece].FirstLane, loopPosM, intervalMs: 600_000);
        var onExit = new InductionLoop("exit", network.Edges[exit].FirstLane, 100, intervalMs: 600_000);
        sim.Detectors.Add(onPiece);
        sim.Detectors.Add(onExit);
        for (var i = 0; i < 20; i++)
        {
            sim.Schedule(new ScheduledTrip($"v{i}", i * 5_000L, 0, [approach, piece, exit]) { DepartSpeed = DepartSpeed.Desired });
        }

        sim.RunUntil(SimTime.FromSeconds(600L));
        Assert.That(sim.Arrived, Is.EqualTo(20));
        Assert.That(onExit.Rows.Single().Count, Is.EqualTo(20));
        Assert.That(onPiece.Rows.Single().Count, Is.EqualTo(20), "vehicles passing over the piece within a step are counted");
        Assert.That(onPiece.Rows.Single().MeanSpeedMps, Is.GreaterThan(10));
    }
}
