using CityTwin.Model.Signals;

namespace CityTwin.Traffic.Junctions;

/// <summary>
/// The barriers of every level crossing: a state machine per crossing, advanced once per step from the time until which
/// the trains it watches require it closed (SUMO's <c>MSRailCrossing</c>: open → closing for the yellow time → closed
/// until no train is due → opening → open for at least the minimum open time; a train due while opening closes it
/// again). As in SUMO, the machine looks at the trains only when its current phase ends.
/// </summary>
internal sealed class LevelCrossings
{
    private readonly BarrierPhase[] _phase;
    private readonly long[] _nextCheckMs;
    private readonly int[] _closures;
    private readonly long[] _downMs;
    private readonly long _yellowMs;
    private readonly long _openingMs;
    private readonly long _minOpenMs;

    /// <summary>Creates the barriers of <paramref name="count"/> crossings, all open.</summary>
    public LevelCrossings(int count, LevelCrossingTiming timing)
    {
        _phase = new BarrierPhase[count];
        _nextCheckMs = new long[count];
        _closures = new int[count];
        _downMs = new long[count];
        _yellowMs = (long)Math.Round(timing.YellowS * 1000);
        _openingMs = (long)Math.Round(timing.OpeningS * 1000);
        _minOpenMs = (long)Math.Round(timing.MinOpenS * 1000);
    }

    /// <summary>Number of crossings.</summary>
    public int Count => _phase.Length;

    /// <summary>Where crossing <paramref name="crossing"/>'s barriers are.</summary>
    public BarrierPhase Phase(int crossing) => _phase[crossing];

    /// <summary>How often crossing <paramref name="crossing"/>'s barriers started closing.</summary>
    public int Closures(int crossing) => _closures[crossing];

    /// <summary>How long crossing <paramref name="crossing"/> was not open to the road (closing, closed or opening), ms.</summary>
    public long DownMs(int crossing) => _downMs[crossing];

    /// <summary>The crossing's state as a signal for the road: green when open, amber while closing, red otherwise.</summary>
    public SignalState RoadState(int crossing) => _phase[crossing] switch
    {
        BarrierPhase.Open => SignalState.GreenMajor,
        BarrierPhase.Closing => SignalState.Yellow,
        _ => SignalState.Red,
    };

    /// <summary>Advances every crossing to <paramref name="nowMs"/>.</summary>
    /// <param name="nowMs">The time the step ends, ms.</param>
    /// <param name="stepMs">Step length, ms.</param>
    /// <param name="closedUntilMs">Per crossing, until when the trains require it closed (at most <paramref name="nowMs"/>
    /// when none does).</param>
    public void Advance(long nowMs, long stepMs, ReadOnlySpan<long> closedUntilMs)
    {
        for (var x = 0; x < _phase.Length; x++)
        {
            if (nowMs >= _nextCheckMs[x])
            {
                Check(x, nowMs, stepMs, Math.Max(0, closedUntilMs[x] - nowMs));
            }

            _downMs[x] += _phase[x] == BarrierPhase.Open ? 0 : stepMs; // the phase set now holds for the next step
        }
    }

    /// <summary>Ends or extends crossing <paramref name="x"/>'s phase, given how long the trains still require it
    /// closed (<paramref name="waitMs"/>, 0 when none does).</summary>
    private void Check(int x, long nowMs, long stepMs, long waitMs)
    {
        switch (_phase[x])
        {
            case BarrierPhase.Open when waitMs > 0:
                Enter(x, BarrierPhase.Closing, nowMs + _yellowMs);
                _closures[x]++;
                break;
            case BarrierPhase.Open:
                _nextCheckMs[x] = nowMs + stepMs;
                break;
            case BarrierPhase.Closing:
                Enter(x, BarrierPhase.Closed, nowMs + Math.Max(stepMs, waitMs));
                break;
            case BarrierPhase.Closed when waitMs == 0:
                Enter(x, BarrierPhase.Opening, nowMs + _openingMs);
                break;
            case BarrierPhase.Closed:
                _nextCheckMs[x] = nowMs + waitMs;
                break;
            case BarrierPhase.Opening when waitMs == 0:
                Enter(x, BarrierPhase.Open, nowMs + _minOpenMs);
                break;
            case BarrierPhase.Opening:
                Enter(x, BarrierPhase.Closed, nowMs + waitMs); // a train came while the barriers were rising
                break;
        }
    }

    private void Enter(int crossing, BarrierPhase phase, long untilMs)
    {
        _phase[crossing] = phase;
        _nextCheckMs[crossing] = untilMs;
    }

    /// <summary>Captures the barriers' state for a snapshot.</summary>
    public (byte[] Phase, long[] NextCheckMs, int[] Closures, long[] DownMs) Capture() =>
        (_phase.Select(p => (byte)p).ToArray(), (long[])_nextCheckMs.Clone(), (int[])_closures.Clone(), (long[])_downMs.Clone());

    /// <summary>Restores the barriers' state from a snapshot.</summary>
    /// <exception cref="InvalidOperationException">The snapshot has another number of crossings.</exception>
    public void Restore(byte[] phase, long[] nextCheckMs, int[] closures, long[] downMs)
    {
        if (phase.Length != _phase.Length || nextCheckMs.Length != _phase.Length || closures.Length != _phase.Length ||
            downMs.Length != _phase.Length)
        {
            throw new InvalidOperationException(
                $"The snapshot has {phase.Length} level crossings; this simulation's network has {_phase.Length}.");
        }

        for (var x = 0; x < phase.Length; x++)
        {
            _phase[x] = (BarrierPhase)phase[x];
        }

        nextCheckMs.CopyTo(_nextCheckMs, 0);
        closures.CopyTo(_closures, 0);
        downMs.CopyTo(_downMs, 0);
    }
}
