using System.Runtime.ExceptionServices;
using CityTwin.Ecs.Core;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Simulation.Coupling;

/// <summary>Running the lighting bookkeeping beside the traffic (<see cref="TrafficLighting.Overlapped"/>).</summary>
/// <remarks>
/// Implementation note: <see cref="Observe"/> only captures each vehicle's detection window (edge, trip, window ends:
/// 24 bytes) from the ECS world; the presence events, hold expiry and energy booking of that step then run as one job
/// on a thread-pool thread while the caller advances the traffic. Jobs run strictly one after another in step order
/// (a job is queued only once the previous one has finished, and it owns all presence and ledger state while it runs),
/// so the results are the same as running them inline; every read of the results waits for the running job first.
/// Two capture buffers alternate: the scan fills one while the job reads the other.
/// </remarks>
public sealed partial class TrafficLighting
{
    private static readonly QueryDescription Vehicles = new QueryDescription().WithAll<Kinematics, VehicleRoute>();
    private VehicleAt[] _capture = new VehicleAt[256];
    private VehicleAt[] _inFlight = new VehicleAt[256];
    private int _captureCount;
    private int _inFlightCount;
    private StepJob _job;

    private int _busy;
    private Exception? _failure;
    private Worker? _worker;

    /// <summary>Whether the bookkeeping of presence-adaptive lighting runs on a thread-pool thread, overlapped with the
    /// caller's next traffic step (default: when the machine has more than one core). Results are identical either
    /// way; it trades a second core's time for the caller's.</summary>
    public bool Overlapped { get; init; } = Environment.ProcessorCount > 1;

    /// <summary>Hands a captured step to the worker (after the previous one finished), or processes it here.</summary>
    private void Dispatch(in StepJob job)
    {
        if (!Overlapped)
        {
            Process(job, _capture, _captureCount);
            return;
        }

        WaitIdle();
        (_capture, _inFlight) = (_inFlight, _capture);
        (_inFlightCount, _job) = (_captureCount, job);
        Volatile.Write(ref _busy, 1);
        ThreadPool.UnsafeQueueUserWorkItem(_worker ??= new Worker(this), preferLocal: false);
    }

    /// <summary>Waits until the worker has finished its job (if any), and rethrows what it threw.</summary>
    private void WaitIdle()
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref _busy) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (_failure is { } failure)
        {
            _failure = null;
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>One step's inputs to the bookkeeping.</summary>
    private readonly record struct StepJob(long NowMs, long StepMs, bool LevelsChanged, double BaseLevel, double BoostLevel);

    /// <summary>The thread-pool work item (one per coupling, reused: queuing allocates nothing).</summary>
    private sealed class Worker(TrafficLighting owner) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            try
            {
                owner.Process(owner._job, owner._inFlight, owner._inFlightCount);
            }
            catch (Exception e)
            {
                owner._failure = e;
            }
            finally
            {
                Volatile.Write(ref owner._busy, 0);
            }
        }
    }
}
