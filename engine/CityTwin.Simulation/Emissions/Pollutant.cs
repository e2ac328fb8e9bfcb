namespace CityTwin.Simulation.Emissions;

/// <summary>Pollutants of the HBEFA3 model, in SUMO's coefficient-row order.</summary>
public enum Pollutant
{
    /// <summary>Carbon dioxide (total).</summary>
    CO2,

    /// <summary>Carbon monoxide.</summary>
    CO,

    /// <summary>Hydrocarbons.</summary>
    HC,

    /// <summary>Fuel (mass).</summary>
    Fuel,

    /// <summary>Nitrogen oxides.</summary>
    NOx,

    /// <summary>Particulate matter.</summary>
    PMx,
}
