using System.Collections.Concurrent;

namespace CityTwin.Simulation.Coupling;

/// <summary>Running the lighting bookkeeping beside the traffic (<see cref="TrafficLighting.Overlapped"/>).</summary>
/// <remarks>
/// Implementation note: <see cref="Observe"/> works out the step's common level and takes (or reuses) the step's vehicle
/// snapshot from the simulation's <see cref="StepPipeline"/>; the presence events, hold expiry and energy booking of
/// that step then run as a job on the pipeline's worker while the caller advances the traffic. Jobs run in step order
/// and own the presence and ledger state while they run; every read of the results waits for the queue to drain.
/// </remarks>
public sealed partial class TrafficLighting : IStepObserver
{
    private readonly ConcurrentQueue<StepJob> _jobs = new();
    private StepPipeline? _pipeline;

    /// <summary>Whether the bookkeeping of presence-adaptive lighting runs on a worker thread, overlapped with the
    /// caller's next traffic steps (default: when the machine has more than one core). Results are identical either
    /// way; it trades a second core's time for the caller's.</summary>
    public bool Overlapped { get; init; } = Environment.ProcessorCount > 1;

    private StepPipeline Pipeline => _pipeline ??= StepPipeline.For(_traffic);

    /// <summary>Queues a step's bookkeeping on the pipeline, or runs it here.</summary>
    private void Dispatch(in StepJob job)
    {
        var snapshot = Pipeline.Capture();
        _jobs.Enqueue(job);
        Pipeline.Submit(this, snapshot, Overlapped);
    }

    /// <summary>Waits until the queued steps have been booked.</summary>
    private void WaitIdle() => _pipeline?.WaitIdle();

    /// <inheritdoc/>
    void IStepObserver.RunStep(VehicleSnapshot snapshot)
    {
        if (!_jobs.TryDequeue(out var job))
        {
            throw new InvalidOperationException("A lighting step ran without its inputs.");
        }

        Process(job, snapshot.Span);
    }

    /// <summary>One step's inputs to the bookkeeping.</summary>
    private readonly record struct StepJob(long NowMs, long StepMs, bool LevelsChanged, double BaseLevel, double BoostLevel);
}
