using CityTwin.Ecs.Core;
using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Grid;
using CityTwin.Simulation.Energy.Pv;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Energy.Systems;

/// <summary>Creating the building, PV and feeder entities of a city.</summary>
public sealed partial class BuildingEnergySystem
{
    /// <summary>
    /// Creates one entity per simulated building (buildings without floor area are skipped and counted), one per
    /// rooftop PV system (by the adoption share) and one per feeder (the given assignment, or k-means clusters of
    /// about <see cref="EnergyYearOptions.BuildingsPerFeeder"/> buildings), and the system that advances them.
    /// </summary>
    /// <param name="world">The world to create the entities in.</param>
    /// <param name="buildings">The buildings, in the city model's order.</param>
    /// <param name="weather">Hourly weather for one year.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="startHourOfYear">Hour of the weather year at simulation time zero.</param>
    /// <returns>The system (call <see cref="Initialize"/> before the first update).</returns>
    public static BuildingEnergySystem Create(World world, ReadOnlySpan<BuildingDescription> buildings, HourlyWeather weather,
        EnergyYearOptions? options = null, int startHourOfYear = 0)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(weather);
        options ??= new EnergyYearOptions();
        var n = buildings.Length;
        if (options.UFactorByBuilding is { } factors && factors.Count != n)
        {
            throw new ArgumentException($"UFactorByBuilding has {factors.Count} entries for {n} buildings.", nameof(options));
        }

        // Buildings without floor area are skipped (and counted), never simulated with zero or negative demand.
        var simulated = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (buildings[i].FootprintAreaM2 > 0.0 && buildings[i].Storeys > 0 && double.IsFinite(buildings[i].FootprintAreaM2))
            {
                simulated.Add(i);
            }
        }

        var feeders = options.Feeders ?? Cluster(buildings, simulated, options);
        if (feeders.FeederOfBuilding.Length != n)
        {
            throw new ArgumentException($"The feeder assignment covers {feeders.FeederOfBuilding.Length} buildings, not {n}.", nameof(options));
        }

        // Slots ordered by feeder (stable counting sort): each feeder is one contiguous kernel group, so its hourly sums
        // do not depend on the thread count.
        var k = feeders.FeederCount;
        var groupStart = new int[k + 1];
        foreach (var i in simulated)
        {
            groupStart[feeders.FeederOfBuilding[i] + 1]++;
        }

        for (var f = 0; f < k; f++)
        {
            groupStart[f + 1] += groupStart[f];
        }

        var order = new int[simulated.Count];
        var fill = (int[])groupStart.Clone();
        foreach (var i in simulated)
        {
            order[fill[feeders.FeederOfBuilding[i]]++] = i;
        }

        var set = new BuildingSet(order.Length);
        for (var slot = 0; slot < order.Length; slot++)
        {
            ref readonly var b = ref buildings[order[slot]];
            set.Set(slot, BuildingThermalModel.Create(b, options.UFactorByBuilding?[order[slot]] ?? 1.0), 0.0);
            world.Create(new BuildingRef(order[slot], slot, feeders.FeederOfBuilding[order[slot]]), new ThermalState(), new BuildingEnergy());
            if (RoofPv.Adopts(order[slot], options.PvAdoptionShare, (ulong)options.Seed))
            {
                var kwp = RoofPv.CapacityKWp(RoofPv.UsableRoofAreaM2(b.FootprintAreaM2, options.UsableRoofFraction));
                world.Create(new PvArray { BuildingModelIndex = order[slot], Slot = slot, CapacityKWp = kwp });
            }
        }

        for (var f = 0; f < k; f++)
        {
            world.Create(new FeederRef(f, groupStart[f + 1] - groupStart[f]), FeederLoad.Empty);
        }

        return new BuildingEnergySystem(world, set, HourlyDrivers.Create(weather, options.Pv), options.Kernel, groupStart, startHourOfYear,
            options.HourlyBuildingOutput)
        {
            Feeders = feeders,
            SkippedCount = n - order.Length,
            WeatherSource = weather.SourceName,
            WeatherIsSynthetic = weather.IsSynthetic,
        };
    }

    /// <summary>The feeder of every input building.</summary>
    public FeederAssignment Feeders { get; private init; } = null!;

    /// <summary>Input buildings not simulated (no floor area).</summary>
    public int SkippedCount { get; private init; }

    /// <summary>Where the weather came from.</summary>
    public string WeatherSource { get; private init; } = "";

    /// <summary>Whether the weather is the embedded synthetic year.</summary>
    public bool WeatherIsSynthetic { get; private init; }

    private static FeederAssignment Cluster(ReadOnlySpan<BuildingDescription> buildings, List<int> simulated, EnergyYearOptions options)
    {
        var n = buildings.Length;
        if (n == 0)
        {
            return new FeederAssignment([], [0.0], [0.0], generated: true);
        }

        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = buildings[i].X;
            y[i] = buildings[i].Y;
        }

        var k = Math.Clamp((Math.Max(simulated.Count, 1) + options.BuildingsPerFeeder - 1) / Math.Max(options.BuildingsPerFeeder, 1), 1, n);

        // Lloyd iterations are capped at 20: feeder boundaries need not be converged to the last building.
        return FeederClustering.KMeans(x, y, k, options.Seed, maxIterations: 20);
    }
}
