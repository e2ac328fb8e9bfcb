namespace CityTwin.Simulation.Energy.Systems;

/// <summary>A simulated building: which building of the input (city model) it is, where its constants sit in the
/// kernel's <see cref="Buildings.BuildingSet"/>, and its feeder.</summary>
/// <param name="ModelIndex">Index in the input buildings (the city model's building order).</param>
/// <param name="Slot">Index in the building set (buildings ordered by feeder).</param>
/// <param name="Feeder">Feeder index.</param>
public readonly record struct BuildingRef(int ModelIndex, int Slot, int Feeder);

/// <summary>The building's moving state: the 5R1C mass node temperature at the end of the last simulated hour.</summary>
public struct ThermalState
{
    /// <summary>Mass temperature, °C.</summary>
    public double MassC;
}

/// <summary>A building's energy since the start of the run.</summary>
public struct BuildingEnergy
{
    /// <summary>Space heating need, kWh.</summary>
    public double HeatingKWh;

    /// <summary>Space cooling need (positive), kWh.</summary>
    public double CoolingKWh;

    /// <summary>Largest hourly heating power, W.</summary>
    public double PeakHeatingW;

    /// <summary>Largest hourly cooling power (positive), W.</summary>
    public double PeakCoolingW;

    /// <summary>Electricity use (appliances, lighting, electric share of heating and cooling), kWh.</summary>
    public double ElectricityKWh;
}

/// <summary>A rooftop PV system (an entity of its own: adoption edits add or remove them).</summary>
public struct PvArray
{
    /// <summary>Index of its building in the input.</summary>
    public int BuildingModelIndex;

    /// <summary>Its building's slot in the building set.</summary>
    public int Slot;

    /// <summary>DC capacity, kWp.</summary>
    public double CapacityKWp;

    /// <summary>AC output since the start of the run, kWh.</summary>
    public double EnergyKWh;
}

/// <summary>A distribution feeder (one substation's low-voltage network).</summary>
/// <param name="Index">Feeder index.</param>
/// <param name="Buildings">Simulated buildings on it.</param>
public readonly record struct FeederRef(int Index, int Buildings);

/// <summary>A feeder's net load (building electricity minus PV) since the start of the run.</summary>
public struct FeederLoad
{
    /// <summary>A feeder before its first simulated hour.</summary>
    public static FeederLoad Empty => new() { PeakNetW = double.NegativeInfinity };

    /// <summary>Net energy, kWh (negative when PV exported more than the buildings used).</summary>
    public double NetEnergyKWh;

    /// <summary>Largest hourly net load, W (−∞ before the first hour).</summary>
    public double PeakNetW;

    /// <summary>Hour of the year of the peak.</summary>
    public int PeakHour;

    /// <summary>Net load in the last simulated hour, W.</summary>
    public double LastHourNetW;
}
