using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
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
/// Implementation note: reading the vehicles' components streams them from memory, and that read, not the arithmetic,
/// was most of each observer's cost; one compact copy per step (40 bytes a vehicle) serves all observers. Jobs run
/// strictly in the order they were queued (one work item drains a FIFO), each observer's jobs in step order, and an
/// observer's state is touched only by its jobs until a reader waits for the queue to drain — so the results equal
/// running every job inline. Snapshots live in a ring; a slot is reused once every job that reads it has run.
/// </remarks>
internal sealed class StepPipeline
{
    // The worker is woken once per KickEvery steps of queued jobs, not per job: waking a thread-pool thread is a system
    // call that cost more than the jobs (≈ 5 µs each on this VM). The ring holds the snapshots of the steps queued
    // before a wake-up, of the steps the worker is running, and of the step being captured.
    private const int KickEvery = 8;
    private const int RingSize = 3 * KickEvery;
    private static readonly ConditionalWeakTable<TrafficSimulation, StepPipeline> Pipelines = new();
    private static readonly QueryDescription Vehicles = new QueryDescription().WithAll<Kinematics, VehicleRoute>();

    private readonly TrafficSimulation _traffic;
    private readonly VehicleSnapshot[] _ring = new VehicleSnapshot[RingSize];
    private readonly ConcurrentQueue<(IStepObserver Observer, VehicleSnapshot Snapshot)> _queue = new();
    private readonly Worker _worker;
    private VehicleSnapshot? _current;
    private int _next;
    private int _queued;
    private int _running;
    private int _sinceKick;
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
        var spin = new SpinWait();
        while (Volatile.Read(ref slot.Readers) != 0)
        {
            Kick(); // the worker is a ring behind: let it catch up
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (slot.Vehicles.Length < _traffic.World.Size)
        {
            slot.Vehicles = new VehicleState[Math.Max(_traffic.World.Size, 2 * slot.Vehicles.Length)];
        }

        var copy = new CopyVehicles { Buffer = slot.Vehicles };
        _traffic.World.InlineQuery<CopyVehicles, Kinematics, VehicleRoute>(in Vehicles, ref copy);
        (slot.Count, slot.StepIndex) = (copy.Count, step);
        _current = slot;
        return slot;
    }

    /// <summary>Queues an observer's job for a snapshot (the observer queued its own inputs for it first).</summary>
    /// <param name="observer">The observer.</param>
    /// <param name="snapshot">The snapshot it reads.</param>
    public void Enqueue(IStepObserver observer, VehicleSnapshot snapshot)
    {
        Interlocked.Increment(ref snapshot.Readers);
        Interlocked.Increment(ref _queued);
        _queue.Enqueue((observer, snapshot));
        if (++_sinceKick >= KickEvery)
        {
            Kick();
        }
    }

    /// <summary>Starts the worker on the queued jobs unless it is running.</summary>
    private void Kick()
    {
        _sinceKick = 0;
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_worker, preferLocal: false);
        }
    }

    /// <summary>Waits until every queued job has run, and rethrows the first failure.</summary>
    public void WaitIdle()
    {
        if (Volatile.Read(ref _queued) != 0)
        {
            Kick();
        }

        var spin = new SpinWait();
        while (Volatile.Read(ref _queued) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (Interlocked.Exchange(ref _failure, null) is { } failure)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_queue.TryDequeue(out var job))
            {
                try
                {
                    job.Observer.RunStep(job.Snapshot);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref _failure, e, null);
                }
                finally
                {
                    Interlocked.Decrement(ref job.Snapshot.Readers);
                    Interlocked.Decrement(ref _queued);
                }
            }

            Volatile.Write(ref _running, 0);

            // A caller that kicked after the last TryDequeue but before the flag was cleared saw the flag set and did
            // not start a work item: take its jobs on here.
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
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

    /// <summary>Copies every vehicle's state (a struct callback: no delegate, no closure).</summary>
    private struct CopyVehicles : IForEach<Kinematics, VehicleRoute>
    {
        public VehicleState[] Buffer; // sized for every vehicle of the world
        public int Count;

        public void Update(ref Kinematics k, ref VehicleRoute r)
        {
            ref var v = ref Buffer[Count++];
            v.Trip = r.Trip;
            v.Type = r.Type;
            v.Lane = k.Lane;
            v.PosM = k.PosM;
            v.SpeedMps = k.SpeedMps;
            v.AccelMps2 = k.AccelMps2;
        }
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
    /// <summary>One entry per vehicle, in the world's storage order (the first <see cref="Count"/>).</summary>
    public VehicleState[] Vehicles = new VehicleState[256];

    /// <summary>Number of vehicles.</summary>
    public int Count;

    /// <summary>The step it was taken after (the clock's step index).</summary>
    public long StepIndex = -1;

    /// <summary>Queued jobs that still read it.</summary>
    public int Readers;

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
