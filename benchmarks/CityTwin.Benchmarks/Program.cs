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
    // one thread, alternately: `-- traffic-phases monaco|grid10|grid30 [rounds] [warm-up rounds]`. The last shows what
    // each partition's work costs without a second thread beside it; against the two-thread run, the difference is what
    // running side by side costs (cache lines moving between cores, or a second vCPU that is not a free core).
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

    // Untimed rounds first, until tiered compilation has nothing left to promote (see WarmUp); `-- traffic-phases monaco 7
    // 0` skips them (the figures of sessions before this option).
    var warmUpRounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20;
    var (warmCycles, warmMethods) = WarmUp(() =>
    {
        foreach (var b in benches)
        {
            b.BuildRun();
            b.Run();
            b.EndRun();
        }
    }, warmUpRounds, maxSeconds: 90);
    var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
    var probeBefore = CityTwin.Benchmarks.Machine.CoreScalingProbe.PointerChaseSpeedUp();
    var l2ProbeBefore = CityTwin.Benchmarks.Machine.CoreScalingProbe.PointerChaseSpeedUp(megabytesPerThread: 1);
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

    Console.WriteLine($"warm-up: {warmCycles} untimed rounds of each, {warmMethods} methods compiled in them; during the timed rounds " +
        $"{System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore} methods compiled " +
        $"({(System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds:F0} ms of JIT time, with the probes)");
    Console.WriteLine($"machine: a second thread speeds up a memory-bound pointer chase {probeBefore:F2}x before, " +
        $"{CityTwin.Benchmarks.Machine.CoreScalingProbe.PointerChaseSpeedUp():F2}x after (2.0 = a whole second core); the same in 1 MB per thread " +
        $"(fits each vCPU's L2) {l2ProbeBefore:F2}x before, {CityTwin.Benchmarks.Machine.CoreScalingProbe.PointerChaseSpeedUp(megabytesPerThread: 1):F2}x after; " +
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

    // Each round runs one and two threads back to back, so a round's ratio sees the same host: the median of the rounds'
    // ratios is steadier than the ratio of the medians when the host's speed drifts between rounds.
    var roundRatios = walls[0].Zip(walls[1], (a, b) => a / b).Skip(rounds > 1 ? 1 : 0).ToList();
    Console.WriteLine($"one thread / two threads, per round (same host minute): median {Median(roundRatios):F2}x, " +
        $"range {roundRatios.Min():F2}–{roundRatios.Max():F2}x over {roundRatios.Count} rounds (the first round excluded)");

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

// Runs `cycle` (one untimed round of every variant) until a round compiles no new method, at most `maxCycles` times
// and, after the first, for at most `maxSeconds`.
// Tiered compilation promotes a method after 30 calls, on a background thread: code that runs a few times per run
// (set-up, list growth, re-cuts) is promoted only after several rounds, and each promotion preempts one of a two-thread
// run's threads for 2–4 ms (seen in a scheduler trace), which a one-thread run, with the other core free, does not feel.
// Returns the rounds run and the methods compiled in them.
static (int Cycles, long Methods) WarmUp(Action cycle, int maxCycles, double maxSeconds)
{
    var first = System.Runtime.JitInfo.GetCompiledMethodCount();
    var sw = Stopwatch.StartNew();
    for (var c = 1; c <= maxCycles; c++)
    {
        var before = System.Runtime.JitInfo.GetCompiledMethodCount();
        cycle();
        Thread.Sleep(250); // promotions are queued after a 100 ms quiet delay: let them finish before counting
        if (System.Runtime.JitInfo.GetCompiledMethodCount() == before || c == maxCycles || sw.Elapsed.TotalSeconds > maxSeconds)
        {
            return (c, System.Runtime.JitInfo.GetCompiledMethodCount() - first);
        }
    }

    return (0, 0);
}
