using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.Traffic.Signals;

/// <summary>
/// The program a signal controller runs: phases with durations (and, when actuated, min/max green), and an offset.
/// Built from the city model's default program, or given by a scenario edit or a SUMO <c>tlLogic</c>.
/// </summary>
public sealed class SignalPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="phases">Phases in cycle order (at least one).</param>
    /// <param name="linkCount">Number of signal links; every phase has one state per link.</param>
    /// <param name="offsetS">Cycle offset, seconds (the cycle starts at t = −offset).</param>
    /// <param name="actuated">Whether green phases extend on detector gaps between their min and max durations.</param>
    public SignalPlan(IReadOnlyList<SignalPlanPhase> phases, int linkCount, int offsetS = 0, bool actuated = false)
    {
        ArgumentNullException.ThrowIfNull(phases);
        if (phases.Count == 0)
        {
            throw new ArgumentException("A signal plan needs at least one phase.", nameof(phases));
        }

        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            if (phase.States.Length != linkCount)
            {
                throw new ArgumentException($"Phase {i} has {phase.States.Length} link states, expected {linkCount}.", nameof(phases));
            }

            if (phase.MinDurationS <= 0 || phase.MaxDurationS < phase.MinDurationS || phase.DurationS < phase.MinDurationS ||
                phase.DurationS > phase.MaxDurationS)
            {
                throw new ArgumentException(
                    $"Phase {i}: durations must satisfy 0 < min ({phase.MinDurationS}) <= duration ({phase.DurationS}) <= max ({phase.MaxDurationS}).",
                    nameof(phases));
            }
        }

        Phases = phases;
        LinkCount = linkCount;
        OffsetS = offsetS;
        Actuated = actuated;
        CycleS = phases.Sum(p => p.DurationS);
    }

    /// <summary>Phases in cycle order.</summary>
    public IReadOnlyList<SignalPlanPhase> Phases { get; }

    /// <summary>Number of signal links.</summary>
    public int LinkCount { get; }

    /// <summary>Cycle offset, seconds.</summary>
    public int OffsetS { get; }

    /// <summary>Whether green phases are gap-actuated.</summary>
    public bool Actuated { get; }

    /// <summary>Sum of nominal phase durations, seconds.</summary>
    public int CycleS { get; }

    /// <summary>The fixed-time plan of a model program.</summary>
    /// <param name="network">The road network.</param>
    /// <param name="program">Program index.</param>
    /// <returns>The plan.</returns>
    public static SignalPlan FromModel(RoadNetwork network, int program)
    {
        ArgumentNullException.ThrowIfNull(network);
        var p = network.SignalPrograms[program];
        var phases = new SignalPlanPhase[p.PhaseCount];
        for (var i = 0; i < p.PhaseCount; i++)
        {
            var duration = network.SignalPhases[p.FirstPhase + i].DurationS;
            phases[i] = new SignalPlanPhase(duration, network.GetPhaseStates(program, i).ToArray());
        }

        return new SignalPlan(phases, p.LinkCount);
    }

    /// <summary>
    /// This plan switched to gap-based actuation, with SUMO's defaults for generated actuated programs
    /// (green 5–50 s) on phases that give some link a green.
    /// </summary>
    /// <param name="minGreenS">Minimum green, seconds.</param>
    /// <param name="maxGreenS">Maximum green, seconds.</param>
    /// <returns>The actuated plan.</returns>
    public SignalPlan ToActuated(int minGreenS = 5, int maxGreenS = 50)
    {
        var phases = Phases.Select(p => p.HasGreen
            ? p with { MinDurationS = Math.Min(minGreenS, p.DurationS), MaxDurationS = Math.Max(maxGreenS, p.DurationS) }
            : p).ToArray();
        return new SignalPlan(phases, LinkCount, OffsetS, actuated: true);
    }
}

/// <summary>One phase of a <see cref="SignalPlan"/>.</summary>
/// <param name="DurationS">Nominal duration, seconds.</param>
/// <param name="States">One state per signal link.</param>
public sealed record SignalPlanPhase(int DurationS, SignalState[] States)
{
    /// <summary>Shortest duration when actuated (defaults to the nominal duration).</summary>
    public int MinDurationS { get; init; } = DurationS;

    /// <summary>Longest duration when actuated (defaults to the nominal duration).</summary>
    public int MaxDurationS { get; init; } = DurationS;

    /// <summary>Whether any link is green in this phase.</summary>
    public bool HasGreen => States.Any(s => s is SignalState.GreenMajor or SignalState.GreenMinor);
}
