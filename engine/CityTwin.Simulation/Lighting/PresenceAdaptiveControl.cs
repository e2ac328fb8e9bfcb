namespace CityTwin.Simulation.Lighting;

/// <summary>
/// Presence-adaptive control of the lamps along one road (TALQ <c>dynamicControls</c> with a presence sensor
/// source and <c>holdTime</c>, energy.md §3.2–3.3): every lamp burns at a base level; a detection at a lamp boosts it
/// and its <see cref="NeighbourSpread"/> neighbours on each side (lamps ordered along the road) to the boost level
/// until the hold time after the last detection has passed. A state machine over integer simulation time (ms).
/// </summary>
public sealed class PresenceAdaptiveControl
{
    private readonly long[] _boostUntilMs;

    /// <summary>Creates a controller for <paramref name="lampCount"/> lamps ordered along a road.</summary>
    /// <param name="lampCount">Number of lamps.</param>
    /// <param name="baseLevel">Level without presence (e.g. 0.3).</param>
    /// <param name="boostLevel">Level with presence (the class level, usually 1).</param>
    /// <param name="holdTimeMs">Hold time after the last detection, ms.</param>
    /// <param name="neighbourSpread">Lamps boosted on each side of a detecting lamp.</param>
    public PresenceAdaptiveControl(int lampCount, double baseLevel, double boostLevel, long holdTimeMs, int neighbourSpread)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lampCount);
        ArgumentOutOfRangeException.ThrowIfNegative(holdTimeMs);
        ArgumentOutOfRangeException.ThrowIfNegative(neighbourSpread);
        _boostUntilMs = new long[lampCount];
        Array.Fill(_boostUntilMs, long.MinValue);
        BaseLevel = baseLevel;
        BoostLevel = boostLevel;
        HoldTimeMs = holdTimeMs;
        NeighbourSpread = neighbourSpread;
    }

    /// <summary>Level without presence.</summary>
    public double BaseLevel { get; }

    /// <summary>Level with presence.</summary>
    public double BoostLevel { get; }

    /// <summary>Hold time, ms.</summary>
    public long HoldTimeMs { get; }

    /// <summary>Lamps boosted on each side of a detecting lamp.</summary>
    public int NeighbourSpread { get; }

    /// <summary>Number of lamps.</summary>
    public int LampCount => _boostUntilMs.Length;

    /// <summary>Registers a detection at a lamp (e.g. a vehicle within its detection range this step).</summary>
    /// <param name="lamp">Index of the detecting lamp along the road.</param>
    /// <param name="nowMs">Simulation time, ms.</param>
    public void Detect(int lamp, long nowMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lamp);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lamp, LampCount);
        int from = Math.Max(0, lamp - NeighbourSpread), to = Math.Min(LampCount - 1, lamp + NeighbourSpread);
        long until = nowMs + HoldTimeMs;
        for (int i = from; i <= to; i++)
        {
            _boostUntilMs[i] = Math.Max(_boostUntilMs[i], until);
        }
    }

    /// <summary>Whether a lamp is within the hold time of a detection.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <param name="nowMs">Simulation time, ms.</param>
    /// <returns>True while boosted.</returns>
    public bool IsBoosted(int lamp, long nowMs) => nowMs < _boostUntilMs[lamp];

    /// <summary>When a lamp's current boost ends (or ended), ms; 0 when it was never boosted.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <returns>Time, ms.</returns>
    public long BoostUntilMs(int lamp) => _boostUntilMs[lamp];

    /// <summary>The commanded level of a lamp at a time.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <param name="nowMs">Simulation time, ms.</param>
    /// <returns>Boost level while held, base level otherwise.</returns>
    public double LevelAt(int lamp, long nowMs) => nowMs < _boostUntilMs[lamp] ? BoostLevel : BaseLevel;

    /// <summary>Writes every lamp's level at a time.</summary>
    /// <param name="nowMs">Simulation time, ms.</param>
    /// <param name="levels">Receives one level per lamp.</param>
    public void Levels(long nowMs, Span<double> levels)
    {
        for (int i = 0; i < _boostUntilMs.Length; i++)
        {
            levels[i] = nowMs < _boostUntilMs[i] ? BoostLevel : BaseLevel;
        }
    }
}
