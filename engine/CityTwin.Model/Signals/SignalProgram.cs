namespace CityTwin.Model.Signals;

/// <summary>A fixed-time signal program of one junction (one controller per junction, even a clustered one).</summary>
public struct SignalProgram
{
    /// <summary>The controlled junction.</summary>
    public int Junction;

    /// <summary>First phase in <see cref="Roads.RoadNetwork.SignalPhases"/>.</summary>
    public int FirstPhase;

    /// <summary>Number of phases.</summary>
    public int PhaseCount;

    /// <summary>Number of signal links (controlled connections); <see cref="Roads.Connection.SignalLink"/> indexes them.</summary>
    public int LinkCount;

    /// <summary>Sum of the phase durations, seconds.</summary>
    public int CycleS;
}
