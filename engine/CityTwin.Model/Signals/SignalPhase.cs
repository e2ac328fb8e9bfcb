namespace CityTwin.Model.Signals;

/// <summary>One phase of a fixed-time signal program.</summary>
public struct SignalPhase
{
    /// <summary>Duration, seconds.</summary>
    public int DurationS;

    /// <summary>
    /// First state in <see cref="Roads.RoadNetwork.SignalStates"/>; the phase has one state per link of its program
    /// (<see cref="SignalProgram.LinkCount"/>), in link order.
    /// </summary>
    public int FirstState;
}
