namespace CityTwin.Ecs.Timing;

/// <summary>
/// The one simulation clock: a fixed step in whole milliseconds and a step counter. Time is always
/// <c>Start + StepIndex × Step</c>, computed in integers, so it never drifts.
/// </summary>
public sealed class SimClock
{
    /// <summary>Creates a clock.</summary>
    /// <param name="step">The fixed step (positive).</param>
    /// <param name="start">Time of step 0.</param>
    public SimClock(SimTime step, SimTime start = default)
    {
        if (step.Milliseconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step.Milliseconds, "The step must be at least 1 ms.");
        }

        Step = step;
        Start = start;
    }

    /// <summary>The fixed step.</summary>
    public SimTime Step { get; }

    /// <summary>Time of step 0.</summary>
    public SimTime Start { get; }

    /// <summary>Index of the current (next to run) step.</summary>
    public long StepIndex { get; private set; }

    /// <summary>Time at the start of the current step.</summary>
    public SimTime Now => Start + Step * StepIndex;

    /// <summary>The tick of the current step.</summary>
    public SimTick Tick => new(StepIndex, Now, Step);

    /// <summary>Moves to the next step.</summary>
    /// <returns>The tick of the new current step.</returns>
    public SimTick Advance()
    {
        StepIndex++;
        return Tick;
    }

    /// <summary>Number of steps from the current time until <paramref name="end"/> (rounded up).</summary>
    /// <param name="end">A time at or after <see cref="Now"/>.</param>
    /// <returns>The step count.</returns>
    public long StepsUntil(SimTime end)
    {
        var remaining = (end - Now).Milliseconds;
        return remaining <= 0 ? 0 : (remaining + Step.Milliseconds - 1) / Step.Milliseconds;
    }

    /// <summary>Sets the step counter, e.g. when restoring a snapshot.</summary>
    /// <param name="stepIndex">The step to continue from.</param>
    public void Restore(long stepIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        StepIndex = stepIndex;
    }
}
