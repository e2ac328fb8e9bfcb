namespace CityTwin.Simulation.Energy.Results;

/// <summary>City totals of one energy run.</summary>
public readonly struct CityEnergyTotals
{
    /// <summary>Creates totals.</summary>
    /// <param name="buildings">Buildings simulated.</param>
    /// <param name="floorAreaM2">Conditioned floor area, m².</param>
    /// <param name="heatingKWh">Space heating need, kWh.</param>
    /// <param name="coolingKWh">Space cooling need, kWh.</param>
    /// <param name="electricityKWh">Electricity use, kWh.</param>
    /// <param name="pvKWh">PV output, kWh.</param>
    /// <param name="pvCapacityKWp">Installed PV, kWp.</param>
    /// <param name="peakNetLoadW">Largest hourly city net electric load, W.</param>
    /// <param name="peakNetLoadHour">Hour of that peak.</param>
    public CityEnergyTotals(
        int buildings, double floorAreaM2, double heatingKWh, double coolingKWh, double electricityKWh, double pvKWh,
        double pvCapacityKWp, double peakNetLoadW, int peakNetLoadHour)
    {
        Buildings = buildings;
        FloorAreaM2 = floorAreaM2;
        HeatingKWh = heatingKWh;
        CoolingKWh = coolingKWh;
        ElectricityKWh = electricityKWh;
        PvKWh = pvKWh;
        PvCapacityKWp = pvCapacityKWp;
        PeakNetLoadW = peakNetLoadW;
        PeakNetLoadHour = peakNetLoadHour;
    }

    /// <summary>Buildings simulated.</summary>
    public int Buildings { get; }

    /// <summary>Conditioned floor area, m².</summary>
    public double FloorAreaM2 { get; }

    /// <summary>Space heating need, kWh.</summary>
    public double HeatingKWh { get; }

    /// <summary>Space cooling need, kWh.</summary>
    public double CoolingKWh { get; }

    /// <summary>Electricity use, kWh.</summary>
    public double ElectricityKWh { get; }

    /// <summary>PV output, kWh.</summary>
    public double PvKWh { get; }

    /// <summary>Installed PV, kWp.</summary>
    public double PvCapacityKWp { get; }

    /// <summary>Largest hourly city net electric load, W.</summary>
    public double PeakNetLoadW { get; }

    /// <summary>Hour index of <see cref="PeakNetLoadW"/>.</summary>
    public int PeakNetLoadHour { get; }

    /// <summary>Heating need per m² of conditioned floor, kWh/m²a.</summary>
    public double HeatingKWhPerM2 => FloorAreaM2 > 0 ? HeatingKWh / FloorAreaM2 : 0.0;
}
