using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.Traffic.Signals;

/// <summary>
/// Runs every signal program of a network on the simulation clock: fixed-time cycles with offsets, or gap-based
/// actuation (a green phase past its minimum ends when no vehicle has been detected at its stop lines for
/// <see cref="MaxGapS"/> seconds, or at its maximum), as SUMO's <c>actuated</c> type.
/// </summary>
public sealed class SignalControllers
{
    private readonly SignalPlan[] _plans;
    private readonly int[] _phase;
    private readonly long[] _elapsedMs;

    /// <summary>Creates controllers for every program of the network, running its default plans.</summary>
    /// <param name="network">The road network.</param>
    public SignalControllers(RoadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        var count = network.SignalPrograms.Length;
        _plans = new SignalPlan[count];
        _phase = new int[count];
        _elapsedMs = new long[count];
        for (var p = 0; p < count; p++)
        {
            _plans[p] = SignalPlan.FromModel(network, p);
        }

        LinkLanes = BuildLinkLanes(network);
        for (var p = 0; p < count; p++)
        {
            Reset(p);
        }
    }

    /// <summary>The network.</summary>
    public RoadNetwork Network { get; }

    /// <summary>Gap that ends an actuated green, seconds (SUMO's max-gap default).</summary>
    public double MaxGapS { get; set; } = 3.0;

    /// <summary>Number of programs.</summary>
    public int Count => _plans.Length;

    /// <summary>For each program, for each link, the incoming lanes it serves.</summary>
    internal int[][][] LinkLanes { get; }

    /// <summary>The plan a program runs.</summary>
    /// <param name="program">Program index.</param>
    /// <returns>The plan.</returns>
    public SignalPlan GetPlan(int program) => _plans[program];

    /// <summary>Replaces the plan of a program (scenario edit, SUMO tlLogic) and restarts its cycle.</summary>
    /// <param name="program">Program index.</param>
    /// <param name="plan">The new plan; its link count must match.</param>
    public void SetPlan(int program, SignalPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.LinkCount != _plans[program].LinkCount)
        {
            throw new ArgumentException(
                $"Signal program {program} has {_plans[program].LinkCount} links; the new plan has {plan.LinkCount}.", nameof(plan));
        }

        _plans[program] = plan;
        Reset(program);
    }

    /// <summary>Current phase of a program.</summary>
    /// <param name="program">Program index.</param>
    /// <returns>Phase index.</returns>
    public int CurrentPhase(int program) => _phase[program];

    /// <summary>State of a signal link now.</summary>
    /// <param name="program">Program index.</param>
    /// <param name="link">Link index.</param>
    /// <returns>The state.</returns>
    public SignalState State(int program, int link) => _plans[program].Phases[_phase[program]].States[link];

    /// <summary>Advances every controller by one step.</summary>
    /// <param name="stepMs">Step length, ms.</param>
    /// <param name="laneGapS">Seconds since a vehicle last occupied the stop line of each lane (actuation input).</param>
    public void Advance(long stepMs, ReadOnlySpan<double> laneGapS) => Advance(stepMs, new SpanGaps(laneGapS));

    /// <summary>Advances every controller by one step, with the detector input as stop-line times.</summary>
    /// <param name="stepMs">Step length, ms.</param>
    /// <param name="stopLineMs">Per lane, at <c>lane * stride</c>, when a vehicle last occupied its stop line, ms.</param>
    /// <param name="stride">Entries per lane in <paramref name="stopLineMs"/>.</param>
    /// <param name="nowMs">The time the step ends, ms.</param>
    internal void Advance(long stepMs, long[] stopLineMs, int stride, long nowMs) => Advance(stepMs, new StampGaps(stopLineMs, stride, nowMs));

    private void Advance<TGaps>(long stepMs, TGaps laneGapS)
        where TGaps : ILaneGaps, allows ref struct
    {
        for (var p = 0; p < _plans.Length; p++)
        {
            var plan = _plans[p];
            _elapsedMs[p] += stepMs;
            var phase = plan.Phases[_phase[p]];
            var elapsedS = _elapsedMs[p] / 1000.0;
            bool end;
            if (plan.Actuated && phase.MaxDurationS > phase.MinDurationS)
            {
                end = elapsedS >= phase.MaxDurationS || (elapsedS >= phase.MinDurationS && !Demand(p, phase, laneGapS));
            }
            else
            {
                end = elapsedS >= phase.DurationS;
            }

            if (end)
            {
                _phase[p] = (_phase[p] + 1) % plan.Phases.Count;
                _elapsedMs[p] = 0;
            }
        }
    }

    /// <summary>Captures controller state for a snapshot.</summary>
    internal (int[] Phase, long[] ElapsedMs) Capture() => ((int[])_phase.Clone(), (long[])_elapsedMs.Clone());

    /// <summary>Restores controller state from a snapshot.</summary>
    internal void Restore(int[] phase, long[] elapsedMs)
    {
        phase.CopyTo(_phase, 0);
        elapsedMs.CopyTo(_elapsedMs, 0);
    }

    /// <summary>Whether a vehicle was detected recently at a stop line the phase serves with green.</summary>
    private bool Demand<TGaps>(int program, SignalPlanPhase phase, TGaps laneGapS)
        where TGaps : ILaneGaps, allows ref struct
    {
        var lanes = LinkLanes[program];
        for (var link = 0; link < phase.States.Length; link++)
        {
            if (phase.States[link] is not (SignalState.GreenMajor or SignalState.GreenMinor))
            {
                continue;
            }

            foreach (var lane in lanes[link])
            {
                if (laneGapS.GapS(lane) < MaxGapS)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Puts a program at the point of its cycle given by its offset at t = 0.</summary>
    private void Reset(int program)
    {
        var plan = _plans[program];
        _phase[program] = 0;
        _elapsedMs[program] = 0;
        var intoCycleS = ((plan.OffsetS % plan.CycleS) + plan.CycleS) % plan.CycleS;
        while (intoCycleS >= plan.Phases[_phase[program]].DurationS)
        {
            intoCycleS -= plan.Phases[_phase[program]].DurationS;
            _phase[program]++;
        }

        _elapsedMs[program] = intoCycleS * 1000L;
    }

    private static int[][][] BuildLinkLanes(RoadNetwork network)
    {
        var lists = new List<int>[network.SignalPrograms.Length][];
        for (var p = 0; p < lists.Length; p++)
        {
            lists[p] = new List<int>[network.SignalPrograms[p].LinkCount];
            for (var l = 0; l < lists[p].Length; l++)
            {
                lists[p][l] = [];
            }
        }

        var connections = network.Connections;
        for (var c = 0; c < connections.Length; c++)
        {
            var connection = connections[c];
            if (connection.Control != LinkControl.Signal || connection.SignalLink < 0)
            {
                continue;
            }

            var program = network.Junctions[connection.Junction].SignalProgram;
            var list = lists[program][connection.SignalLink];
            if (!list.Contains(connection.FromLane))
            {
                list.Add(connection.FromLane);
            }
        }

        return lists.Select(p => p.Select(l => l.ToArray()).ToArray()).ToArray();
    }

    /// <summary>Seconds since a vehicle last occupied a lane's stop line.</summary>
    private interface ILaneGaps
    {
        double GapS(int lane);
    }

    private readonly ref struct SpanGaps(ReadOnlySpan<double> gaps) : ILaneGaps
    {
        private readonly ReadOnlySpan<double> _gaps = gaps;

        public double GapS(int lane) => _gaps[lane];
    }

    private readonly struct StampGaps(long[] stopLineMs, int stride, long nowMs) : ILaneGaps
    {
        public double GapS(int lane) => (nowMs - stopLineMs[lane * stride]) / 1000.0;
    }
}
