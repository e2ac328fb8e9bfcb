namespace CityTwin.Model.Lighting;

/// <summary>One OSM tag of a lamp, as indices into <see cref="StreetLampSet.Strings"/>.</summary>
public struct LampTag
{
    /// <summary>Index of the key.</summary>
    public int Key;

    /// <summary>Index of the value.</summary>
    public int Value;
}
