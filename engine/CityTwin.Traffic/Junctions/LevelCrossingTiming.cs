namespace CityTwin.Traffic.Junctions;

/// <summary>Timing of the barriers at level crossings (SUMO's <c>rail_crossing</c> parameters and defaults).</summary>
public sealed record LevelCrossingTiming
{
    /// <summary>The barriers start closing when a train is due at the crossing within this time plus
    /// <see cref="YellowS"/>, seconds (SUMO's <c>time-gap</c>).</summary>
    public double TimeGapS { get; init; } = 15;

    /// <summary>Closing time, seconds: the road sees amber (SUMO's <c>yellow-time</c>).</summary>
    public double YellowS { get; init; } = 5;

    /// <summary>Time after the last train has left the crossing before the barriers start opening, seconds (SUMO's
    /// <c>opening-delay</c>).</summary>
    public double OpeningDelayS { get; init; } = 3;

    /// <summary>Opening time, seconds: the road still sees red (SUMO's <c>opening-time</c>, red-amber).</summary>
    public double OpeningS { get; init; } = 3;

    /// <summary>Shortest time the crossing stays open once opened, seconds (SUMO's <c>min-green</c>).</summary>
    public double MinOpenS { get; init; } = 5;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or not finite; the message names it.</exception>
    public void Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(TimeGapS), TimeGapS), (nameof(YellowS), YellowS), (nameof(OpeningDelayS), OpeningDelayS),
                     (nameof(OpeningS), OpeningS), (nameof(MinOpenS), MinOpenS),
                 })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"LevelCrossingTiming.{name} must be a finite time of 0 s or more.");
            }
        }
    }
}
