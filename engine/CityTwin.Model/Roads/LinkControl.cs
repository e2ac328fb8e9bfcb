namespace CityTwin.Model.Roads;

/// <summary>How a connection is controlled when no signal overrides it.</summary>
public enum LinkControl : byte
{
    /// <summary>Priority movement: yields only where a <see cref="Conflict.MustYield"/> says so.</summary>
    Major = 0,

    /// <summary>Minor movement: yields to its foes (give way).</summary>
    Minor = 1,

    /// <summary>Stop sign: stop, then yield.</summary>
    Stop = 2,

    /// <summary>All-way stop: stop, then first come, first served.</summary>
    AllWayStop = 3,

    /// <summary>Controlled by a signal program (see <see cref="Connection.SignalLink"/>).</summary>
    Signal = 4,

    /// <summary>Right before left: yield to foes from the right.</summary>
    RightBeforeLeft = 5,

    /// <summary>
    /// Rail block signal (SUMO's <c>rail_signal</c> junctions): a vehicle passes only when the track beyond it, up to the
    /// next rail signal along its route or the route's end, holds no other vehicle.
    /// </summary>
    RailSignal = 6,

    /// <summary>
    /// Road link over a level crossing (SUMO's <c>rail_crossing</c> junctions): the barriers close it from shortly before
    /// a train arrives until after the train has passed; while open it is a priority link that still gives way to the
    /// tracks (see <see cref="Conflict.MustYield"/>).
    /// </summary>
    RailCrossing = 7,
}
