using System.Diagnostics;
using System.Globalization;

namespace CityTwin.Scenarios.Running;

/// <summary>
/// Wall-clock seconds per stage of a run (load city, demand, routing, traffic, energy, outputs…), in the order the stages
/// ran, so that a user can see where the time of a short run goes (SUMO prints its own duration log the same way).
/// Times are for information only: they never enter KPIs or comparisons.
/// </summary>
public sealed class StageTimes
{
    private readonly List<KeyValuePair<string, double>> _stages = [];

    /// <summary>Stages and their wall seconds, in the order they ran; a stage met twice (replications) is summed.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Stages => _stages;

    /// <summary>Adds wall seconds to a stage (created at the end of the list the first time).</summary>
    /// <param name="stage">Stage name.</param>
    /// <param name="seconds">Wall seconds.</param>
    public void Add(string stage, double seconds)
    {
        for (var i = 0; i < _stages.Count; i++)
        {
            if (_stages[i].Key == stage)
            {
                _stages[i] = new(stage, _stages[i].Value + seconds);
                return;
            }
        }

        _stages.Add(new(stage, seconds));
    }

    /// <summary>Adds the wall time since <paramref name="startTimestamp"/> to a stage and returns a new start.</summary>
    /// <param name="stage">Stage name.</param>
    /// <param name="startTimestamp">A <see cref="Stopwatch.GetTimestamp"/> value.</param>
    /// <returns>The current timestamp, the start of the next stage.</returns>
    public long Lap(string stage, long startTimestamp)
    {
        var now = Stopwatch.GetTimestamp();
        Add(stage, Stopwatch.GetElapsedTime(startTimestamp, now).TotalSeconds);
        return now;
    }

    /// <summary>Adds every stage of another set (a replication's into the run's).</summary>
    /// <param name="other">The other set.</param>
    public void AddAll(StageTimes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (stage, seconds) in other.Stages)
        {
            Add(stage, seconds);
        }
    }

    /// <summary>One line for logs: <c>load city 0.21 s · demand 0.05 s · traffic 0.49 s</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        string.Join(" · ", _stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:0.00} s")));
}
