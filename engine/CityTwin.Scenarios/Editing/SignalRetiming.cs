using CityTwin.Model.Signals;
using CityTwin.Scenarios.Definition;
using CityTwin.Traffic.Signals;

namespace CityTwin.Scenarios.Editing;

/// <summary>Applies a <see cref="SignalEdit"/> to one fixed-time plan.</summary>
public static class SignalRetiming
{
    /// <summary>
    /// Whether a phase is a main green phase (some link green, none amber). Cycle changes and splits act on these;
    /// amber and all-red intervals keep their length, as a traffic engineer retiming a junction would keep them.
    /// </summary>
    /// <param name="phase">The phase.</param>
    /// <returns>True for a main green phase.</returns>
    public static bool IsMainGreen(SignalPlanPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return phase.HasGreen && !phase.States.Contains(SignalState.Yellow);
    }

    /// <summary>The retimed plan.</summary>
    /// <param name="plan">The current plan.</param>
    /// <param name="edit">The edit.</param>
    /// <param name="problem">Why the edit does not fit this plan, or null.</param>
    /// <returns>The new plan (the old one when there is a problem).</returns>
    public static SignalPlan Apply(SignalPlan plan, SignalEdit edit, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(edit);
        problem = null;
        var phases = plan.Phases.ToArray();
        var greens = Enumerable.Range(0, phases.Length).Where(i => IsMainGreen(phases[i])).ToArray();
        if (greens.Length == 0)
        {
            problem = "the signal program has no green phase";
            return plan;
        }

        var fixedS = phases.Where(p => !IsMainGreen(p)).Sum(p => p.DurationS);
        if (edit.GreenSplitsS.Count > 0)
        {
            if (edit.GreenSplitsS.Count != greens.Length)
            {
                problem = $"greenSplitsS has {edit.GreenSplitsS.Count} values but the program has {greens.Length} green phases " +
                          $"(current greens: {string.Join(", ", greens.Select(g => phases[g].DurationS))} s)";
                return plan;
            }

            for (var k = 0; k < greens.Length; k++)
            {
                phases[greens[k]] = WithDuration(phases[greens[k]], edit.GreenSplitsS[k]);
            }
        }

        if (edit.CycleS is { } cycle)
        {
            var green = greens.Sum(g => phases[g].DurationS);
            var available = cycle - fixedS;
            if (available < greens.Length * 3)
            {
                problem = $"cycleS {cycle} leaves {available} s for {greens.Length} green phases after {fixedS} s of amber and all-red";
                return plan;
            }

            // Scale greens proportionally; hand the rounding remainder to the longest green so the cycle is exact.
            var scaled = greens.Select(g => Math.Max(3, (int)Math.Round(phases[g].DurationS * (double)available / green))).ToArray();
            var longest = Array.IndexOf(scaled, scaled.Max());
            scaled[longest] += available - scaled.Sum();
            for (var k = 0; k < greens.Length; k++)
            {
                phases[greens[k]] = WithDuration(phases[greens[k]], scaled[k]);
            }
        }

        var result = new SignalPlan(phases, plan.LinkCount, edit.OffsetS ?? plan.OffsetS, plan.Actuated);
        return edit.Actuated ? result.ToActuated(edit.MinGreenS, edit.MaxGreenS) : result;
    }

    /// <summary>A retimed phase is fixed at its new length (actuated bounds are set afresh by <c>actuated: true</c>).</summary>
    private static SignalPlanPhase WithDuration(SignalPlanPhase phase, int durationS) =>
        phase with { DurationS = durationS, MinDurationS = durationS, MaxDurationS = durationS };
}
