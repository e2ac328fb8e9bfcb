using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;

namespace CityTwin.Scenarios.Running;

/// <summary>Traffic KPIs from a finished simulation (definitions in <c>docs/scenarios.md</c>).</summary>
internal static class KpiCalculator
{
    public static KpiSet Traffic(TrafficSimulation sim, double wallSeconds, int demandTrips, int failedDraws)
    {
        var arrived = sim.TripInfos.Where(t => t.Status == TripStatus.Arrived).ToList();
        var kpis = new KpiSet();
        kpis.Set("demandTrips", demandTrips);
        kpis.Set("vehiclesInserted", sim.Inserted);
        kpis.Set("vehiclesArrived", sim.Arrived);
        kpis.Set("vehiclesRemoved", sim.Removed);
        kpis.Set("vehiclesRunning", sim.Running);
        kpis.Set("tripsUnroutable", sim.Unroutable + failedDraws);
        kpis.Set("meanTripDurationS", arrived.Count > 0 ? arrived.Average(t => t.DurationS) : 0);
        kpis.Set("meanTimeLossS", arrived.Count > 0 ? arrived.Average(t => t.TimeLossS) : 0);
        kpis.Set("meanWaitingTimeS", arrived.Count > 0 ? arrived.Average(t => t.WaitingTimeS) : 0);

        // Space-mean speed of completed trips (total distance over total time), as SUMO's statistics report it.
        var time = arrived.Sum(t => t.DurationS);
        kpis.Set("meanSpeedMps", time > 0 ? arrived.Sum(t => t.RouteLengthM) / time : 0);
        kpis.Set("vehicleKm", sim.TripInfos.Sum(t => t.RouteLengthM) / 1000);
        kpis.Set("vehicleUpdates", sim.VehicleUpdates);
        kpis.Set("wallSeconds", wallSeconds);
        kpis.Set("realTimeFactor", wallSeconds > 0 ? sim.Clock.Now.Seconds / wallSeconds : 0);
        return kpis;
    }
}
