using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
public static class BuildingYearKernel
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
        options ??= new KernelOptions();
        if (results.HeatingKWh.Length != set.Count)
        {
            throw new ArgumentException("Results must be sized for the building set.", nameof(results));
        }

        if (groupStart is null)
        {
            int chunks = (set.Count + DefaultChunk - 1) / DefaultChunk;
            groupStart = new int[chunks + 1];
            for (int g = 0; g <= chunks; g++)
            {
                groupStart[g] = Math.Min(g * DefaultChunk, set.Count);
            }
        }

        int groups = groupStart.Length - 1;
        if (groups < 0 || groupStart[0] != 0 || groupStart[groups] != set.Count)
        {
            throw new ArgumentException("Group boundaries must start at 0 and end at the building count.", nameof(groupStart));
        }

        if (groupHourlyLoadW is not null)
        {
            if (groupHourlyLoadW.Length != groups * drivers.HourCount)
            {
                throw new ArgumentException($"Expected {groups} × {drivers.HourCount} group loads.", nameof(groupHourlyLoadW));
            }

            Array.Clear(groupHourlyLoadW);
        }

        if (buildingHourlyW is not null && buildingHourlyW.Length != (long)set.Count * drivers.HourCount)
        {
            throw new ArgumentException($"Expected {set.Count} × {drivers.HourCount} hourly values.", nameof(buildingHourlyW));
        }

        results.Clear();
        var massC = new double[set.Count];
        Execute(new Job(set, drivers, results, options, groupStart, null, null, massC, 0, drivers.HourCount, warmUp: true));
        Execute(new Job(set, drivers, results, options, groupStart, groupHourlyLoadW, buildingHourlyW, massC, 0, drivers.HourCount, warmUp: false));
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
        if (groupHourlyLoadW is not null && groupHourlyLoadW.Length != (groupStart.Length - 1) * drivers.HourCount)
        {
            throw new ArgumentException($"Expected {groupStart.Length - 1} × {drivers.HourCount} group loads.", nameof(groupHourlyLoadW));
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
            throw new ArgumentException($"Expected {count} entries, got {array.Length}.", name);
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

    private sealed class Job(
        BuildingSet set, HourlyDrivers drivers, BuildingYearResults results, KernelOptions options, int[] groupStart,
        double[]? groupLoads, double[]? hourly, double[] massC, int fromHour, int toHour, bool warmUp)
    {
        public int Groups => groupStart.Length - 1;

        public KernelOptions Options => options;

        public void RunGroup(int g)
        {
            int start = groupStart[g], end = groupStart[g + 1];
            Span<double> row = groupLoads is null
                ? default
                : groupLoads.AsSpan(g * drivers.HourCount, drivers.HourCount);
            int b = start;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; b + 8 <= end; b += 8)
                {
                    RunEight(b, row);
                }
            }

            if (Vector256.IsHardwareAccelerated)
            {
                for (; b + 4 <= end; b += 4)
                {
                    RunFour(b, row);
                }
            }

            for (; b < end; b++)
            {
                RunOne(b, row);
            }
        }

        private void RunOne(int b, Span<double> row)
        {
            int n = drivers.HourCount;
            ReadOnlySpan<double> outdoor = drivers.OutdoorC;
            ReadOnlySpan<double> use = drivers.UseDrivers[set.UseIndex[b]];
            ReadOnlySpan<double> solar = drivers.FacadeSolarWm2[set.OrientationClass[b]];
            ReadOnlySpan<double> pv = drivers.PvAcWPerKWp;
            double mPrev = set.MassFromPrevious[b], mE = set.MassFromOutdoor[b], mG = set.MassFromGains[b], mS = set.MassFromSolar[b];
            double aPrev = set.AirFromPrevious[b], aE = set.AirFromOutdoor[b], aG = set.AirFromGains[b], aS = set.AirFromSolar[b];
            double kInv = set.InverseAirPerWatt[b], dm = set.MassPerWatt[b];
            double maxH = set.MaxHeatingW[b], minC = -set.MaxCoolingW[b];
            double af = set.FloorAreaM2[b], kwp = set.PvCapacityKWp[b];
            double hf = options.HeatingElectricPerThermal, cf = options.CoolingElectricPerThermal;
            double theta = warmUp ? options.InitialMassC : massC[b];
            double[]? perHour = hourly; // a local, so the JIT need not reload the field every hour

            int warm = warmUp ? Math.Min(options.WarmupHours, n) : 0;
            for (int h = n - warm; h < n; h++)
            {
                int u = h * HourlyDrivers.UseStride;
                double mt0 = (mPrev * theta) + (mE * outdoor[h]) + (mG * use[u]) + (mS * solar[h]);
                double a0 = (aPrev * theta) + (aE * outdoor[h]) + (aG * use[u]) + (aS * solar[h]);
                double target = Math.Min(Math.Max(a0, use[u + 1]), use[u + 2]);
                double phi = Math.Min(Math.Max((target - a0) * kInv, minC), maxH);
                theta = mt0 + (dm * phi);
            }

            if (warmUp)
            {
                massC[b] = theta;
                return;
            }

            double heat = 0, cool = 0, peakH = 0, peakC = 0, elec = 0, pvSum = 0;
            for (int h = fromHour; h < toHour; h++)
            {
                int u = h * HourlyDrivers.UseStride;
                double mt0 = (mPrev * theta) + (mE * outdoor[h]) + (mG * use[u]) + (mS * solar[h]);
                double a0 = (aPrev * theta) + (aE * outdoor[h]) + (aG * use[u]) + (aS * solar[h]);
                double target = Math.Min(Math.Max(a0, use[u + 1]), use[u + 2]);
                double phi = Math.Min(Math.Max((target - a0) * kInv, minC), maxH);
                theta = mt0 + (dm * phi);
                double ph = Math.Max(phi, 0.0), pc = Math.Min(phi, 0.0);
                heat += ph;
                cool += pc;
                peakH = Math.Max(peakH, ph);
                peakC = Math.Min(peakC, pc);
                double e = (af * use[u + 3]) + (hf * ph) - (cf * pc);
                double p = kwp * pv[h];
                elec += e;
                pvSum += p;
                if (!row.IsEmpty)
                {
                    row[h] += e - p;
                }

                if (perHour is not null)
                {
                    perHour[((long)b * n) + h] = phi;
                }
            }

            massC[b] = theta;
            Store(b, heat, cool, peakH, peakC, elec, pvSum);
        }

        private void Store(int b, double heat, double cool, double peakH, double peakC, double elec, double pv)
        {
            // Added to earlier windows (zero for a whole-year run), peaks the larger.
            results.HeatingKWh[b] += heat / 1000.0;
            results.CoolingKWh[b] += (0.0 - cool) / 1000.0; // 0 − (−0) = +0: no "-0" in tables
            results.PeakHeatingW[b] = Math.Max(results.PeakHeatingW[b], peakH);
            results.PeakCoolingW[b] = Math.Max(results.PeakCoolingW[b], 0.0 - peakC);
            results.ElectricityKWh[b] += elec / 1000.0;
            results.PvKWh[b] += pv / 1000.0;
        }

        private void RunFour(int b, Span<double> row)
        {
            int n = drivers.HourCount;
            ref double outdoor = ref MemoryMarshal.GetArrayDataReference(drivers.OutdoorC);
            ref double pv = ref MemoryMarshal.GetArrayDataReference(drivers.PvAcWPerKWp);
            ref double u0 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b]]);
            ref double u1 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 1]]);
            ref double u2 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 2]]);
            ref double u3 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 3]]);
            ref double s0 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b]]);
            ref double s1 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 1]]);
            ref double s2 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 2]]);
            ref double s3 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 3]]);

            Vector256<double> mPrev = Load(set.MassFromPrevious, b), mE = Load(set.MassFromOutdoor, b);
            Vector256<double> mG = Load(set.MassFromGains, b), mS = Load(set.MassFromSolar, b);
            Vector256<double> aPrev = Load(set.AirFromPrevious, b), aE = Load(set.AirFromOutdoor, b);
            Vector256<double> aG = Load(set.AirFromGains, b), aS = Load(set.AirFromSolar, b);
            Vector256<double> kInv = Load(set.InverseAirPerWatt, b), dm = Load(set.MassPerWatt, b);
            Vector256<double> maxH = Load(set.MaxHeatingW, b), minC = -Load(set.MaxCoolingW, b);
            Vector256<double> af = Load(set.FloorAreaM2, b), kwp = Load(set.PvCapacityKWp, b);
            Vector256<double> hf = Vector256.Create(options.HeatingElectricPerThermal);
            Vector256<double> cf = Vector256.Create(options.CoolingElectricPerThermal);
            Vector256<double> theta = warmUp ? Vector256.Create(options.InitialMassC) : Load(massC, b);
            Vector256<double> zero = Vector256<double>.Zero;
            double[]? perHour = hourly;

            int warm = warmUp ? Math.Min(options.WarmupHours, n) : 0;
            for (int h = n - warm; h < n; h++)
            {
                int u = h * HourlyDrivers.UseStride;
                Vector256<double> te = Vector256.Create(Unsafe.Add(ref outdoor, h));
                Vector256<double> g = Gather(ref u0, ref u1, ref u2, ref u3, u);
                Vector256<double> s = Gather(ref s0, ref s1, ref s2, ref s3, h);
                Vector256<double> mt0 = (mPrev * theta) + (mE * te) + (mG * g) + (mS * s);
                Vector256<double> a0 = (aPrev * theta) + (aE * te) + (aG * g) + (aS * s);
                Vector256<double> target = Vector256.Min(
                    Vector256.Max(a0, Gather(ref u0, ref u1, ref u2, ref u3, u + 1)), Gather(ref u0, ref u1, ref u2, ref u3, u + 2));
                Vector256<double> phi = Vector256.Min(Vector256.Max((target - a0) * kInv, minC), maxH);
                theta = mt0 + (dm * phi);
            }

            if (warmUp)
            {
                Vector256.StoreUnsafe(theta, ref MemoryMarshal.GetArrayDataReference(massC), (nuint)b);
                return;
            }

            Vector256<double> heat = zero, cool = zero, peakH = zero, peakC = zero, elec = zero, pvSum = zero;
            for (int h = fromHour; h < toHour; h++)
            {
                int u = h * HourlyDrivers.UseStride;
                Vector256<double> te = Vector256.Create(Unsafe.Add(ref outdoor, h));
                Vector256<double> g = Gather(ref u0, ref u1, ref u2, ref u3, u);
                Vector256<double> s = Gather(ref s0, ref s1, ref s2, ref s3, h);
                Vector256<double> mt0 = (mPrev * theta) + (mE * te) + (mG * g) + (mS * s);
                Vector256<double> a0 = (aPrev * theta) + (aE * te) + (aG * g) + (aS * s);
                Vector256<double> target = Vector256.Min(
                    Vector256.Max(a0, Gather(ref u0, ref u1, ref u2, ref u3, u + 1)), Gather(ref u0, ref u1, ref u2, ref u3, u + 2));
                Vector256<double> phi = Vector256.Min(Vector256.Max((target - a0) * kInv, minC), maxH);
                theta = mt0 + (dm * phi);
                Vector256<double> ph = Vector256.Max(phi, zero), pc = Vector256.Min(phi, zero);
                heat += ph;
                cool += pc;
                peakH = Vector256.Max(peakH, ph);
                peakC = Vector256.Min(peakC, pc);
                Vector256<double> e = (af * Gather(ref u0, ref u1, ref u2, ref u3, u + 3)) + (hf * ph) - (cf * pc);
                Vector256<double> p = kwp * Vector256.Create(Unsafe.Add(ref pv, h));
                elec += e;
                pvSum += p;
                if (!row.IsEmpty)
                {
                    Vector256<double> net = e - p;
                    row[h] += (net.GetElement(0) + net.GetElement(1)) + (net.GetElement(2) + net.GetElement(3));
                }

                if (perHour is not null)
                {
                    for (int l = 0; l < 4; l++)
                    {
                        perHour[((long)(b + l) * n) + h] = phi.GetElement(l);
                    }
                }
            }

            Vector256.StoreUnsafe(theta, ref MemoryMarshal.GetArrayDataReference(massC), (nuint)b);
            for (int l = 0; l < 4; l++)
            {
                Store(b + l, heat.GetElement(l), cool.GetElement(l), peakH.GetElement(l), peakC.GetElement(l), elec.GetElement(l), pvSum.GetElement(l));
            }
        }

        private void RunEight(int b, Span<double> row)
        {
            int n = drivers.HourCount;
            ref double outdoor = ref MemoryMarshal.GetArrayDataReference(drivers.OutdoorC);
            ref double pv = ref MemoryMarshal.GetArrayDataReference(drivers.PvAcWPerKWp);
            ref double u0 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b]]);
            ref double u1 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 1]]);
            ref double u2 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 2]]);
            ref double u3 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 3]]);
            ref double u4 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 4]]);
            ref double u5 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 5]]);
            ref double u6 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 6]]);
            ref double u7 = ref MemoryMarshal.GetArrayDataReference(drivers.UseDrivers[set.UseIndex[b + 7]]);
            ref double s0 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b]]);
            ref double s1 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 1]]);
            ref double s2 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 2]]);
            ref double s3 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 3]]);
            ref double s4 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 4]]);
            ref double s5 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 5]]);
            ref double s6 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 6]]);
            ref double s7 = ref MemoryMarshal.GetArrayDataReference(drivers.FacadeSolarWm2[set.OrientationClass[b + 7]]);

            Vector512<double> mPrev = Load8(set.MassFromPrevious, b), mE = Load8(set.MassFromOutdoor, b);
            Vector512<double> mG = Load8(set.MassFromGains, b), mS = Load8(set.MassFromSolar, b);
            Vector512<double> aPrev = Load8(set.AirFromPrevious, b), aE = Load8(set.AirFromOutdoor, b);
            Vector512<double> aG = Load8(set.AirFromGains, b), aS = Load8(set.AirFromSolar, b);
            Vector512<double> kInv = Load8(set.InverseAirPerWatt, b), dm = Load8(set.MassPerWatt, b);
            Vector512<double> maxH = Load8(set.MaxHeatingW, b), minC = -Load8(set.MaxCoolingW, b);
            Vector512<double> af = Load8(set.FloorAreaM2, b), kwp = Load8(set.PvCapacityKWp, b);
            Vector512<double> hf = Vector512.Create(options.HeatingElectricPerThermal);
            Vector512<double> cf = Vector512.Create(options.CoolingElectricPerThermal);
            Vector512<double> theta = warmUp ? Vector512.Create(options.InitialMassC) : Load8(massC, b);
            Vector512<double> zero = Vector512<double>.Zero;
            double[]? perHour = hourly;

            int warm = warmUp ? Math.Min(options.WarmupHours, n) : 0;
            for (int h = n - warm; h < n; h++)
            {
                int u = h * HourlyDrivers.UseStride;
                Vector512<double> te = Vector512.Create(Unsafe.Add(ref outdoor, h));
                Vector512<double> g = Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u);
                Vector512<double> s = Gather8(ref s0, ref s1, ref s2, ref s3, ref s4, ref s5, ref s6, ref s7, h);
                Vector512<double> mt0 = (mPrev * theta) + (mE * te) + (mG * g) + (mS * s);
                Vector512<double> a0 = (aPrev * theta) + (aE * te) + (aG * g) + (aS * s);
                Vector512<double> target = Vector512.Min(
                    Vector512.Max(a0, Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u + 1)), Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u + 2));
                Vector512<double> phi = Vector512.Min(Vector512.Max((target - a0) * kInv, minC), maxH);
                theta = mt0 + (dm * phi);
            }

            if (warmUp)
            {
                Vector512.StoreUnsafe(theta, ref MemoryMarshal.GetArrayDataReference(massC), (nuint)b);
                return;
            }

            Vector512<double> heat = zero, cool = zero, peakH = zero, peakC = zero, elec = zero, pvSum = zero;
            for (int h = fromHour; h < toHour; h++)
            {
                int u = h * HourlyDrivers.UseStride;
                Vector512<double> te = Vector512.Create(Unsafe.Add(ref outdoor, h));
                Vector512<double> g = Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u);
                Vector512<double> s = Gather8(ref s0, ref s1, ref s2, ref s3, ref s4, ref s5, ref s6, ref s7, h);
                Vector512<double> mt0 = (mPrev * theta) + (mE * te) + (mG * g) + (mS * s);
                Vector512<double> a0 = (aPrev * theta) + (aE * te) + (aG * g) + (aS * s);
                Vector512<double> target = Vector512.Min(
                    Vector512.Max(a0, Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u + 1)), Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u + 2));
                Vector512<double> phi = Vector512.Min(Vector512.Max((target - a0) * kInv, minC), maxH);
                theta = mt0 + (dm * phi);
                Vector512<double> ph = Vector512.Max(phi, zero), pc = Vector512.Min(phi, zero);
                heat += ph;
                cool += pc;
                peakH = Vector512.Max(peakH, ph);
                peakC = Vector512.Min(peakC, pc);
                Vector512<double> e = (af * Gather8(ref u0, ref u1, ref u2, ref u3, ref u4, ref u5, ref u6, ref u7, u + 3)) + (hf * ph) - (cf * pc);
                Vector512<double> p = kwp * Vector512.Create(Unsafe.Add(ref pv, h));
                elec += e;
                pvSum += p;
                if (!row.IsEmpty)
                {
                    Vector512<double> net = e - p;
                    row[h] += ((net.GetElement(0) + net.GetElement(1)) + (net.GetElement(2) + net.GetElement(3)))
                              + ((net.GetElement(4) + net.GetElement(5)) + (net.GetElement(6) + net.GetElement(7)));
                }

                if (perHour is not null)
                {
                    for (int l = 0; l < 8; l++)
                    {
                        perHour[((long)(b + l) * n) + h] = phi.GetElement(l);
                    }
                }
            }

            Vector512.StoreUnsafe(theta, ref MemoryMarshal.GetArrayDataReference(massC), (nuint)b);
            for (int l = 0; l < 8; l++)
            {
                Store(b + l, heat.GetElement(l), cool.GetElement(l), peakH.GetElement(l), peakC.GetElement(l), elec.GetElement(l), pvSum.GetElement(l));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> Load8(double[] a, int i) => Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector512<double> Gather8(
            ref double a, ref double b, ref double c, ref double d, ref double e, ref double f, ref double g, ref double h, int i)
            => Vector512.Create(
                Unsafe.Add(ref a, i), Unsafe.Add(ref b, i), Unsafe.Add(ref c, i), Unsafe.Add(ref d, i),
                Unsafe.Add(ref e, i), Unsafe.Add(ref f, i), Unsafe.Add(ref g, i), Unsafe.Add(ref h, i));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Load(double[] a, int i) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<double> Gather(ref double a, ref double b, ref double c, ref double d, int i)
            => Vector256.Create(Unsafe.Add(ref a, i), Unsafe.Add(ref b, i), Unsafe.Add(ref c, i), Unsafe.Add(ref d, i));
    }
}
