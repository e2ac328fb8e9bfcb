namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>Per-building annual results of the year kernel (struct-of-arrays, same order as the <see cref="BuildingSet"/>).</summary>
public sealed class BuildingYearResults
{
    /// <summary>Creates zeroed results.</summary>
    /// <param name="count">Number of buildings.</param>
    public BuildingYearResults(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        HeatingKWh = new double[count];
        CoolingKWh = new double[count];
        PeakHeatingW = new double[count];
        PeakCoolingW = new double[count];
        ElectricityKWh = new double[count];
        PvKWh = new double[count];
    }

    /// <summary>Sets every result to zero (before a run that adds windows).</summary>
    public void Clear()
    {
        Array.Clear(HeatingKWh);
        Array.Clear(CoolingKWh);
        Array.Clear(PeakHeatingW);
        Array.Clear(PeakCoolingW);
        Array.Clear(ElectricityKWh);
        Array.Clear(PvKWh);
    }

    /// <summary>Space heating need, kWh per year.</summary>
    public double[] HeatingKWh { get; }

    /// <summary>Space cooling need (positive), kWh per year.</summary>
    public double[] CoolingKWh { get; }

    /// <summary>Largest hourly heating power, W.</summary>
    public double[] PeakHeatingW { get; }

    /// <summary>Largest hourly cooling power (positive), W.</summary>
    public double[] PeakCoolingW { get; }

    /// <summary>Electricity use: appliances, lighting and the electric share of heating/cooling, kWh per year.</summary>
    public double[] ElectricityKWh { get; }

    /// <summary>Rooftop PV AC output, kWh per year.</summary>
    public double[] PvKWh { get; }
}
