using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Emissions;
using CityTwin.Traffic.Outputs;

namespace CityTwin.Scenarios.Running;

/// <summary>One electric vehicle's charging session at its destination.</summary>
/// <param name="TripId">The trip.</param>
/// <param name="XM">Charger position (end of the destination edge), model metres.</param>
/// <param name="YM">Charger position, model metres.</param>
/// <param name="StartS">Plug-in time (arrival), simulated seconds.</param>
/// <param name="EndS">Time the battery is back at its departure state of charge.</param>
/// <param name="ArrivalStateOfCharge">State of charge on arrival.</param>
/// <param name="GridKWh">Energy drawn from the grid (battery energy / charger efficiency).</param>
/// <param name="Feeder">Feeder the charger is on (nearest substation), or −1 without a feeder model.</param>
public readonly record struct ChargingSession(string TripId, double XM, double YM, double StartS, double EndS, double ArrivalStateOfCharge,
    double GridKWh, int Feeder);

/// <summary>
/// Electric vehicles charging at their destinations: every EV that arrives plugs into a charger there (SUMO's
/// <c>chargingStation</c> defaults: 22 kW, 95% efficiency) and charges back to the state of charge it left with (0.8,
/// as <see cref="TrafficEmissions"/> starts every EV), in one-minute steps, to completion even past the end of the
/// traffic window (the energy was used inside it). The grid power goes to the feeder of the nearest substation.
/// </summary>
public static class EvCharging
{
    /// <summary>State of charge EVs depart with, and charge back to.</summary>
    public const double DepartureStateOfCharge = 0.8;

    /// <summary>Simulates the sessions.</summary>
    /// <param name="trips">Per-trip records (only arrived trips charge).</param>
    /// <param name="emissions">Per-trip emission rows (which trips are electric, and their final state of charge).</param>
    /// <param name="destination">Charger position of each trip id, model metres.</param>
    /// <param name="capacityWh">Battery capacity, Wh.</param>
    /// <param name="station">The charger.</param>
    /// <param name="feederOf">Feeder of a position, or null without a feeder model.</param>
    /// <returns>One session per arrived EV that needs charge, in arrival order.</returns>
    public static List<ChargingSession> Simulate(IReadOnlyList<TripInfo> trips, IReadOnlyList<TripEmissionRow> emissions,
        IReadOnlyDictionary<string, (double XM, double YM)> destination, double capacityWh, ChargingStation station,
        Func<double, double, int>? feederOf)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(emissions);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(station);
        var arrivals = trips.Where(t => t.Status == TripStatus.Arrived).ToDictionary(t => t.Id, t => t.ArrivalS);
        var sessions = new List<ChargingSession>();
        const double stepS = 60;
        foreach (var e in emissions)
        {
            if (!e.Electric || !arrivals.TryGetValue(e.Id, out var arrivalS) || e.FinalStateOfCharge >= DepartureStateOfCharge ||
                !destination.TryGetValue(e.Id, out var at))
            {
                continue;
            }

            var soc = e.FinalStateOfCharge;
            var gridWh = 0.0;
            var t = arrivalS;
            while (soc < DepartureStateOfCharge - 1e-9)
            {
                var storedWh = Math.Min(station.GridPowerW(soc) * stepS / 3600 * station.Efficiency, (DepartureStateOfCharge - soc) * capacityWh);
                var usedS = storedWh / (station.GridPowerW(soc) * station.Efficiency) * 3600;
                soc += storedWh / capacityWh;
                gridWh += storedWh / station.Efficiency;
                t += usedS;
            }

            sessions.Add(new ChargingSession(e.Id, at.XM, at.YM, arrivalS, t, e.FinalStateOfCharge, gridWh / 1000, feederOf?.Invoke(at.XM, at.YM) ?? -1));
        }

        return sessions.OrderBy(s => s.StartS).ThenBy(s => s.TripId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds sessions' grid power into hourly bins (kW averaged over each hour), per feeder.</summary>
    /// <param name="sessions">The sessions (constant power while charging).</param>
    /// <param name="feeders">Feeder count.</param>
    /// <param name="hours">Hours in the year.</param>
    /// <param name="startHourOfYear">Hour of the year at simulated time zero.</param>
    /// <returns>kW per feeder × hour (row-major by feeder).</returns>
    public static double[] HourlyFeederKW(IReadOnlyList<ChargingSession> sessions, int feeders, int hours, int startHourOfYear)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var load = new double[feeders * hours];
        foreach (var s in sessions)
        {
            if (s.Feeder < 0 || s.EndS <= s.StartS)
            {
                continue;
            }

            var powerKW = s.GridKWh / ((s.EndS - s.StartS) / 3600);
            for (var h = (int)Math.Floor(s.StartS / 3600); h * 3600.0 < s.EndS; h++)
            {
                var overlapS = Math.Min(s.EndS, (h + 1) * 3600.0) - Math.Max(s.StartS, h * 3600.0);
                var hour = (startHourOfYear + h) % hours;
                load[s.Feeder * hours + hour] += powerKW * overlapS / 3600;
            }
        }

        return load;
    }
}
