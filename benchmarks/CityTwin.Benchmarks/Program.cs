using System.Diagnostics;
using BenchmarkDotNet.Running;
using CityTwin.Benchmarks.Traffic;

// Entry point: `dotnet run -c Release --project benchmarks/CityTwin.Benchmarks -- --filter '*'` (see benchmarks/README.md).
// `-- coupling-overhead [rounds]` runs the coupling variants alternately in one process (more robust on a noisy VM
// than BenchmarkDotNet's method-after-method order) and prints medians and ratios.
if (args.Length > 0 && args[0] == "lighting-only")
{
    // For profilers: one variant in a loop.
    var b = new CouplingBenchmarks();
    b.Setup();
    for (var r = 0; r < int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture); r++)
    {
        b.WithLighting();
    }

    return;
}

if (args.Length > 0 && args[0] == "traffic-only")
{
    // For profilers: one city and thread count in a loop: `-- traffic-only monaco 2 [rounds]`; `2s` runs the two
    // partitions one after the other on one thread (the same work as two threads, to compare profiles with).
    var bench = new TrafficBenchmarks
    {
        City = args[1], Threads = int.Parse(args[2].TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture),
        SerialPartitions = args[2].EndsWith('s'),
    };
    bench.Setup();
    for (var r = 0; r < (args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5); r++)
    {
        bench.BuildRun();
        var sw = Stopwatch.StartNew();
        bench.Run();
        Console.WriteLine($"round {r}: {sw.Elapsed.TotalMilliseconds:F0} ms");
        bench.Report();
    }

    return;
}

if (args.Length > 0 && args[0] == "traffic-pair")
{
    // Two independent one-thread simulations side by side in one process, against one alone: if each slows down, the
    // cost is not data the two partitions of one simulation share. `-- traffic-pair monaco [rounds]`.
    var city = args.Length > 1 ? args[1] : "monaco";
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var pair = new[] { new TrafficBenchmarks { City = city, Threads = 1 }, new TrafficBenchmarks { City = city, Threads = 1 } };
    foreach (var b in pair)
    {
        b.Setup();
    }

    for (var r = 0; r < rounds; r++)
    {
        pair[0].BuildRun();
        var sw = Stopwatch.StartNew();
        pair[0].Run();
        var alone = sw.Elapsed.TotalMilliseconds;
        pair[0].Report();
        pair[0].BuildRun();
        pair[1].BuildRun();
        var other = 0.0;
        var thread = new Thread(() =>
        {
            var w = Stopwatch.StartNew();
            pair[1].Run();
            other = w.Elapsed.TotalMilliseconds;
        });
        sw.Restart();
        thread.Start();
        pair[0].Run();
        var mine = sw.Elapsed.TotalMilliseconds;
        thread.Join();
        pair[0].Report();
        pair[1].Report();
        Console.WriteLine($"round {r}: alone {alone:F0} ms; side by side {mine:F0} and {other:F0} ms");
    }

    return;
}

if (args.Length > 0 && args[0] == "traffic-phases")
{
    // Where a step's time goes, per phase: one thread, two threads, and the same two partitions one after the other on
    // one thread, alternately: `-- traffic-phases monaco|grid10|grid30 [rounds]`. The last shows what each partition's
    // work costs without a second thread beside it; against the two-thread run, the difference is what running side by
    // side costs (cache lines moving between cores, or a second vCPU that is not a free core).
    var city = args.Length > 1 ? args[1] : "monaco";
    var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var benches = new[]
    {
        new TrafficBenchmarks { City = city, Threads = 1 },
        new TrafficBenchmarks { City = city, Threads = 2 },
        new TrafficBenchmarks { City = city, Threads = 2, SerialPartitions = true },
    };
    var labels = new[] { "1 thread", "2 threads", "2 partitions on 1 thread" };
    foreach (var b in benches)
    {
        b.Setup();
    }

    var probeBefore = CityTwin.Benchmarks.Machine.CoreScalingProbe.PointerChaseSpeedUp();
    var roundTripBefore = CityTwin.Benchmarks.Machine.CoreScalingProbe.RoundTripNs();
    var names = new[] { "approaches", "decide", "move (+ lane lists)", "lane changes", "insert+reroute+signals", "other" };
    var totals = new double[3][];
    var busy = new double[3][];
    var walls = new List<double>[] { [], [], [] };
    var pinnedCpus = CityTwin.Benchmarks.Machine.CpuPinning.Available ? CityTwin.Benchmarks.Machine.CpuPinning.AllowedCpus()[..2] : [];
    var pinnedWalls = pinnedCpus.Select(_ => new List<double>()).ToArray();
    for (var r = 0; r < rounds; r++)
    {
        for (var k = 0; k < 3; k++)
        {
            var t = (k + r) % 3;
            benches[t].BuildRun();
            var sw = Stopwatch.StartNew();
            benches[t].Run();
            walls[t].Add(sw.Elapsed.TotalMilliseconds);
            var ticks = benches[t].PhaseTicks();
            totals[t] ??= new double[ticks.Length + 1];
            busy[t] ??= new double[8];
            if (r > 0 || rounds == 1)
            {
                // Means over the rounds after the first (its first steps run unoptimised code); "other" is what the
                // wall time has outside the phases (step set-up, merges outside the timed phases, interval outputs).
                var n = Math.Max(1, rounds - 1);
                var sum = 0.0;
                for (var i = 0; i < ticks.Length; i++)
                {
                    totals[t][i] += ticks[i] * 1000.0 / Stopwatch.Frequency / n;
                    sum += ticks[i] * 1000.0 / Stopwatch.Frequency;
                }

                totals[t][ticks.Length] += (walls[t][^1] - sum) / n;
                var partTicks = benches[t].PartitionPhaseTicks();
                for (var i = 0; i < partTicks.Length && i < busy[t].Length; i++)
                {
                    busy[t][i] += partTicks[i] * 1000.0 / Stopwatch.Frequency / n;
                }
            }

            benches[t].Report();
        }

        // The one-thread run pinned to each of two vCPUs in turn: what each core gives this workload right now.
        for (var k = 0; k < pinnedCpus.Length; k++)
        {
            var c = (k + r) % pinnedCpus.Length;
            CityTwin.Benchmarks.Machine.CpuPinning.RunOn(pinnedCpus[c], () =>
            {
                benches[0].BuildRun();
                var sw = Stopwatch.StartNew();
                benches[0].Run();
                pinnedWalls[c].Add(sw.Elapsed.TotalMilliseconds);
            });
        }
    }

    Console.WriteLine($"machine: a second thread speeds up a memory-bound pointer chase {probeBefore:F2}x before, " +
        $"{CityTwin.Benchmarks.Machine.CoreScalingProbe.PointerChaseSpeedUp():F2}x after (2.0 = a whole second core); " +
        $"thread-to-thread round trip {roundTripBefore:F0} ns before, {CityTwin.Benchmarks.Machine.CoreScalingProbe.RoundTripNs():F0} ns after");
    for (var t = 0; t < 3; t++)
    {
        Console.WriteLine($"{labels[t]}: wall median {Median(walls[t]):F0} ms, min {walls[t].Min():F0} ms; " +
            string.Join(", ", names.Select((n, i) => $"{n} {totals[t][i]:F0} ms")));
        if (t > 0)
        {
            // Each partition's working time (in the two-thread run the rest of a phase is waiting at the barrier).
            Console.WriteLine("  working time per partition: " +
                string.Join(", ", names.Take(4).Select((n, i) => $"{n} {busy[t][2 * i]:F0} + {busy[t][2 * i + 1]:F0} ms")));
        }
    }

    if (pinnedCpus.Length == 2)
    {
        // Two threads cannot beat the two cores' speeds added up: with one-thread times a and b on each core alone, the
        // work split perfectly takes 1/(1/a + 1/b) (no serial part, no hand-overs), which bounds the two-thread speed-up.
        var (a, b) = (Median(pinnedWalls[0]), Median(pinnedWalls[1]));
        var one = Median(walls[0]);
        Console.WriteLine($"1 thread pinned to vCPU {pinnedCpus[0]} / {pinnedCpus[1]}: wall median {a:F0} / {b:F0} ms; so two threads can take at best " +
            $"{1 / (1 / a + 1 / b):F0} ms, {one * (1 / a + 1 / b):F2}x the unpinned one-thread median; measured {one / Median(walls[1]):F2}x");
    }

    return;
}

if (args.Length > 0 && args[0] == "coupling-overhead")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7;
    CouplingBenchmarks.TrafficThreads = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1;
    var bench = new CouplingBenchmarks();
    bench.Setup();
    var variants = new (string Name, Func<long> Run)[]
    {
        ("traffic alone", bench.Traffic), ("+ emissions (20% EVs)", bench.WithEmissions),
        ("+ lighting (LED, presence)", bench.WithLighting), ("+ lighting (LED, fixed dimming)", bench.WithDimmedLighting),
        ("+ emissions + lighting", bench.WithEmissionsAndLighting),
    };
    var times = variants.Select(_ => new List<double>()).ToArray();
    var stepTimes = variants.Select(_ => new List<double>()).ToArray(); // traffic steps + observers, without set-up
    bench.Traffic(); // warm-up
    for (var r = 0; r < rounds; r++)
    {
        for (var k = 0; k < variants.Length; k++)
        {
            var v = (k + r) % variants.Length; // rotate the order so drift spreads over all variants
            (CouplingBenchmarks.StepTicks, CouplingBenchmarks.EmissionTicks, CouplingBenchmarks.LightingTicks) = (0, 0, 0);
            var sw = Stopwatch.StartNew();
            variants[v].Run();
            times[v].Add(sw.Elapsed.TotalMilliseconds);
            stepTimes[v].Add((CouplingBenchmarks.StepTicks + CouplingBenchmarks.EmissionTicks + CouplingBenchmarks.LightingTicks) * 1000.0 / Stopwatch.Frequency);
            if (r == rounds - 1)
            {
                double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
                Console.WriteLine($"  {variants[v].Name,-30} steps {Ms(CouplingBenchmarks.StepTicks),6:F0} ms, emissions {Ms(CouplingBenchmarks.EmissionTicks),5:F0} ms, lighting {Ms(CouplingBenchmarks.LightingTicks),5:F0} ms");
            }
        }
    }

    var baseline = Median(times[0]);
    var stepBaseline = Median(stepTimes[0]);
    for (var v = 0; v < variants.Length; v++)
    {
        Console.WriteLine($"{variants[v].Name,-28} run median {Median(times[v]),7:F1} ms (min {times[v].Min(),7:F1}) ratio {Median(times[v]) / baseline:F3}" +
            $" | steps + observers median {Median(stepTimes[v]),7:F1} ms ratio {Median(stepTimes[v]) / stepBaseline:F3}");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

static double Median(List<double> x) => x.Order().ElementAt(x.Count / 2);
