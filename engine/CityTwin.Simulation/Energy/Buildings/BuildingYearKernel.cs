using System.Runtime.Intrinsics;

namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// The city-scale 5R1C year kernel: every building × every hour, over struct-of-arrays inputs, allocation-free in
/// the loop. Buildings are stepped eight at a time in <see cref="Vector512{T}"/> lanes where AVX-512 is available,
/// else four in <see cref="Vector256{T}"/> (the hour-to-hour mass temperature is a serial dependency, so independent
/// buildings side by side are what keeps the core busy), the remainder one at a time — all with the same operations
/// in the same order, so a building's results do not depend on its lane.
/// </summary>
/// <remarks>
/// Buildings are processed in groups (contiguous index ranges — in practice feeders); each group is one sequential
/// task, so per-group hourly sums are deterministic however many threads run.
/// </remarks>
public static partial class BuildingYearKernel
{
    /// <summary>Buildings per task when no groups are given.</summary>
    public const int DefaultChunk = 256;

    /// <summary>Runs the year.</summary>
    /// <param name="set">Building constants.</param>
    /// <param name="drivers">Hourly drivers.</param>
    /// <param name="results">Receives per-building annual results (overwritten).</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="groupStart">
    /// Optional group boundaries: group g is buildings [groupStart[g], groupStart[g+1]); length = groups + 1. Null:
    /// chunks of <see cref="DefaultChunk"/>.
    /// </param>
    /// <param name="groupHourlyLoadW">
    /// Optional, length groups × hours: receives each group's hourly net electric load (electricity minus PV), W.
    /// </param>
    /// <param name="buildingHourlyW">
    /// Optional, length buildings × hours (building-major; large: 70 KB per building-year): receives each building's
    /// hourly heating (+) / cooling (−) power, W.
    /// </param>
    public static void Run(
        BuildingSet set, HourlyDrivers drivers, BuildingYearResults results, KernelOptions? options = null,
        int[]? groupStart = null, double[]? groupHourlyLoadW = null, double[]? buildingHourlyW = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(results);
        results.Clear();
        if (groupHourlyLoadW is not null)
        {
            Array.Clear(groupHourlyLoadW);
        }

        // The year is the warm-up and one window over all its hours (RunWindow checks every argument).
        var massC = new double[set.Count];
        WarmUp(set, drivers, massC, options);
        RunWindow(set, drivers, results, massC, 0, drivers.HourCount, options, groupStart, groupHourlyLoadW, buildingHourlyW);
    }

    /// <summary>Sets every building's mass temperature to the year's periodic state: from
    /// <see cref="KernelOptions.InitialMassC"/>, the last <see cref="KernelOptions.WarmupHours"/> hours of the year.</summary>
    /// <param name="set">Building constants.</param>
    /// <param name="drivers">Hourly drivers.</param>
    /// <param name="massC">Receives one mass temperature per building, °C.</param>
    /// <param name="options">Options; null for defaults.</param>
    public static void WarmUp(BuildingSet set, HourlyDrivers drivers, double[] massC, KernelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(massC);
        options ??= new KernelOptions();
        CheckLength(massC, set.Count, nameof(massC));
        Execute(new Job(set, drivers, new BuildingYearResults(0), options, Chunks(set.Count), null, null, massC, 0, drivers.HourCount, warmUp: true));
    }

    /// <summary>
    /// Advances every building over hours [<paramref name="fromHour"/>, <paramref name="toHour"/>) of the drivers' year
    /// from its mass temperature, which is updated, and adds the window's energy to <paramref name="results"/> (peaks:
    /// the larger), its net load to the group rows and its hourly heating/cooling to <paramref name="buildingHourlyW"/>.
    /// Running the year as one window or as consecutive windows gives the same temperatures and peaks, and sums equal up
    /// to rounding.
    /// </summary>
    /// <param name="set">Building constants.</param>
    /// <param name="drivers">Hourly drivers.</param>
    /// <param name="results">Accumulates per-building results.</param>
    /// <param name="massC">Mass temperature per building, °C (in and out).</param>
    /// <param name="fromHour">First hour of the year.</param>
    /// <param name="toHour">End hour (exclusive).</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="groupStart">Group boundaries as in <see cref="Run"/>; null: chunks.</param>
    /// <param name="groupHourlyLoadW">Optional, groups × hours of the year: adds each group's hourly net load, W.</param>
    /// <param name="buildingHourlyW">Optional, buildings × hours of the year: receives hourly heating/cooling, W.</param>
    public static void RunWindow(
        BuildingSet set, HourlyDrivers drivers, BuildingYearResults results, double[] massC, int fromHour, int toHour,
        KernelOptions? options = null, int[]? groupStart = null, double[]? groupHourlyLoadW = null, double[]? buildingHourlyW = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(massC);
        options ??= new KernelOptions();
        CheckLength(massC, set.Count, nameof(massC));
        CheckLength(results.HeatingKWh, set.Count, nameof(results));
        if (fromHour < 0 || toHour > drivers.HourCount || fromHour > toHour)
        {
            throw new ArgumentOutOfRangeException(nameof(fromHour), $"Window [{fromHour}, {toHour}) is not within the {drivers.HourCount} hours of the drivers.");
        }

        groupStart ??= Chunks(set.Count);
        var groups = groupStart.Length - 1;
        if (groups < 0 || groupStart[0] != 0 || groupStart[groups] != set.Count)
        {
            throw new ArgumentException("Group boundaries must start at 0 and end at the building count.", nameof(groupStart));
        }

        if (groupHourlyLoadW is not null && groupHourlyLoadW.Length != groups * drivers.HourCount)
        {
            throw new ArgumentException($"Expected {groups} × {drivers.HourCount} group loads.", nameof(groupHourlyLoadW));
        }

        if (buildingHourlyW is not null && buildingHourlyW.Length != (long)set.Count * drivers.HourCount)
        {
            throw new ArgumentException($"Expected {set.Count} × {drivers.HourCount} hourly values.", nameof(buildingHourlyW));
        }

        Execute(new Job(set, drivers, results, options, groupStart, groupHourlyLoadW, buildingHourlyW, massC, fromHour, toHour, warmUp: false));
    }

    private static void CheckLength(double[] array, int count, string name)
    {
        if (array.Length != count)
        {
            throw new ArgumentException($"Expected {count} entries (one per building), got {array.Length}.", name);
        }
    }

    /// <summary>Group boundaries of <see cref="DefaultChunk"/> buildings.</summary>
    private static int[] Chunks(int count)
    {
        int chunks = (count + DefaultChunk - 1) / DefaultChunk;
        var groupStart = new int[chunks + 1];
        for (int g = 0; g <= chunks; g++)
        {
            groupStart[g] = Math.Min(g * DefaultChunk, count);
        }

        return groupStart;
    }

    private static void Execute(Job job)
    {
        int groups = job.Groups;
        if (job.Options.Parallel && groups > 1)
        {
            System.Threading.Tasks.Parallel.For(
                0, groups, new ParallelOptions { MaxDegreeOfParallelism = job.Options.MaxDegreeOfParallelism }, job.RunGroup);
        }
        else
        {
            for (int g = 0; g < groups; g++)
            {
                job.RunGroup(g);
            }
        }
    }
}
