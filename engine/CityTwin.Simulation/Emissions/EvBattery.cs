namespace CityTwin.Simulation.Emissions;

/// <summary>A vehicle battery's state of charge (SUMO's battery device starts at half capacity).</summary>
public struct EvBattery
{
    /// <summary>Creates a battery.</summary>
    /// <param name="capacityWh">Capacity, Wh.</param>
    /// <param name="initialStateOfCharge">Initial state of charge, 0–1 (SUMO default 0.5).</param>
    public EvBattery(double capacityWh, double initialStateOfCharge = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityWh);
        CapacityWh = capacityWh;
        ChargeWh = capacityWh * Math.Clamp(initialStateOfCharge, 0.0, 1.0);
    }

    /// <summary>Capacity, Wh.</summary>
    public double CapacityWh { get; }

    /// <summary>Stored energy, Wh.</summary>
    public double ChargeWh { get; private set; }

    /// <summary>State of charge, 0–1.</summary>
    public readonly double StateOfCharge => ChargeWh / CapacityWh;

    /// <summary>Draws (positive) or stores (negative) energy, clamped to [0, capacity].</summary>
    /// <param name="energyWh">Energy drawn, Wh (negative = recuperated or charged).</param>
    /// <returns>The energy actually moved, Wh.</returns>
    public double Apply(double energyWh)
    {
        double before = ChargeWh;
        ChargeWh = Math.Clamp(ChargeWh - energyWh, 0.0, CapacityWh);
        return before - ChargeWh;
    }
}
