namespace CityTwin.Ecs.Timing;

/// <summary>The state every system receives for one step: which step, the time at its start, and its length.</summary>
/// <param name="StepIndex">Zero-based index of the step.</param>
/// <param name="Time">Simulation time at the start of the step.</param>
/// <param name="Step">Length of the step.</param>
public readonly record struct SimTick(long StepIndex, SimTime Time, SimTime Step)
{
    /// <summary>Step length in seconds (for physics).</summary>
    public double StepSeconds => Step.Seconds;

    /// <summary>Time at the end of the step.</summary>
    public SimTime EndTime => Time + Step;

    /// <summary>True when this step is the first of a period of <paramref name="period"/> (e.g. hourly systems).</summary>
    /// <param name="period">A whole multiple of the step.</param>
    /// <returns>Whether a system with that period runs in this step.</returns>
    public bool IsMultipleOf(SimTime period) => period.Milliseconds > 0 && Time.Milliseconds % period.Milliseconds == 0;
}
