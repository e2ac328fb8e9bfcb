using System.Diagnostics;

namespace CityTwin.Benchmarks.Machine;

/// <summary>
/// What a second thread can add on this machine right now, for memory-latency-bound work like a traffic step: each
/// thread follows a random cycle through its own array (every load waits for the one before), first one after the
/// other on one thread, then side by side on two. On the shared 2-vCPU VM the result swings between about 1.9 and 1.0
/// within minutes (the host's other tenants), so two-thread benchmarks print it next to their own figures.
/// </summary>
/// <remarks>Two sizes: 4 MB per thread is served by the shared L3 cache; 1 MB per thread fits in each vCPU's 2 MB L2.
/// Measured side by side on this VM (December 2026, a C version of the same chase): 4 MB 0.93–1.10× slower per thread,
/// 256 KB 0.86–1.03×, but 1 MB 1.0–1.4× slower: the two vCPUs' "private" L2 caches do not always behave as two, so
/// work whose data fits in L2 loses part of a second core.</remarks>
internal static class CoreScalingProbe
{
    /// <summary>Two-thread speed-up of the pointer chase (1.0 = the second thread adds nothing, 2.0 = a full core).</summary>
    /// <param name="megabytesPerThread">Size of each thread's array: 4 (L3) or 1 (L2).</param>
    /// <returns>The speed-up.</returns>
    public static double PointerChaseSpeedUp(int megabytesPerThread = 4)
    {
        var n = megabytesPerThread << 18; // 4-byte entries
        var steps = 40_000_000 / megabytesPerThread; // 10 million loads from L3, 40 million from L2 (about 4× faster)
        var first = RandomCycle(n, seed: 1);
        var second = RandomCycle(n, seed: 2);
        Chase(first, steps / 10); // warm-up
        var sw = Stopwatch.StartNew();
        Chase(first, steps);
        Chase(second, steps);
        var one = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var other = new Thread(() => Chase(second, steps));
        other.Start();
        Chase(first, steps);
        other.Join();
        return one / sw.Elapsed.TotalMilliseconds;
    }

    /// <summary>Time for one thread to hand a value to another and get it back (two cache-line transfers), ns: what
    /// every phase change of a two-thread traffic step costs at least.</summary>
    /// <returns>Median of five batches, ns.</returns>
    public static double RoundTripNs()
    {
        var ping = 0;
        var pong = 0;
        var other = new Thread(() =>
        {
            var seen = 0;
            while (true)
            {
                var value = Volatile.Read(ref ping);
                if (value == seen)
                {
                    Thread.SpinWait(1);
                    continue;
                }

                if (value < 0)
                {
                    return;
                }

                seen = value;
                Volatile.Write(ref pong, value);
            }
        });
        other.Start();
        var batches = new List<double>();
        var i = 0;
        for (var batch = 0; batch < 5; batch++)
        {
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < 20_000; k++)
            {
                Volatile.Write(ref ping, ++i);
                while (Volatile.Read(ref pong) != i)
                {
                    Thread.SpinWait(1);
                }
            }

            batches.Add(sw.Elapsed.TotalNanoseconds / 20_000);
        }

        Volatile.Write(ref ping, -1);
        other.Join();
        return batches.Order().ElementAt(2);
    }

    private static int[] RandomCycle(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var next = new int[n];
        for (var i = 0; i < n; i++)
        {
            next[order[i]] = order[(i + 1) % n];
        }

        return next;
    }

    private static int Chase(int[] next, int steps)
    {
        var i = 0;
        for (var s = 0; s < steps; s++)
        {
            i = next[i];
        }

        return i;
    }
}
