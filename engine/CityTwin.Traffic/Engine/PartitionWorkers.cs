using System.Runtime.ExceptionServices;

namespace CityTwin.Traffic.Engine;

/// <summary>
/// Persistent worker threads that run one body per partition of the network, several times per simulation step: the
/// caller runs partition 0 itself and waits for the others. Partition <c>p</c> always runs on the same thread, so the
/// vehicles, lane lists and counters of a part of the network stay in one core's cache from phase to phase.
/// </summary>
/// <remarks>
/// <para>A step has a few phases of 20–200 µs each on city networks, so hand-over must cost about a microsecond: the
/// workers spin on a generation counter, and only block on a semaphore after spinning for a while (when the simulation
/// is idle between calls). <see cref="System.Threading.Tasks.Parallel"/> costs more than a phase here and moves a
/// partition between cores from one phase to the next (measured: two threads slower than one, benchmarks/README.md).</para>
/// <para>An exception in any partition is rethrown on the caller after all partitions have finished the phase.</para>
/// </remarks>
internal sealed class PartitionWorkers : IDisposable
{
    /// <summary>Spin iterations before a waiting worker blocks (about 50–100 µs).</summary>
    private const int SpinsBeforeBlocking = 20_000;

    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _wake;
    private readonly int[] _sleeping;
    private Action<int>? _body;
    private int _slot;
    private int _generation;
    private int _pending;
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Stopwatch ticks each partition spent in bodies, per slot, at <c>partition * 16 + slot</c> (a cache line
    /// of its own, written only by the partition's thread, and read by others only when asked, not per phase: a read of
    /// it per phase cost the caller a cache-line transfer each time, and the worker another to write it back).</summary>
    private readonly long[] _busyTicks;

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
        Interlocked.Increment(ref _generation);
        for (var w = 0; w < _threads.Length; w++)
        {
            if (Volatile.Read(ref _sleeping[w]) != 0)
            {
                _wake[w].Release();
            }
        }

        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            body(0);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }

        _busyTicks[slot] += System.Diagnostics.Stopwatch.GetTimestamp() - start;

        // Spin without yielding: the other partitions finish within microseconds, and a yield is a system call (on a
        // virtual machine several microseconds, and 6% of a two-thread run's samples when SpinWait escalated to it).
        while (Volatile.Read(ref _pending) > 0)
        {
            Thread.SpinWait(4);
        }

        _body = null;
        if (_failure is { } failure)
        {
            _failure = null;
            failure.Throw();
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs once, for ever: no tiering
    private void Work(int partition)
    {
        var seen = 0;
        var w = partition - 1;
        while (true)
        {
            var spins = 0;
            int generation;
            while ((generation = Volatile.Read(ref _generation)) == seen && !_stopping)
            {
                if (++spins < SpinsBeforeBlocking)
                {
                    Thread.SpinWait(4);
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
                spins = 0;
            }

            if (_stopping)
            {
                return;
            }

            seen = generation;
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                _body!(partition);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }

            _busyTicks[partition * 16 + _slot] += System.Diagnostics.Stopwatch.GetTimestamp() - start;

            Interlocked.Decrement(ref _pending);
        }
    }

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
