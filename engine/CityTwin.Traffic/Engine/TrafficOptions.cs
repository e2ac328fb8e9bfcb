namespace CityTwin.Traffic.Engine;

/// <summary>Settings of a traffic run.</summary>
public sealed record TrafficOptions
{
    /// <summary>Step length, ms (1,000 by default; down to 100).</summary>
    public long StepMs { get; init; } = 1000;

    /// <summary>Run seed: every random draw of the run derives from it.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The first vehicle of a lane, stopped this long, is removed and counted (SUMO's time-to-teleport, which
    /// also applies to a lane's leader only; here always removal). Zero or negative disables removal.</summary>
    public double MaxWaitS { get; init; } = 300;

    /// <summary>Distance before a junction within which vehicles announce their approach to foes, metres.</summary>
    public double ApproachDistanceM { get; init; } = 100;

    /// <summary>Time gap a yielding vehicle needs before a priority vehicle arrives at the junction, seconds.</summary>
    public double CriticalGapS { get; init; } = 2.0;

    /// <summary>Approximate time a vehicle needs to cross a junction at low speed, seconds.</summary>
    public double CrossingTimeS { get; init; } = 2.0;

    /// <summary>Threads for the step (−1: all cores, at most 256): the network is cut into one partition per thread.
    /// Results do not depend on it.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Whether vehicles change lanes for speed (MOBIL) in addition to route-driven changes.</summary>
    public bool DiscretionaryLaneChanges { get; init; } = true;

    /// <summary>Whether a vehicle that must change lanes near the end of its lane asks the follower on the target lane
    /// to hold back (SUMO LC2013's cooperation).</summary>
    public bool CooperativeLaneChanges { get; init; }

    /// <summary>Period of rerouting on current travel times, seconds (0: never). Each period, edge travel times are set
    /// from the speeds of the vehicles on them and every vehicle takes a new route when it is at least
    /// <see cref="RerouteMinGain"/> faster than the rest of its current one.</summary>
    public double RerouteIntervalS { get; init; }

    /// <summary>Relative travel-time gain a new route must offer to replace the current one.</summary>
    public double RerouteMinGain { get; init; } = 0.1;

    /// <summary>Position update over a step (default: per car-following model, Krauss as SUMO's default Euler update,
    /// IDM ballistic).</summary>
    public PositionUpdate PositionUpdate { get; init; } = PositionUpdate.Auto;

    /// <summary>Timing of the barriers at level crossings (SUMO's defaults).</summary>
    public Junctions.LevelCrossingTiming LevelCrossings { get; init; } = new();

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (StepMs is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(StepMs), StepMs, "The step must be between 1 ms and 10 s.");
        }

        if (ApproachDistanceM <= 0 || CriticalGapS < 0 || CrossingTimeS <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ApproachDistanceM), "Junction settings must be positive.");
        }

        if (RerouteIntervalS < 0 || RerouteMinGain < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RerouteIntervalS), "Rerouting settings must not be negative.");
        }

        if (Threads == 0 || Threads < -1 || Threads > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be −1 (all cores) or 1 to 256.");
        }

        ArgumentNullException.ThrowIfNull(LevelCrossings);
        LevelCrossings.Validate();
    }
}
