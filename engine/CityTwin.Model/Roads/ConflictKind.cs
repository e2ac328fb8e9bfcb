namespace CityTwin.Model.Roads;

/// <summary>How two movements through the same junction interfere.</summary>
public enum ConflictKind : byte
{
    /// <summary>The paths cross.</summary>
    Crossing = 1,

    /// <summary>The paths end in the same lane.</summary>
    Merging = 2,
}
