using CityTwin.Ecs.Core;
using CityTwin.Ecs.Timing;
using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Results;
using CityTwin.Simulation.Energy.Systems;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Energy;

/// <summary>
/// Library entry point: runs a year of building energy, rooftop PV and feeder loads for a list of buildings under one
/// weather series, and returns the result tables. (For a run on a shared clock, or any window, create the entities
/// with <see cref="BuildingEnergySystem.Create"/> and advance the system yourself; <see cref="Collect"/> reads the
/// tables.)
/// </summary>
public static class EnergyYearRunner
{
    /// <summary>Runs the year.</summary>
    /// <param name="buildings">The buildings (e.g. mapped from the city model, or from <see cref="ArchetypeResolver"/>).</param>
    /// <param name="weather">Hourly weather (an EPW file or <see cref="SyntheticWeather"/>).</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <returns>Per building, per feeder per hour, and city totals.</returns>
    /// <remarks>The buildings, their PV systems and the feeders are entities of a world of their own, advanced by a
    /// <see cref="BuildingEnergySystem"/> over the year as one tick; the tables are read off the entities.</remarks>
    public static EnergyYearResult Run(ReadOnlySpan<BuildingDescription> buildings, HourlyWeather weather, EnergyYearOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weather);
        using var world = World.Create();
        var system = BuildingEnergySystem.Create(world, buildings, weather, options);
        system.Initialize();
        system.Update(new SimTick(0, SimTime.Zero, SimTime.FromHours(system.HourCount)));
        return Collect(system, buildings.Length);
    }

    /// <summary>Reads the result tables off a system's entities (input order).</summary>
    /// <param name="system">The system, advanced over the hours wanted.</param>
    /// <param name="buildingCount">Number of input buildings.</param>
    /// <returns>The tables.</returns>
    public static EnergyYearResult Collect(BuildingEnergySystem system, int buildingCount)
    {
        ArgumentNullException.ThrowIfNull(system);
        var hours = system.HourCount;
        var result = new EnergyYearResult(buildingCount, hours, system.Feeders, system.WeatherSource, system.WeatherIsSynthetic);
        system.FeederHourlyNetLoadW.CopyTo(result.FeederHourlyNetLoadW, 0);
        var set = system.Set;
        var slotOf = new int[set.Count];
        foreach (ref var chunk in system.World.Query(in BuildingQuery))
        {
            var refs = chunk.GetSpan<BuildingRef>();
            var energies = chunk.GetSpan<BuildingEnergy>();
            for (var j = 0; j < chunk.Count; j++)
            {
                var i = refs[j].ModelIndex;
                slotOf[refs[j].Slot] = i;
                result.Simulated[i] = true;
                result.FloorAreaM2[i] = set.FloorAreaM2[refs[j].Slot];
                result.HeatingKWh[i] = energies[j].HeatingKWh;
                result.CoolingKWh[i] = energies[j].CoolingKWh;
                result.PeakHeatingW[i] = energies[j].PeakHeatingW;
                result.PeakCoolingW[i] = energies[j].PeakCoolingW;
                result.ElectricityKWh[i] = energies[j].ElectricityKWh;
            }
        }

        foreach (ref var chunk in system.World.Query(in PvQuery))
        {
            var pv = chunk.GetSpan<PvArray>();
            for (var j = 0; j < chunk.Count; j++)
            {
                result.PvKWh[pv[j].BuildingModelIndex] += pv[j].EnergyKWh;
                result.PvCapacityKWp[pv[j].BuildingModelIndex] += pv[j].CapacityKWp;
            }
        }

        if (system.BuildingHourlyW is { } hourly)
        {
            // Back to input order; skipped buildings keep rows of zeros.
            result.BuildingHourlyHeatingCoolingW = new double[(long)buildingCount * hours];
            for (var s = 0; s < set.Count; s++)
            {
                Array.Copy(hourly, (long)s * hours, result.BuildingHourlyHeatingCoolingW, (long)slotOf[s] * hours, hours);
            }
        }

        // Totals in input order, so they do not depend on the feeder ordering.
        double area = 0, heat = 0, cool = 0, elec = 0, pvKWh = 0, kwp = 0;
        for (var i = 0; i < buildingCount; i++)
        {
            area += result.FloorAreaM2[i];
            heat += result.HeatingKWh[i];
            cool += result.CoolingKWh[i];
            elec += result.ElectricityKWh[i];
            pvKWh += result.PvKWh[i];
            kwp += result.PvCapacityKWp[i];
        }

        var feeders = system.Feeders.FeederCount;
        var peak = double.MinValue;
        var peakHour = 0;
        for (var h = 0; h < hours; h++)
        {
            double city = 0;
            for (var f = 0; f < feeders; f++)
            {
                city += result.FeederHourlyNetLoadW[(f * hours) + h];
            }

            if (city > peak)
            {
                peak = city;
                peakHour = h;
            }
        }

        var m = set.Count;
        result.SkippedCount = system.SkippedCount;
        result.Totals = new CityEnergyTotals(m, area, heat, cool, elec, pvKWh, kwp, m == 0 ? 0.0 : peak, peakHour);
        return result;
    }

    private static readonly QueryDescription BuildingQuery = new QueryDescription().WithAll<BuildingRef, BuildingEnergy>();
    private static readonly QueryDescription PvQuery = new QueryDescription().WithAll<PvArray>();
}
