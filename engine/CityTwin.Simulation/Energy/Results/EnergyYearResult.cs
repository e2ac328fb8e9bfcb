using CityTwin.Simulation.Energy.Grid;

namespace CityTwin.Simulation.Energy.Results;

/// <summary>
/// Results of <see cref="EnergyYearRunner"/> as tables: per building per year (arrays in input order), per feeder
/// per hour (feeder-major flat array) and city totals, with the weather's provenance.
/// </summary>
public sealed class EnergyYearResult
{
    internal EnergyYearResult(int buildings, int hours, FeederAssignment feeders, string weatherSource, bool weatherIsSynthetic)
    {
        HourCount = hours;
        Feeders = feeders;
        WeatherSource = weatherSource;
        WeatherIsSynthetic = weatherIsSynthetic;
        Simulated = new bool[buildings];
        FloorAreaM2 = new double[buildings];
        HeatingKWh = new double[buildings];
        CoolingKWh = new double[buildings];
        PeakHeatingW = new double[buildings];
        PeakCoolingW = new double[buildings];
        ElectricityKWh = new double[buildings];
        PvKWh = new double[buildings];
        PvCapacityKWp = new double[buildings];
        FeederHourlyNetLoadW = new double[feeders.FeederCount * hours];
    }

    /// <summary>Where the weather came from.</summary>
    public string WeatherSource { get; }

    /// <summary>True when the weather was the synthetic default: every output must say so.</summary>
    public bool WeatherIsSynthetic { get; }

    /// <summary>Hours simulated.</summary>
    public int HourCount { get; }

    /// <summary>Number of buildings given (simulated or skipped).</summary>
    public int BuildingCount => Simulated.Length;

    /// <summary>Buildings skipped for having no floor area (zero footprint or storeys); their rows are zero.</summary>
    public int SkippedCount { get; internal set; }

    /// <summary>Whether each building was simulated.</summary>
    public bool[] Simulated { get; }

    /// <summary>Feeder assignment (feeder of each building, substations).</summary>
    public FeederAssignment Feeders { get; }

    /// <summary>Conditioned floor area, m².</summary>
    public double[] FloorAreaM2 { get; }

    /// <summary>Space heating need, kWh/a.</summary>
    public double[] HeatingKWh { get; }

    /// <summary>Space cooling need, kWh/a.</summary>
    public double[] CoolingKWh { get; }

    /// <summary>Peak heating, W.</summary>
    public double[] PeakHeatingW { get; }

    /// <summary>Peak cooling, W.</summary>
    public double[] PeakCoolingW { get; }

    /// <summary>Electricity use, kWh/a.</summary>
    public double[] ElectricityKWh { get; }

    /// <summary>Rooftop PV output, kWh/a.</summary>
    public double[] PvKWh { get; }

    /// <summary>Rooftop PV, kWp.</summary>
    public double[] PvCapacityKWp { get; }

    /// <summary>Net electric load (use minus PV) per feeder per hour, W: index feeder × <see cref="HourCount"/> + hour.</summary>
    public double[] FeederHourlyNetLoadW { get; }

    /// <summary>One feeder's hourly net load, W.</summary>
    /// <param name="feeder">Feeder index.</param>
    /// <returns>A span of <see cref="HourCount"/> values.</returns>
    public ReadOnlySpan<double> FeederLoadW(int feeder) => FeederHourlyNetLoadW.AsSpan(feeder * HourCount, HourCount);

    /// <summary>
    /// Hourly heating (+) / cooling (−) power per building, W, building-major in input order (index building ×
    /// <see cref="HourCount"/> + hour); null unless <see cref="EnergyYearOptions.HourlyBuildingOutput"/> was set.
    /// </summary>
    public double[]? BuildingHourlyHeatingCoolingW { get; internal set; }

    /// <summary>City totals.</summary>
    public CityEnergyTotals Totals { get; internal set; }
}
