namespace CityTwin.Simulation.Lighting;

/// <summary>
/// Presence-adaptive control of the lamps along one road (TALQ <c>dynamicControls</c> with a presence sensor
/// source and <c>holdTime</c>, energy.md §3.2–3.3): every lamp burns at a base level; a detection at a lamp boosts it
/// and its <see cref="NeighbourSpread"/> neighbours on each side (lamps ordered along the road) to the boost level
/// until the hold time after the last detection has passed. A state machine over integer simulation time (ms).
/// </summary>
/// <remarks>
/// Implementation note: only each lamp's last detection time is stored; a lamp's boost end is the latest detection within
/// its spread plus the hold time, computed when asked. A detection is then one write, whatever the spread (updating the
/// boost end of every neighbour on each detection dominated the lighting cost).
/// </remarks>
public sealed class PresenceAdaptiveControl
{
    private const long Never = long.MinValue / 4;
    private readonly long[] _lastDetectionMs;

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
        _lastDetectionMs = new long[lampCount];
        Array.Fill(_lastDetectionMs, Never);
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
    public int LampCount => _lastDetectionMs.Length;

    /// <summary>Registers a detection at a lamp (e.g. a vehicle within its detection range this step).</summary>
    /// <param name="lamp">Index of the detecting lamp along the road.</param>
    /// <param name="nowMs">Simulation time, ms.</param>
    public void Detect(int lamp, long nowMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lamp);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lamp, LampCount);
        _lastDetectionMs[lamp] = Math.Max(_lastDetectionMs[lamp], nowMs);
    }

    /// <summary>Time of a lamp's last own detection, ms (a large negative number when never detected).</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <returns>Time, ms.</returns>
    public long LastDetectionMs(int lamp) => _lastDetectionMs[lamp];

    /// <summary>Whether a lamp is within the hold time of a detection.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <param name="nowMs">Simulation time, ms.</param>
    /// <returns>True while boosted.</returns>
    public bool IsBoosted(int lamp, long nowMs) => nowMs < Until(lamp);

    /// <summary>When a lamp's current boost ends (or ended), ms; 0 when it was never boosted.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <returns>Time, ms.</returns>
    public long BoostUntilMs(int lamp) => Math.Max(0, Until(lamp));

    /// <summary>The commanded level of a lamp at a time.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <param name="nowMs">Simulation time, ms.</param>
    /// <returns>Boost level while held, base level otherwise.</returns>
    public double LevelAt(int lamp, long nowMs) => nowMs < Until(lamp) ? BoostLevel : BaseLevel;

    /// <summary>Writes every lamp's level at a time.</summary>
    /// <param name="nowMs">Simulation time, ms.</param>
    /// <param name="levels">Receives one level per lamp.</param>
    public void Levels(long nowMs, Span<double> levels)
    {
        for (int i = 0; i < _lastDetectionMs.Length; i++)
        {
            levels[i] = nowMs < Until(i) ? BoostLevel : BaseLevel;
        }
    }

    /// <summary>End of a lamp's boost: the latest detection among it and its spread neighbours, plus the hold time.</summary>
    private long Until(int lamp)
    {
        var from = Math.Max(0, lamp - NeighbourSpread);
        var to = Math.Min(_lastDetectionMs.Length - 1, lamp + NeighbourSpread);
        var last = Never;
        for (var i = from; i <= to; i++)
        {
            last = Math.Max(last, _lastDetectionMs[i]);
        }

        return last + HoldTimeMs;
    }
}
