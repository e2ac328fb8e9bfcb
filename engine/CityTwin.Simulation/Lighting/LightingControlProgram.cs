namespace CityTwin.Simulation.Lighting;

/// <summary>
/// A TALQ <c>ControlProgramOne</c>-like program for a group of lamps: an astro-clock active period, fixed-time
/// dimming steps inside it and, optionally, presence-adaptive control. With presence control, the scheduled level
/// caps the idle level (idle = min(schedule, base level)) and a detection raises the lamp to the boost level
/// (the class level) whatever the schedule says — the usual "dim when empty, full when used" behaviour.
/// </summary>
public sealed class LightingControlProgram
{
    /// <summary>Creates a program.</summary>
    /// <param name="clock">When the lamps burn.</param>
    /// <param name="dimming">Fixed-time steps (null = full output).</param>
    /// <param name="presence">Presence-adaptive state of the lamps (null = none).</param>
    public LightingControlProgram(AstroClock clock, DimmingProgram? dimming = null, PresenceAdaptiveControl? presence = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
        Dimming = dimming ?? DimmingProgram.None;
        Presence = presence;
    }

    /// <summary>The astro clock.</summary>
    public AstroClock Clock { get; }

    /// <summary>The fixed-time dimming.</summary>
    public DimmingProgram Dimming { get; }

    /// <summary>The presence-adaptive control, if any.</summary>
    public PresenceAdaptiveControl? Presence { get; }

    /// <summary>The commanded level of a lamp.</summary>
    /// <param name="evening">Local date of the evening the night belongs to.</param>
    /// <param name="minuteAfterEveningMidnight">Local minutes after that date's midnight (1440 + x in the morning).</param>
    /// <param name="lamp">Lamp index (for presence control).</param>
    /// <param name="nowMs">Simulation time, ms (for presence control).</param>
    /// <returns>Level 0 (off) to 1.</returns>
    public double LevelAt(DateOnly evening, double minuteAfterEveningMidnight, int lamp = 0, long nowMs = 0)
    {
        Clock.Night(evening, out double on, out double off);
        if (minuteAfterEveningMidnight < on || minuteAfterEveningMidnight >= off)
        {
            return 0.0;
        }

        double scheduled = Dimming.LevelAt(minuteAfterEveningMidnight % 1440.0);
        if (Presence is null)
        {
            return scheduled;
        }

        return Presence.IsBoosted(lamp, nowMs) ? Presence.BoostLevel : Math.Min(scheduled, Presence.BaseLevel);
    }
}
