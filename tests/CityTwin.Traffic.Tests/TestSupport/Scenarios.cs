using CityTwin.Model.Roads;
using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>Shared set-ups: parameter sets from the literature and vehicles placed on rings.</summary>
public static class Scenarios
{
    /// <summary>IDM parameter sets (Treiber &amp; Kesting 2013, Table 11.2; traffic.md §5.1).</summary>
    public static VehicleType IdmHighway { get; } = Idm("idm-highway", 120 / 3.6, 1.0, 2, 1.0, 1.5, 5);

    public static VehicleType IdmCity { get; } = Idm("idm-city", 15, 1.0, 2, 1.0, 1.5, 5);

    public static VehicleType Idm2000 { get; } = Idm("idm-2000", 120 / 3.6, 1.6, 2, 0.73, 1.67, 5);

    public static VehicleType Idm(string id, double v0, double t, double s0, double a, double b, double l) => new()
    {
        Id = id, Model = CarFollowModel.Idm, MaxSpeedMps = v0, TauS = t, MinGapM = s0, AccelMps2 = a, DecelMps2 = b,
        LengthM = l, SpeedFactorDev = 0, EmergencyDecelMps2 = 9,
    };

    /// <summary>Places <paramref name="count"/> vehicles evenly on a ring, all at <paramref name="speedMps"/>, each
    /// with a route of <paramref name="laps"/> laps.</summary>
    public static TrafficSimulation OnRing(RoadNetwork network, int[] ringEdges, double ringLengthM, int count, VehicleType type,
        double speedMps, int laps = 200, TrafficOptions? options = null, Func<int, double>? positionOffsetM = null)
    {
        var sim = new TrafficSimulation(network, [type], options ?? new TrafficOptions { DiscretionaryLaneChanges = false });
        var segmentM = ringLengthM / ringEdges.Length;
        var spacing = ringLengthM / count;
        for (var i = 0; i < count; i++)
        {
            // Front positions from the end of the ring backwards, so vehicle 0 leads.
            var front = ringLengthM - i * spacing - 0.001 + (positionOffsetM?.Invoke(i) ?? 0);
            var segment = Math.Min((int)(front / segmentM), ringEdges.Length - 1);
            var route = Enumerable.Range(0, laps * ringEdges.Length).Select(k => ringEdges[(segment + k) % ringEdges.Length]).ToArray();
            sim.Schedule(new ScheduledTrip($"v{i}", 0, 0, route) { DepartPos = DepartPos.Given(front - segment * segmentM), DepartSpeed = DepartSpeed.Given(speedMps) });
        }

        return sim;
    }
}
