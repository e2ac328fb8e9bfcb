namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Internal gains, ventilation and setpoints of a use type. Values are CEA's CH use database
/// (<c>ARCHETYPES/USE/USE_TYPES.csv</c>, re-typed in energy.md §1.3); opening hours are ours (see
/// <see cref="UseSchedules"/>).
/// </summary>
public readonly struct UseProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="heatingSetpointC">Heating setpoint when occupied, °C.</param>
    /// <param name="heatingSetbackC">Heating setpoint when unoccupied, °C.</param>
    /// <param name="coolingSetpointC">Cooling setpoint when occupied, °C.</param>
    /// <param name="coolingSetbackC">Cooling setpoint when unoccupied, °C.</param>
    /// <param name="floorAreaPerPersonM2">Floor area per occupant, m².</param>
    /// <param name="sensibleGainPerPersonW">Sensible heat per occupant, W.</param>
    /// <param name="appliancesWm2">Appliance electric load at full use, W/m².</param>
    /// <param name="lightingWm2">Lighting electric load at full use, W/m².</param>
    /// <param name="ventilationLpsPerPerson">Outdoor air per occupant, l/s.</param>
    public UseProfile(
        double heatingSetpointC, double heatingSetbackC, double coolingSetpointC, double coolingSetbackC,
        double floorAreaPerPersonM2, double sensibleGainPerPersonW, double appliancesWm2, double lightingWm2,
        double ventilationLpsPerPerson)
    {
        HeatingSetpointC = heatingSetpointC;
        HeatingSetbackC = heatingSetbackC;
        CoolingSetpointC = coolingSetpointC;
        CoolingSetbackC = coolingSetbackC;
        FloorAreaPerPersonM2 = floorAreaPerPersonM2;
        SensibleGainPerPersonW = sensibleGainPerPersonW;
        AppliancesWm2 = appliancesWm2;
        LightingWm2 = lightingWm2;
        VentilationLpsPerPerson = ventilationLpsPerPerson;
    }

    /// <summary>Heating setpoint when occupied, °C.</summary>
    public double HeatingSetpointC { get; }

    /// <summary>Heating setpoint when unoccupied, °C.</summary>
    public double HeatingSetbackC { get; }

    /// <summary>Cooling setpoint when occupied, °C.</summary>
    public double CoolingSetpointC { get; }

    /// <summary>Cooling setpoint when unoccupied, °C.</summary>
    public double CoolingSetbackC { get; }

    /// <summary>Floor area per occupant, m².</summary>
    public double FloorAreaPerPersonM2 { get; }

    /// <summary>Sensible heat per occupant, W.</summary>
    public double SensibleGainPerPersonW { get; }

    /// <summary>Appliance load at full use, W/m².</summary>
    public double AppliancesWm2 { get; }

    /// <summary>Lighting load at full use, W/m².</summary>
    public double LightingWm2 { get; }

    /// <summary>Outdoor air per occupant, l/s.</summary>
    public double VentilationLpsPerPerson { get; }

    /// <summary>True when the use is heated or cooled at all.</summary>
    public bool IsConditioned => HeatingSetpointC > -100.0;

    /// <summary>The profile of a use type.</summary>
    /// <param name="use">The use.</param>
    /// <returns>Its profile.</returns>
    public static UseProfile For(BuildingUse use) => use switch
    {
        // CEA CH USE_TYPES.csv: T_heat / setback, T_cool / setback, m²/person, Qs W/person, Ea W/m², El W/m², Ve l/s/person
        BuildingUse.MultiResidential => new(21, 18, 26, 28, 30, 70, 8.0, 2.7, 8.3),
        BuildingUse.SingleResidential => new(21, 18, 26, 28, 50, 70, 8.0, 2.7, 8.3),
        BuildingUse.Office => new(21, 12, 26, 28, 14, 70, 7.0, 15.9, 10),
        BuildingUse.Retail => new(20, 12, 26, 28, 8, 70, 2.0, 33.3, 8.3),
        BuildingUse.School => new(21, 12, 26, 28, 3, 70, 4.0, 14.0, 6.9),
        BuildingUse.Hospital => new(22, 21, 26, 28, 9.3, 70, 13.0, 11.0, 10),
        BuildingUse.Hotel => new(21, 21, 26, 28, 15, 70, 8.0, 2.7, 10),
        BuildingUse.Restaurant => new(21, 12, 26, 28, 2, 70, 2.0, 6.9, 10),
        BuildingUse.Industrial => new(18, 12, 30, 32, 15, 90, 10.0, 10.8, 41.7),
        BuildingUse.Gym => new(18, 12, 26, 28, 10, 120, 2.0, 9.9, 25),

        // Unconditioned: setpoints far outside any weather, small lighting only (CEA PARKING has El ≈ 1–2 W/m²).
        BuildingUse.Unconditioned => new(-1000, -1000, 1000, 1000, 1000, 0, 0.0, 1.0, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(use), use, "Unknown building use."),
    };
}
