namespace CityTwin.Simulation.Lighting;

/// <summary>
/// Fixed-time dimming steps inside the burning period (TALQ <c>fixedTimeControls</c>): each step sets a level from a
/// local clock time until the next step, on a noon-to-noon night (times before noon belong to the morning). E.g. the
/// Dutch "D60" scheme: 100 % at switch-on, 70 % from 20:00, 50 % from 22:00, 100 % from 05:00 (energy.md §3.2).
/// </summary>
public sealed class DimmingProgram
{
    private readonly double[] _nightMinutes;
    private readonly double[] _levels;

    /// <summary>Creates a program.</summary>
    /// <param name="steps">(local minute of day 0–1439, level 0–1) pairs, in any order; the level at switch-on is 1 until the first step.</param>
    public DimmingProgram(params (double MinuteOfDay, double Level)[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var sorted = steps.Select(s => (Night: ToNightMinute(s.MinuteOfDay), s.Level)).OrderBy(s => s.Night).ToArray();
        _nightMinutes = sorted.Select(s => s.Night).ToArray();
        _levels = sorted.Select(s => Math.Clamp(s.Level, 0.0, 1.0)).ToArray();
    }

    /// <summary>Always full output.</summary>
    public static DimmingProgram None { get; } = new();

    /// <summary>The D60 scheme: 70 % from 20:00, 50 % from 22:00, 100 % from 05:00.</summary>
    public static DimmingProgram D60 { get; } = new((20 * 60, 0.7), (22 * 60, 0.5), (5 * 60, 1.0));

    /// <summary>The level at a local time of day (during the burning period).</summary>
    /// <param name="minuteOfDay">Local minutes after midnight.</param>
    /// <returns>Level 0–1.</returns>
    public double LevelAt(double minuteOfDay)
    {
        double t = ToNightMinute(minuteOfDay);
        double level = 1.0;
        for (int i = 0; i < _nightMinutes.Length && _nightMinutes[i] <= t; i++)
        {
            level = _levels[i];
        }

        return level;
    }

    /// <summary>Energy of one luminaire over a burning period, integrating the steps exactly.</summary>
    /// <param name="luminaire">The luminaire.</param>
    /// <param name="onMin">Switch-on, minutes after the evening's midnight.</param>
    /// <param name="offMin">Switch-off, minutes after the evening's midnight (may exceed 1440).</param>
    /// <returns>Energy, Wh.</returns>
    public double EnergyWh(in Luminaire luminaire, double onMin, double offMin)
    {
        // Night minutes are measured from noon; the burning period in the same frame is [on − 720, off − 720].
        double start = onMin - 720.0, end = offMin - 720.0;
        double energy = 0.0, t = start, level = LevelAt(onMin % 1440.0);
        for (int i = 0; i < _nightMinutes.Length; i++)
        {
            double s = _nightMinutes[i];
            if (s <= start)
            {
                continue;
            }

            if (s >= end)
            {
                break;
            }

            energy += luminaire.PowerW(level) * (s - t) / 60.0;
            t = s;
            level = _levels[i];
        }

        return energy + (luminaire.PowerW(level) * (end - t) / 60.0);
    }

    private static double ToNightMinute(double minuteOfDay)
    {
        double m = ((minuteOfDay % 1440.0) + 1440.0) % 1440.0;
        return m >= 720.0 ? m - 720.0 : m + 720.0;
    }
}
