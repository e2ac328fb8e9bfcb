namespace CityTwin.Simulation.Lighting;

/// <summary>Lamp technology of a luminaire.</summary>
public enum LuminaireTechnology
{
    /// <summary>High-pressure sodium with a magnetic ballast (not dimmable, or bi-power at best).</summary>
    HighPressureSodium,

    /// <summary>LED with an electronic driver (dimmable, power about linear in level).</summary>
    Led,
}
