namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>Options of <see cref="BuildingYearKernel"/>.</summary>
public sealed class KernelOptions
{
    /// <summary>
    /// Electricity per unit of heating need put on the feeder (share of electric heating ÷ its COP). Default 0: heating
    /// by fuel; e.g. 1/3 for an all-heat-pump city with seasonal COP 3.
    /// </summary>
    public double HeatingElectricPerThermal { get; init; }

    /// <summary>Electricity per unit of cooling need (1 / EER; default 1/3, a compression chiller with EER 3).</summary>
    public double CoolingElectricPerThermal { get; init; } = 1.0 / 3.0;

    /// <summary>Mass temperature at the start of the warm-up, °C.</summary>
    public double InitialMassC { get; init; } = 20.0;

    /// <summary>
    /// Hours from the end of the series simulated before hour 0 without recording (default two weeks), so the thermal
    /// mass starts the year in a state consistent with late-December weather.
    /// </summary>
    public int WarmupHours { get; init; } = 336;

    /// <summary>Run building groups in parallel (results are identical either way).</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Thread limit for the parallel run (−1 = all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
