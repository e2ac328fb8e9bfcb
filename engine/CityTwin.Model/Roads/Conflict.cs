namespace CityTwin.Model.Roads;

/// <summary>One foe of a connection. Each conflicting pair appears twice (once per side); exactly one side yields.</summary>
public struct Conflict
{
    /// <summary>The foe connection.</summary>
    public int Foe;

    /// <summary>Crossing or merging.</summary>
    public ConflictKind Kind;

    /// <summary>Whether the owning connection must yield to <see cref="Foe"/> (when both may go at once).</summary>
    public bool MustYield;
}
