using CityTwin.Simulation.Coupling;
using CityTwin.Simulation.Emissions;
using CityTwin.Traffic.Outputs;

namespace CityTwin.Scenarios.Running;

/// <summary>One electric vehicle's charging session.</summary>
/// <param name="TripId">The trip.</param>
/// <param name="XM">Charger position (the mapped station, or the end of the destination edge), model metres.</param>
/// <param name="YM">Charger position, model metres.</param>
/// <param name="StartS">Plug-in time (arrival, or when a socket of a busy station came free), simulated seconds.</param>
/// <param name="EndS">Time the battery is back at its departure state of charge.</param>
/// <param name="ArrivalStateOfCharge">State of charge on arrival.</param>
/// <param name="GridKWh">Energy drawn from the grid (battery energy / charger efficiency).</param>
/// <param name="Feeder">Feeder the charger is on (nearest substation), or −1 without a feeder model.</param>
/// <param name="StationOsmId">OSM id of the mapped charging station, or 0 for a charger at the destination.</param>
/// <param name="WaitS">Time waiting for a free socket at the station, s.</param>
public readonly record struct ChargingSession(string TripId, double XM, double YM, double StartS, double EndS, double ArrivalStateOfCharge,
    double GridKWh, int Feeder, long StationOsmId, double WaitS);

/// <summary>A mapped public charging station as the charging model uses it.</summary>
/// <param name="OsmId">OSM id.</param>
/// <param name="XM">Position, model metres.</param>
/// <param name="YM">Position, model metres.</param>
/// <param name="Charger">Power curve and efficiency of each socket.</param>
/// <param name="Sockets">Vehicles that can charge at once.</param>
public sealed record ChargingSite(long OsmId, double XM, double YM, ChargingStation Charger, int Sockets);

/// <summary>What a run's electric vehicles charged, and what they could not.</summary>
/// <param name="Sessions">One per EV that charged, in plug-in order.</param>
/// <param name="NotCharged">Arrived EVs that needed charge but had no station within reach (<c>at: mapped</c>).</param>
public sealed record ChargingOutcome(List<ChargingSession> Sessions, int NotCharged);

/// <summary>
/// Electric vehicles charging after they arrive: at the nearest mapped public station (<c>amenity=charging_station</c>)
/// within walking distance of the destination, queueing first-come first-served when all its sockets are busy, or at a
/// charger at the destination (SUMO's <c>chargingStation</c> defaults: 22 kW, 95% efficiency). Every EV charges back to
/// the state of charge it left with (0.8, as <see cref="TrafficEmissions"/> starts every EV), in one-minute steps, to
/// completion even past the end of the traffic window (the energy was used inside it). The grid power goes to the
/// feeder of the nearest substation.
/// </summary>
public static class EvCharging
{
    /// <summary>State of charge EVs depart with, and charge back to.</summary>
    public const double DepartureStateOfCharge = 0.8;

    /// <summary>Simulates the sessions.</summary>
    /// <param name="trips">Per-trip records (only arrived trips charge).</param>
    /// <param name="emissions">Per-trip emission rows (which trips are electric, and their final state of charge).</param>
    /// <param name="destination">Destination of each trip id, model metres.</param>
    /// <param name="capacityWh">Battery capacity, Wh.</param>
    /// <param name="atDestination">The charger at destinations, or null when EVs charge only at mapped stations.</param>
    /// <param name="stations">Mapped stations (empty: none).</param>
    /// <param name="maxWalkM">Largest distance from the destination to a station an EV driver uses.</param>
    /// <param name="feederOf">Feeder of a position, or null without a feeder model.</param>
    /// <returns>The sessions, in plug-in order, and the EVs that found no charger.</returns>
    public static ChargingOutcome Simulate(IReadOnlyList<TripInfo> trips, IReadOnlyList<TripEmissionRow> emissions,
        IReadOnlyDictionary<string, (double XM, double YM)> destination, double capacityWh, ChargingStation? atDestination,
        IReadOnlyList<ChargingSite> stations, double maxWalkM, Func<double, double, int>? feederOf)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(emissions);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(stations);
        var arrivals = trips.Where(t => t.Status == TripStatus.Arrived).ToDictionary(t => t.Id, t => t.ArrivalS);

        // Queues depend on who comes first: EVs in arrival order (ties by trip id), each station's sockets free from 0.
        var evs = emissions
            .Where(e => e.Electric && e.FinalStateOfCharge < DepartureStateOfCharge && arrivals.ContainsKey(e.Id) && destination.ContainsKey(e.Id))
            .OrderBy(e => arrivals[e.Id]).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var socketFreeS = stations.Select(s => new double[Math.Max(1, s.Sockets)]).ToArray();
        var sessions = new List<ChargingSession>();
        var notCharged = 0;
        foreach (var e in evs)
        {
            var arrivalS = arrivals[e.Id];
            var at = destination[e.Id];
            var site = NearestWithin(stations, at.XM, at.YM, maxWalkM);
            if (site >= 0)
            {
                var sockets = socketFreeS[site];
                var socket = Array.IndexOf(sockets, sockets.Min());
                var startS = Math.Max(arrivalS, sockets[socket]);
                var (endS, gridWh) = Charge(stations[site].Charger, e.FinalStateOfCharge, capacityWh, startS);
                sockets[socket] = endS;
                var (x, y) = (stations[site].XM, stations[site].YM);
                sessions.Add(new ChargingSession(e.Id, x, y, startS, endS, e.FinalStateOfCharge, gridWh / 1000, feederOf?.Invoke(x, y) ?? -1,
                    stations[site].OsmId, startS - arrivalS));
            }
            else if (atDestination is not null)
            {
                var (endS, gridWh) = Charge(atDestination, e.FinalStateOfCharge, capacityWh, arrivalS);
                sessions.Add(new ChargingSession(e.Id, at.XM, at.YM, arrivalS, endS, e.FinalStateOfCharge, gridWh / 1000,
                    feederOf?.Invoke(at.XM, at.YM) ?? -1, 0, 0));
            }
            else
            {
                notCharged++;
            }
        }

        return new ChargingOutcome(sessions.OrderBy(s => s.StartS).ThenBy(s => s.TripId, StringComparer.Ordinal).ToList(), notCharged);
    }

    /// <summary>Charges from a state of charge back to the departure state in one-minute steps (the station's power
    /// curve by state of charge); returns the end time and the grid energy, Wh.</summary>
    private static (double EndS, double GridWh) Charge(ChargingStation charger, double soc, double capacityWh, double startS)
    {
        const double stepS = 60;
        var gridWh = 0.0;
        var t = startS;
        while (soc < DepartureStateOfCharge - 1e-9)
        {
            var storedWh = Math.Min(charger.GridPowerW(soc) * stepS / 3600 * charger.Efficiency, (DepartureStateOfCharge - soc) * capacityWh);
            var usedS = storedWh / (charger.GridPowerW(soc) * charger.Efficiency) * 3600;
            soc += storedWh / capacityWh;
            gridWh += storedWh / charger.Efficiency;
            t += usedS;
        }

        return (t, gridWh);
    }

    /// <summary>The nearest station within <paramref name="maxM"/> (ties: the first mapped), or −1.</summary>
    private static int NearestWithin(IReadOnlyList<ChargingSite> stations, double x, double y, double maxM)
    {
        var best = -1;
        var bestD2 = maxM * maxM;
        for (var i = 0; i < stations.Count; i++)
        {
            var d2 = ((stations[i].XM - x) * (stations[i].XM - x)) + ((stations[i].YM - y) * (stations[i].YM - y));
            if (d2 <= bestD2 && (best < 0 || d2 < bestD2))
            {
                (best, bestD2) = (i, d2);
            }
        }

        return best;
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
