using CityTwin.Model.Reporting;
using CityTwin.Model.Signals;
using CityTwin.Traffic.Signals;

namespace CityTwin.IO.Sumo;

/// <summary>Turns a SUMO <c>tlLogic</c> into link states and a <see cref="SignalPlan"/>.</summary>
internal static class SumoSignals
{
    /// <summary>The link states of a phase; throws when a character is not a SUMO signal state.</summary>
    public static SignalState[] States(RawPhase phase, string tlId)
    {
        var states = new SignalState[phase.State.Length];
        for (var i = 0; i < states.Length; i++)
        {
            if (!SumoMappings.TrySignalState(phase.State[i], out states[i]))
            {
                throw new InvalidDataException($"tlLogic '{tlId}': unknown signal state '{phase.State[i]}' in '{phase.State}'");
            }
        }

        return states;
    }

    /// <summary>
    /// Whole seconds, at least 1: the engine's signal clock counts whole seconds, so SUMO's fractional durations are
    /// rounded (and counted in the report).
    /// </summary>
    public static int Seconds(double s, SumoReport report, string tlId)
    {
        var rounded = (int)Math.Max(1, Math.Round(s, MidpointRounding.AwayFromZero));
        if (Math.Abs(rounded - s) > 1e-9)
        {
            report.Add("signals", "phase duration rounded to whole seconds (at least 1 s)", ReportSeverity.Info, tlId);
        }

        return rounded;
    }

    /// <summary>
    /// The plan of a tlLogic: min/max durations from minDur/maxDur (default: the duration), actuated for
    /// <c>type="actuated"</c> and <c>"delay_based"</c>; other types (e.g. NEMA, off) run fixed-time and are reported.
    /// Throws <see cref="InvalidDataException"/> for an empty program, unequal state lengths or unknown state characters.
    /// </summary>
    public static SignalPlan Plan(RawTlLogic tl, SumoReport report)
    {
        if (tl.Phases.Count == 0)
        {
            throw new InvalidDataException($"tlLogic '{tl.Id}' has no phases");
        }

        var linkCount = tl.Phases[0].State.Length;
        var phases = new SignalPlanPhase[tl.Phases.Count];
        for (var i = 0; i < phases.Length; i++)
        {
            var p = tl.Phases[i];
            if (p.State.Length != linkCount)
            {
                throw new InvalidDataException($"tlLogic '{tl.Id}': phase {i} has {p.State.Length} states, phase 0 has {linkCount}");
            }

            var duration = Seconds(p.DurationS, report, tl.Id);
            var min = p.MinDurS is { } mn ? Math.Min(duration, Seconds(mn, report, tl.Id)) : duration;
            var max = p.MaxDurS is { } mx ? Math.Max(duration, Seconds(mx, report, tl.Id)) : duration;
            phases[i] = new SignalPlanPhase(duration, States(p, tl.Id)) { MinDurationS = min, MaxDurationS = max };
        }

        var actuated = tl.Type is "actuated" or "delay_based";
        if (tl.Type is not ("static" or "actuated" or "delay_based"))
        {
            report.Add("signals", $"tlLogic type '{tl.Type}' run as fixed-time", ReportSeverity.Warning, tl.Id);
        }

        var offsetS = (int)Math.Round(tl.OffsetS, MidpointRounding.AwayFromZero);
        return new SignalPlan(phases, linkCount, offsetS, actuated);
    }
}
