namespace CityTwin.Model.Buildings;

/// <summary>Where a building's height came from.</summary>
public enum HeightSource : byte
{
    /// <summary>The <c>height</c> tag.</summary>
    HeightTag = 0,

    /// <summary>Computed from <c>building:levels</c> (+ <c>roof:levels</c>) times the storey height.</summary>
    Levels = 1,

    /// <summary>Nothing tagged: a default number of storeys was assumed.</summary>
    Default = 2,
}
