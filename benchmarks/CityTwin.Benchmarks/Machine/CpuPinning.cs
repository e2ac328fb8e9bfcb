using System.Runtime.InteropServices;

namespace CityTwin.Benchmarks.Machine;

/// <summary>
/// Runs code on the calling thread pinned to one CPU (Linux <c>sched_setaffinity</c>), then restores the thread's
/// former CPU set. On the shared 2-vCPU VM one vCPU is at times much slower than the other (a one-thread Monaco run
/// alternately pinned to each took 383–417 ms on vCPU 0 and 376–794 ms on vCPU 1 within minutes), which bounds what a
/// second thread can add; two-thread benchmarks measure it next to their own figures.
/// </summary>
internal static partial class CpuPinning
{
    /// <summary>Whether pinning works here (Linux, and the process may use at least two CPUs).</summary>
    public static bool Available => OperatingSystem.IsLinux() && TryGetMask(out var mask) && ulong.PopCount(mask) >= 2;

    /// <summary>The CPUs the calling thread may run on (at most the first 64).</summary>
    /// <returns>Their indices, ascending.</returns>
    public static int[] AllowedCpus()
    {
        if (!OperatingSystem.IsLinux() || !TryGetMask(out var mask))
        {
            return [];
        }

        return Enumerable.Range(0, 64).Where(cpu => (mask & (1UL << cpu)) != 0).ToArray();
    }

    /// <summary>Runs <paramref name="action"/> with the calling thread pinned to <paramref name="cpu"/>.</summary>
    /// <param name="cpu">CPU index (one of <see cref="AllowedCpus"/>).</param>
    /// <param name="action">The work.</param>
    /// <exception cref="InvalidOperationException">When the thread cannot be pinned.</exception>
    public static void RunOn(int cpu, Action action)
    {
        if (!TryGetMask(out var former))
        {
            throw new InvalidOperationException("sched_getaffinity failed: cannot pin threads here.");
        }

        var pinned = 1UL << cpu;
        if (SchedSetAffinity(0, sizeof(ulong), ref pinned) != 0)
        {
            throw new InvalidOperationException($"sched_setaffinity to CPU {cpu} failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            action();
        }
        finally
        {
            SchedSetAffinity(0, sizeof(ulong), ref former);
        }
    }

    private static bool TryGetMask(out ulong mask)
    {
        mask = 0;
        return SchedGetAffinity(0, sizeof(ulong), ref mask) == 0;
    }

    // pid 0: the calling thread. A 64-bit mask is enough for this benchmark's machines.
    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint cpuSetSize, ref ulong mask);

    [LibraryImport("libc", EntryPoint = "sched_getaffinity", SetLastError = true)]
    private static partial int SchedGetAffinity(int pid, nint cpuSetSize, ref ulong mask);
}
