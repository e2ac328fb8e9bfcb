using System.Runtime.ExceptionServices;

namespace CityTwin.Traffic.Engine;

/// <summary>
/// Persistent worker threads that run one body per partition of the network, several times per simulation step: the
/// caller runs partition 0 itself and waits for the others. Partition <c>p</c> runs on the same thread from phase to
/// phase, so the vehicles, lane lists and counters of a part of the network stay in one core's cache.
/// </summary>
/// <remarks>
/// <para>A step has a few phases of 5–30 µs each on city networks, so hand-over must cost about a microsecond: the
/// workers spin on a generation counter, and only block on a semaphore after waiting for a while (when the simulation
/// is idle between calls). <see cref="System.Threading.Tasks.Parallel"/> costs more than a phase here and moves a
/// partition between cores from one phase to the next (measured: two threads slower than one, benchmarks/README.md).</para>
/// <para>A worker that has not started its partition's body <see cref="TakeOverAfterUs"/> after the phase began is not
/// running (the operating system has given its core to another thread, or put it on the caller's core): then the
/// caller runs that body itself. Each partition's body is claimed by exactly one thread, the worker or the caller, so
/// results do not change. Without this, with two threads on two cores, every time another thread of the process (the
/// JIT's background compiler) or of the machine took a core, the whole step waited for the scheduler's next time slice:
/// 2–4 ms each, and, when the two threads shared a core, for every phase.</para>
/// <para>An exception in any partition is rethrown on the caller after all partitions have finished the phase.</para>
/// </remarks>
internal sealed class PartitionWorkers : IDisposable
{
    /// <summary>How long a waiting thread spins before it starts yielding its core to any other runnable thread (a
    /// partner sharing the core cannot run while it spins), µs. Longer than a phase's usual imbalance of a few µs: a
    /// yield is a system call.</summary>
    private const long YieldAfterUs = 50;

    /// <summary>How long an idle worker waits for the next phase before it blocks (the simulation is not stepping), µs.</summary>
    private const long BlockAfterUs = 2_000;

    /// <summary>How long after a phase began the caller, done with its own partition, takes over a partition whose
    /// worker has not started it, µs. A running worker starts within about a microsecond.</summary>
    public const long TakeOverAfterUs = 20;

    /// <summary>Polls of the awaited counter between two reads of the clock while spinning. With a clock read and
    /// <c>SpinWait(4)</c> per poll (a few hundred cycles each), the worker started its body 200–250 ns after the caller's
    /// release (median) and the caller noticed the end of a phase within about 500 ns (90th percentile); with 16 short
    /// polls per clock read, 150–160 ns and 390 ns (Monaco, two threads, a build that logged every phase).</summary>
    private const int PollsPerClockRead = 16;

    private static readonly long YieldAfterTicks = UsToTicks(YieldAfterUs);
    private static readonly long BlockAfterTicks = UsToTicks(BlockAfterUs);
    private static readonly long TakeOverAfterTicks = UsToTicks(TakeOverAfterUs);

    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _wake;
    private readonly int[] _sleeping;
    private Action<int>? _body;
    private int _slot;

    /// <summary>Phases started so far (a long: the claims compare it by order, and an int would wrap after 2^31
    /// phases, about nine hours of stepping Monaco without a pause).</summary>
    private long _generation;

    private int _pending;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Stopwatch ticks each partition spent in bodies, per slot, at <c>partition * 16 + slot</c> (a cache line
    /// of its own, written only by the thread that ran the partition's body, and read by others only when asked, not per
    /// phase: a read of it per phase cost the caller a cache-line transfer each time, and the worker another to write it
    /// back).</summary>
    private readonly long[] _busyTicks;

    /// <summary>Per partition, at <c>partition * 16</c>, the last generation whose body was claimed, by its worker or by
    /// the caller (a compare-and-swap each): normally written only by the worker, so it stays in the worker's cache.</summary>
    private readonly long[] _claims;

    /// <summary>Bodies the caller ran for a worker that had not started them (see <see cref="TakeOverAfterUs"/>).</summary>
    public long TakenOver { get; private set; }

    /// <summary>Called by a worker after it has seen a new phase and before it claims its body (tests: makes a worker
    /// late).</summary>
    internal Action<int>? BeforeClaim { get; set; }

    /// <summary>Slots of busy time per partition (a caller's phases).</summary>
    public const int Slots = 8;

    /// <summary>Starts <paramref name="partitions"/> − 1 worker threads.</summary>
    /// <param name="partitions">Partitions per phase (at least 2).</param>
    public PartitionWorkers(int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 2);
        Partitions = partitions;
        _threads = new Thread[partitions - 1];
        _wake = new SemaphoreSlim[partitions - 1];
        _sleeping = new int[partitions - 1];
        _busyTicks = new long[partitions * 16];
        _claims = new long[partitions * 16];
        for (var w = 0; w < _threads.Length; w++)
        {
            _wake[w] = new SemaphoreSlim(0);
            var partition = w + 1;
            _threads[w] = new Thread(() => Work(partition)) { IsBackground = true, Name = $"CityTwin traffic partition {partition}" };
            _threads[w].Start();
        }
    }

    /// <summary>Number of partitions (threads including the caller).</summary>
    public int Partitions { get; }

    /// <summary>Stopwatch ticks partition <paramref name="partition"/> has spent running bodies of
    /// <paramref name="slot"/> so far.</summary>
    /// <param name="partition">Partition index.</param>
    /// <param name="slot">Slot the bodies were run in (see <see cref="Run"/>).</param>
    /// <returns>The ticks; read between runs.</returns>
    public long BusyTicks(int partition, int slot) => Volatile.Read(ref _busyTicks[partition * 16 + slot]);

    /// <summary>Runs <paramref name="body"/> for every partition and returns when all have finished.</summary>
    /// <param name="body">Called with the partition index; must only write state its partition owns.</param>
    /// <param name="slot">Where each partition's working time is added (0 to <see cref="Slots"/> − 1).</param>
    public void Run(Action<int> body, int slot)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)Slots, nameof(slot));
        _body = body;
        _slot = slot;
        Volatile.Write(ref _pending, _threads.Length);
        var generation = Interlocked.Increment(ref _generation);
        var begun = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var w = 0; w < _threads.Length; w++)
        {
            if (Volatile.Read(ref _sleeping[w]) != 0)
            {
                _wake[w].Release();
            }
        }

        RunBody(body, 0, slot);

        // Spin, at first without yielding: the other partitions finish within microseconds, and a yield is a system call
        // (on a virtual machine several microseconds, and 6% of a two-thread run's samples when SpinWait escalated to it).
        var takeOverChecked = false;
        while (Volatile.Read(ref _pending) > 0)
        {
            var waited = System.Diagnostics.Stopwatch.GetTimestamp() - begun;
            if (!takeOverChecked && waited >= TakeOverAfterTicks)
            {
                takeOverChecked = true;
                for (var p = 1; p < Partitions; p++)
                {
                    if (TryClaim(p, generation))
                    {
                        TakenOver++;
                        RunBody(body, p, slot);
                        Interlocked.Decrement(ref _pending);
                    }
                }

                continue;
            }

            if (waited >= YieldAfterTicks)
            {
                Thread.Yield(); // a partner sharing this core can run
            }
            else
            {
                for (var i = 0; i < PollsPerClockRead && Volatile.Read(ref _pending) > 0; i++)
                {
                    Thread.SpinWait(1);
                }
            }
        }

        _body = null;
        if (_failure is { } failure)
        {
            _failure = null;
            failure.Throw();
        }
    }

    /// <summary>Claims partition <paramref name="partition"/>'s body of phase <paramref name="generation"/> for the calling
    /// thread, unless another thread has.</summary>
    private bool TryClaim(int partition, long generation)
    {
        ref var claim = ref _claims[partition * 16];
        var last = Volatile.Read(ref claim);
        return last < generation && Interlocked.CompareExchange(ref claim, generation, last) == last;
    }

    private void RunBody(Action<int> body, int partition, int slot)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            body(partition);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }

        _busyTicks[partition * 16 + slot] += System.Diagnostics.Stopwatch.GetTimestamp() - start;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once, for ever: no tiering
    private void Work(int partition)
    {
        var seen = 0L;
        var w = partition - 1;
        while (true)
        {
            var waitStart = System.Diagnostics.Stopwatch.GetTimestamp();
            long generation;
            while ((generation = Volatile.Read(ref _generation)) == seen && !_stopping)
            {
                var waited = System.Diagnostics.Stopwatch.GetTimestamp() - waitStart;
                if (waited < YieldAfterTicks)
                {
                    for (var i = 0; i < PollsPerClockRead && Volatile.Read(ref _generation) == seen; i++)
                    {
                        Thread.SpinWait(1);
                    }

                    continue;
                }

                if (waited < BlockAfterTicks)
                {
                    Thread.Yield(); // the caller may share this core: let it run its serial part
                    continue;
                }

                // Idle: block until the next phase (Run releases sleeping workers after bumping the generation).
                // A full fence between announcing the sleep and re-reading the generation: either this worker sees the
                // new generation, or Run sees it sleeping and releases it.
                Interlocked.Exchange(ref _sleeping[w], 1);
                if (Volatile.Read(ref _generation) == seen && !_stopping)
                {
                    _wake[w].Wait();
                }

                Interlocked.Exchange(ref _sleeping[w], 0);
                waitStart = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            if (_stopping)
            {
                return;
            }

            seen = generation;
            BeforeClaim?.Invoke(partition);

            // The body and slot are read only after the claim: while this worker's claim stands, the caller waits for it
            // and cannot start the next phase. A failed claim means the caller ran the body (this worker was late).
            if (TryClaim(partition, generation))
            {
                RunBody(_body!, partition, _slot);
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private static long UsToTicks(long us) => us * System.Diagnostics.Stopwatch.Frequency / 1_000_000;

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        foreach (var wake in _wake)
        {
            wake.Release();
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        foreach (var wake in _wake)
        {
            wake.Dispose();
        }
    }
}
