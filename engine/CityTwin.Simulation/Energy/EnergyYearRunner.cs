using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Grid;
using CityTwin.Simulation.Energy.Pv;
using CityTwin.Simulation.Energy.Results;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Energy;

/// <summary>
/// Library entry point: runs a year of building energy, rooftop PV and feeder loads for a list of buildings under one
/// weather series, and returns the result tables.
/// </summary>
public static class EnergyYearRunner
{
    /// <summary>Runs the year.</summary>
    /// <param name="buildings">The buildings (e.g. mapped from the city model, or from <see cref="ArchetypeResolver"/>).</param>
    /// <param name="weather">Hourly weather (an EPW file or <see cref="SyntheticWeather"/>).</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <returns>Per building, per feeder per hour, and city totals.</returns>
    public static EnergyYearResult Run(ReadOnlySpan<BuildingDescription> buildings, HourlyWeather weather, EnergyYearOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(weather);
        options ??= new EnergyYearOptions();
        int n = buildings.Length;

        // Buildings without floor area are skipped (and counted), never simulated with zero or negative demand.
        var simulated = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            if (buildings[i].FootprintAreaM2 > 0.0 && buildings[i].Storeys > 0 && double.IsFinite(buildings[i].FootprintAreaM2))
            {
                simulated.Add(i);
            }
        }

        if (options.UFactorByBuilding is { } factors && factors.Count != n)
        {
            throw new ArgumentException($"UFactorByBuilding has {factors.Count} entries for {n} buildings.", nameof(options));
        }

        int m = simulated.Count;
        FeederAssignment feeders = options.Feeders ?? Cluster(buildings, simulated, options);
        if (feeders.FeederOfBuilding.Length != n)
        {
            throw new ArgumentException($"The feeder assignment covers {feeders.FeederOfBuilding.Length} buildings, not {n}.", nameof(options));
        }

        // Order simulated buildings by feeder (stable counting sort) so each feeder is one contiguous kernel group.
        int k = feeders.FeederCount;
        var groupStart = new int[k + 1];
        foreach (int i in simulated)
        {
            groupStart[feeders.FeederOfBuilding[i] + 1]++;
        }

        for (int f = 0; f < k; f++)
        {
            groupStart[f + 1] += groupStart[f];
        }

        var order = new int[m];
        var fill = (int[])groupStart.Clone();
        foreach (int i in simulated)
        {
            order[fill[feeders.FeederOfBuilding[i]]++] = i;
        }

        var set = new BuildingSet(m);
        var pvKWp = new double[m];
        for (int s = 0; s < m; s++)
        {
            ref readonly BuildingDescription b = ref buildings[order[s]];
            pvKWp[s] = RoofPv.Adopts(order[s], options.PvAdoptionShare, (ulong)options.Seed)
                ? RoofPv.CapacityKWp(RoofPv.UsableRoofAreaM2(b.FootprintAreaM2, options.UsableRoofFraction))
                : 0.0;
            set.Set(s, BuildingThermalModel.Create(b, options.UFactorByBuilding?[order[s]] ?? 1.0), pvKWp[s]);
        }

        HourlyDrivers drivers = HourlyDrivers.Create(weather, options.Pv);
        var kernel = new BuildingYearResults(m);
        var result = new EnergyYearResult(n, drivers.HourCount, feeders, weather.SourceName, weather.IsSynthetic);
        int hours = drivers.HourCount;
        double[]? hourly = options.HourlyBuildingOutput ? new double[(long)m * hours] : null;
        BuildingYearKernel.Run(set, drivers, kernel, options.Kernel, groupStart, result.FeederHourlyNetLoadW, hourly);
        if (hourly is not null)
        {
            // Back to input order; skipped buildings keep rows of zeros.
            result.BuildingHourlyHeatingCoolingW = new double[(long)n * hours];
            for (int s = 0; s < m; s++)
            {
                Array.Copy(hourly, (long)s * hours, result.BuildingHourlyHeatingCoolingW, (long)order[s] * hours, hours);
            }
        }

        double area = 0, heat = 0, cool = 0, elec = 0, pv = 0, kwp = 0;
        for (int s = 0; s < m; s++)
        {
            int i = order[s];
            result.Simulated[i] = true;
            result.FloorAreaM2[i] = set.FloorAreaM2[s];
            result.HeatingKWh[i] = kernel.HeatingKWh[s];
            result.CoolingKWh[i] = kernel.CoolingKWh[s];
            result.PeakHeatingW[i] = kernel.PeakHeatingW[s];
            result.PeakCoolingW[i] = kernel.PeakCoolingW[s];
            result.ElectricityKWh[i] = kernel.ElectricityKWh[s];
            result.PvKWh[i] = kernel.PvKWh[s];
            result.PvCapacityKWp[i] = pvKWp[s];
        }

        // Totals in input order, so they do not depend on the feeder ordering.
        for (int i = 0; i < n; i++)
        {
            area += result.FloorAreaM2[i];
            heat += result.HeatingKWh[i];
            cool += result.CoolingKWh[i];
            elec += result.ElectricityKWh[i];
            pv += result.PvKWh[i];
            kwp += result.PvCapacityKWp[i];
        }

        double peak = double.MinValue;
        int peakHour = 0;
        for (int h = 0; h < drivers.HourCount; h++)
        {
            double city = 0;
            for (int f = 0; f < k; f++)
            {
                city += result.FeederHourlyNetLoadW[(f * drivers.HourCount) + h];
            }

            if (city > peak)
            {
                peak = city;
                peakHour = h;
            }
        }

        result.SkippedCount = n - m;
        result.Totals = new CityEnergyTotals(m, area, heat, cool, elec, pv, kwp, m == 0 ? 0.0 : peak, peakHour);
        return result;
    }

    private static FeederAssignment Cluster(ReadOnlySpan<BuildingDescription> buildings, List<int> simulated, EnergyYearOptions options)
    {
        int n = buildings.Length;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = buildings[i].X;
            y[i] = buildings[i].Y;
        }

        if (n == 0)
        {
            return new FeederAssignment([], [0.0], [0.0], generated: true);
        }

        int k = Math.Clamp((Math.Max(simulated.Count, 1) + options.BuildingsPerFeeder - 1) / Math.Max(options.BuildingsPerFeeder, 1), 1, n);

        // Lloyd iterations are capped at 20: feeder boundaries need not be converged to the last building.
        return FeederClustering.KMeans(x, y, k, options.Seed, maxIterations: 20);
    }
}
