using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>The per-group work of <see cref="BuildingYearKernel"/>: one, four or eight buildings at a time over an hour window.</summary>
public static partial class BuildingYearKernel
{
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
                    // Added one building at a time, in building order, as RunOne does: the feeder loads are then the
                    // same bits on any machine, whatever vector width it runs (and in the native build).
                    Vector256<double> net = e - p;
                    double sum = row[h];
                    sum += net.GetElement(0);
                    sum += net.GetElement(1);
                    sum += net.GetElement(2);
                    sum += net.GetElement(3);
                    row[h] = sum;
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
                    // In building order, as in RunFour.
                    Vector512<double> net = e - p;
                    Vector256<double> lower = net.GetLower(), upper = net.GetUpper();
                    double sum = row[h];
                    sum += lower.GetElement(0);
                    sum += lower.GetElement(1);
                    sum += lower.GetElement(2);
                    sum += lower.GetElement(3);
                    sum += upper.GetElement(0);
                    sum += upper.GetElement(1);
                    sum += upper.GetElement(2);
                    sum += upper.GetElement(3);
                    row[h] = sum;
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
