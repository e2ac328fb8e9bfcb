namespace CityTwin.Model.Roads;

/// <summary>How right of way is decided at a junction (the SUMO node types the importer can produce).</summary>
public enum JunctionKind : byte
{
    /// <summary>Major roads have priority; minor approaches yield (give way or stop signs make it explicit).</summary>
    Priority = 0,

    /// <summary>A signal controller decides; see <see cref="Junction.SignalProgram"/>.</summary>
    TrafficSignals = 1,

    /// <summary>Equal roads: every approach yields to traffic coming from its right.</summary>
    RightBeforeLeft = 2,

    /// <summary>Every approach has a stop sign; first come, first served.</summary>
    AllWayStop = 3,

    /// <summary>A node of a roundabout: circulating traffic has priority over entering traffic.</summary>
    Roundabout = 4,

    /// <summary>A road ends here (no movement continues, apart from turning round).</summary>
    DeadEnd = 5,
}
