using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using CityTwin.Ecs.Core;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Simulation.Coupling;

/// <summary>
/// What the coupled observers (<see cref="TrafficEmissions"/>, <see cref="TrafficLighting"/>) of one traffic simulation
/// share: one snapshot of the vehicles per step, taken by whichever observer asks first, and one serial worker that
/// runs their per-step bookkeeping beside the caller's next traffic steps.
/// </summary>
/// <remarks>
/// Implementation note: one compact copy of the vehicles per step (40 bytes a vehicle) serves all observers, so the
/// caller's thread reads the ECS once and the arithmetic moves to the worker. Jobs run strictly in the order they were
/// queued, so each observer's jobs run in step order, and an observer's state is touched only by its jobs until a
/// reader waits for the queue to drain: the results equal running every job inline. The queue is a single-producer,
/// single-consumer ring (the caller writes jobs and publishes them, the worker publishes how many it has run): no
/// interlocked operation per job, and the worker is woken once per <see cref="KickEvery"/> steps, as waking a
/// thread-pool thread is a system call that cost more than a step's jobs. Snapshots live in a ring; a slot is reused
/// once the last job that reads it has run.
/// </remarks>
internal sealed class StepPipeline
{
    private const int KickEvery = 32;
    private const int RingSize = 3 * KickEvery; // queued before a wake-up, being run, being captured
    private const int JobCapacity = 1024; // a power of two
    private static readonly ConditionalWeakTable<TrafficSimulation, StepPipeline> Pipelines = new();
    private static readonly QueryDescription Vehicles = new QueryDescription().WithAll<Kinematics, VehicleRoute>();

    private readonly TrafficSimulation _traffic;
    private readonly VehicleSnapshot[] _ring = new VehicleSnapshot[RingSize];
    private readonly (IStepObserver Observer, VehicleSnapshot Snapshot)[] _jobs = new (IStepObserver, VehicleSnapshot)[JobCapacity];
    private readonly Worker _worker;
    private VehicleSnapshot? _current;
    private int _next;

    // The caller's side: jobs written, and jobs published to the worker.
    private long _tail;
    private Counter _published;

    // The worker's side (its own cache line): jobs run, and whether a work item is draining.
    private Counter _done;
    private Counter _running;
    private long _head;
    private Exception? _failure;

    private StepPipeline(TrafficSimulation traffic)
    {
        _traffic = traffic;
        _worker = new Worker(this);
        for (var i = 0; i < RingSize; i++)
        {
            _ring[i] = new VehicleSnapshot();
        }
    }

    /// <summary>The pipeline of a traffic simulation (created on first use, lives as long as the simulation).</summary>
    /// <param name="traffic">The simulation.</param>
    /// <returns>Its pipeline.</returns>
    public static StepPipeline For(TrafficSimulation traffic) => Pipelines.GetValue(traffic, t => new StepPipeline(t));

    /// <summary>The vehicles at the end of the current step (copied once per step).</summary>
    /// <returns>The snapshot.</returns>
    public VehicleSnapshot Capture()
    {
        var step = _traffic.Clock.StepIndex;
        if (_current is { } current && current.StepIndex == step)
        {
            return current;
        }

        var slot = _ring[_next];
        _next = (_next + 1) % RingSize;
        WaitUntilDone(slot.LastJob + 1); // the worker is a ring behind: let it catch up

        if (slot.Vehicles.Length < _traffic.World.Size)
        {
            slot.Vehicles = new VehicleState[Math.Max(_traffic.World.Size, 2 * slot.Vehicles.Length)];
        }

        // In trip order, not storage order: the traffic engine keeps each thread's vehicles in a block of rows of its own,
        // so storage order depends on the thread count and on where the threads' strips fall, while the observers' sums
        // (per edge, per interval) must not. Trip indices of the running vehicles are distinct and span a window not much
        // wider than their number (trips depart in index order), so a scatter into that window and a sweep put them in
        // order in linear time.
        var (count, minTrip, maxTrip) = (0, int.MaxValue, -1);
        foreach (ref var chunk in _traffic.World.Query(in Vehicles))
        {
            var routes = chunk.GetSpan<VehicleRoute>()[..chunk.Count]; // the chunk's arrays are longer than its rows
            for (var i = 0; i < routes.Length; i++)
            {
                minTrip = Math.Min(minTrip, routes[i].Trip);
                maxTrip = Math.Max(maxTrip, routes[i].Trip);
            }

            count += routes.Length;
        }

        var window = maxTrip - minTrip + 1;
        var sorted = count == 0;
        if (count > 0 && ScattersTripWindow(window, count))
        {
            var byTrip = ByTripWindow(window);
            CopyVehicles(byTrip, minTrip);
            var n = 0;
            foreach (ref readonly var v in byTrip)
            {
                if (v.Trip >= 0)
                {
                    slot.Vehicles[n++] = v;
                }
            }

            sorted = n == count; // else two vehicles shared a trip (not made by the engine): sorted below
        }

        if (!sorted)
        {
            // Too wide a window (a trip that has run for very long), or shared trips: copy in storage order and sort.
            CopyVehicles(slot.Vehicles.AsSpan(0, count), tripBase: -1);
            slot.Vehicles.AsSpan(0, count).Sort(static (a, b) => a.Trip.CompareTo(b.Trip));
        }

        (slot.Count, slot.StepIndex) = (count, step);
        _current = slot;
        return slot;
    }

    /// <summary>Whether <paramref name="count"/> running trips spanning <paramref name="window"/> trip indices are put in
    /// trip order by a scatter into the window (narrow enough: linear time, scratch of the window's size) rather than
    /// by a sort.</summary>
    internal static bool ScattersTripWindow(int window, int count) => window <= 4 * count + 1024;

    /// <summary>Scratch for the trip-order scatter: <paramref name="window"/> entries, all marked empty (trip −1).</summary>
    private Span<VehicleState> ByTripWindow(int window)
    {
        if (_byTrip.Length < window)
        {
            _byTrip = new VehicleState[Math.Max(window, 2 * _byTrip.Length)];
        }

        var span = _byTrip.AsSpan(0, window);
        foreach (ref var v in span)
        {
            v.Trip = -1;
        }

        return span;
    }

    private VehicleState[] _byTrip = [];

    /// <summary>Copies the vehicles into <paramref name="target"/>: each at its trip minus <paramref name="tripBase"/>, or
    /// in storage order for a negative base.</summary>
    private void CopyVehicles(Span<VehicleState> target, int tripBase)
    {
        var n = 0;
        foreach (ref var chunk in _traffic.World.Query(in Vehicles))
        {
            // A loop per chunk over its component spans: a struct callback per entity kept the count and buffer in memory
            // and cost ten times as much (12 against 1.4 ns a vehicle, measured).
            var kinematics = chunk.GetSpan<Kinematics>()[..chunk.Count];
            var routes = chunk.GetSpan<VehicleRoute>();
            for (var i = 0; i < kinematics.Length; i++)
            {
                ref readonly var k = ref kinematics[i];
                ref var v = ref target[tripBase >= 0 ? routes[i].Trip - tripBase : n++];
                v.Trip = routes[i].Trip;
                v.Type = routes[i].Type;
                v.Lane = k.Lane;
                v.PosM = k.PosM;
                v.SpeedMps = k.SpeedMps;
                v.AccelMps2 = k.AccelMps2;
            }
        }
    }

    /// <summary>Runs an observer's step on a snapshot: queued on the worker, or at once on the caller's thread (the
    /// observer queued its own inputs for it first).</summary>
    /// <param name="observer">The observer.</param>
    /// <param name="snapshot">The snapshot it reads.</param>
    /// <param name="overlapped">Whether to queue it.</param>
    public void Submit(IStepObserver observer, VehicleSnapshot snapshot, bool overlapped)
    {
        if (overlapped)
        {
            Enqueue(observer, snapshot);
        }
        else
        {
            observer.RunStep(snapshot);
        }
    }

    /// <summary>Queues an observer's job for a snapshot (the observer queued its own inputs for it first).</summary>
    /// <param name="observer">The observer.</param>
    /// <param name="snapshot">The snapshot it reads.</param>
    public void Enqueue(IStepObserver observer, VehicleSnapshot snapshot)
    {
        WaitUntilDone(_tail - JobCapacity + 1); // a full queue: let the worker catch up
        _jobs[_tail & (JobCapacity - 1)] = (observer, snapshot);
        snapshot.LastJob = _tail;
        _tail++;
        if (_tail - _published.Value >= KickEvery)
        {
            Publish();
        }
    }

    /// <summary>Waits until every queued job has run, and rethrows the first failure.</summary>
    public void WaitIdle()
    {
        WaitUntilDone(_tail);
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>Waits until the worker has run every job numbered below <paramref name="jobs"/>.</summary>
    private void WaitUntilDone(long jobs)
    {
        if (Volatile.Read(ref _done.Value) >= jobs)
        {
            return;
        }

        Publish();
        var spin = new SpinWait();
        while (Volatile.Read(ref _done.Value) < jobs)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Hands the written jobs to the worker, starting it unless it is draining.</summary>
    private void Publish()
    {
        // Interlocked (full fences) on both sides: the worker clears its flag and then re-reads what is published, the
        // caller publishes and then reads the flag, so one of them always sees the other's write.
        Interlocked.Exchange(ref _published.Value, _tail);
        if (Volatile.Read(ref _running.Value) == 0 && Interlocked.CompareExchange(ref _running.Value, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_worker, preferLocal: false);
        }
    }

    private void Drain()
    {
        while (true)
        {
            var published = Volatile.Read(ref _published.Value);
            while (_head < published)
            {
                var (observer, snapshot) = _jobs[_head & (JobCapacity - 1)];
                try
                {
                    observer.RunStep(snapshot);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                }

                _head++;
                Volatile.Write(ref _done.Value, _head);
            }

            Interlocked.Exchange(ref _running.Value, 0);
            if (Volatile.Read(ref _published.Value) == _head || Interlocked.CompareExchange(ref _running.Value, 1, 0) != 0)
            {
                return;
            }
        }
    }

    /// <summary>The thread-pool work item (one per pipeline, reused: queuing allocates nothing).</summary>
    private sealed class Worker(StepPipeline owner) : IThreadPoolWorkItem
    {
        public void Execute() => owner.Drain();
    }

    /// <summary>A counter alone on its cache lines (the caller's and the worker's counters do not share a line).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct Counter
    {
        [FieldOffset(64)]
        public long Value;
    }
}

/// <summary>An observer whose per-step bookkeeping the <see cref="StepPipeline"/> runs.</summary>
internal interface IStepObserver
{
    /// <summary>Runs the observer's oldest queued step on a snapshot.</summary>
    /// <param name="snapshot">The vehicles at the end of that step.</param>
    void RunStep(VehicleSnapshot snapshot);
}

/// <summary>The vehicles at the end of one step.</summary>
internal sealed class VehicleSnapshot
{
    /// <summary>One entry per vehicle, in trip order (the first <see cref="Count"/>).</summary>
    public VehicleState[] Vehicles = new VehicleState[256];

    /// <summary>Number of vehicles.</summary>
    public int Count;

    /// <summary>The step it was taken after (the clock's step index).</summary>
    public long StepIndex = -1;

    /// <summary>Number of the last job queued on it (−1: none); the slot is free once the worker has run it.</summary>
    public long LastJob = -1;

    /// <summary>The vehicles.</summary>
    public ReadOnlySpan<VehicleState> Span => Vehicles.AsSpan(0, Count);
}

/// <summary>One vehicle at the end of a step.</summary>
internal struct VehicleState
{
    /// <summary>Trip index.</summary>
    public int Trip;

    /// <summary>Vehicle type index.</summary>
    public int Type;

    /// <summary>Lane.</summary>
    public int Lane;

    /// <summary>Front position along the lane, metres.</summary>
    public double PosM;

    /// <summary>Speed, m/s.</summary>
    public double SpeedMps;

    /// <summary>Acceleration over the step, m/s².</summary>
    public double AccelMps2;
}
