namespace CityTwin.Model.Signals;

/// <summary>The state of one signal link during a phase (SUMO's r, y, G, g).</summary>
public enum SignalState : byte
{
    /// <summary>Red: stop.</summary>
    Red = 0,

    /// <summary>Amber: stop if possible.</summary>
    Yellow = 1,

    /// <summary>Green with priority ('G').</summary>
    GreenMajor = 2,

    /// <summary>Green, but yield to conflicting green movements ('g', e.g. a permissive left turn).</summary>
    GreenMinor = 3,
}
