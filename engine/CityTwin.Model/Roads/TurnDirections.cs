namespace CityTwin.Model.Roads;

/// <summary>Turn directions (a bit set), as in OSM <c>turn:lanes</c> and as classified for connections.</summary>
[Flags]
public enum TurnDirections : ushort
{
    /// <summary>No direction (untagged lane).</summary>
    None = 0,

    /// <summary>Straight on (<c>through</c>).</summary>
    Through = 1,

    /// <summary>Left.</summary>
    Left = 2,

    /// <summary>Right.</summary>
    Right = 4,

    /// <summary>Slight left.</summary>
    SlightLeft = 8,

    /// <summary>Slight right.</summary>
    SlightRight = 16,

    /// <summary>Sharp left.</summary>
    SharpLeft = 32,

    /// <summary>Sharp right.</summary>
    SharpRight = 64,

    /// <summary>Turning round (<c>reverse</c>).</summary>
    UTurn = 128,

    /// <summary>The lane ends and merges to the left.</summary>
    MergeToLeft = 256,

    /// <summary>The lane ends and merges to the right.</summary>
    MergeToRight = 512,
}
