namespace CityTwin.Traffic.Junctions;

/// <summary>Where a level crossing's barriers are, as the road sees them.</summary>
public enum BarrierPhase : byte
{
    /// <summary>Open: the road may cross (giving way to the tracks).</summary>
    Open = 0,

    /// <summary>Closing: amber for the road; a vehicle that can stop comfortably stops.</summary>
    Closing = 1,

    /// <summary>Closed: red for the road.</summary>
    Closed = 2,

    /// <summary>Opening: still red for the road.</summary>
    Opening = 3,
}
