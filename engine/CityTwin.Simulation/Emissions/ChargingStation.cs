namespace CityTwin.Simulation.Emissions;

/// <summary>
/// A charging point after SUMO's <c>chargingStation</c> (power, efficiency) with an optional state-of-charge-dependent
/// power limit (SUMO's charge curve), linearly interpolated between points.
/// </summary>
public sealed class ChargingStation
{
    private readonly double[] _socPoints;
    private readonly double[] _powerPointsW;

    /// <summary>Creates a station.</summary>
    /// <param name="powerW">Rated power, W (SUMO default 22 kW).</param>
    /// <param name="efficiency">Grid-to-battery efficiency (SUMO default 0.95).</param>
    /// <param name="socPoints">Optional curve: states of charge, ascending, 0–1.</param>
    /// <param name="powerPointsW">Optional curve: maximum power at those states of charge, W.</param>
    public ChargingStation(double powerW = 22_000.0, double efficiency = 0.95, double[]? socPoints = null, double[]? powerPointsW = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(powerW);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(efficiency);
        if ((socPoints is null) != (powerPointsW is null) || (socPoints is not null && socPoints.Length != powerPointsW!.Length))
        {
            throw new ArgumentException("The charge curve needs as many power points as state-of-charge points.");
        }

        PowerW = powerW;
        Efficiency = efficiency;
        _socPoints = socPoints ?? [];
        _powerPointsW = powerPointsW ?? [];
    }

    /// <summary>Rated power, W.</summary>
    public double PowerW { get; }

    /// <summary>Grid-to-battery efficiency.</summary>
    public double Efficiency { get; }

    /// <summary>Power drawn from the grid at a state of charge, W.</summary>
    /// <param name="stateOfCharge">Battery state of charge, 0–1.</param>
    /// <returns>Grid power, W (0 when full).</returns>
    public double GridPowerW(double stateOfCharge)
    {
        if (stateOfCharge >= 1.0)
        {
            return 0.0;
        }

        if (_socPoints.Length == 0)
        {
            return PowerW;
        }

        if (stateOfCharge <= _socPoints[0])
        {
            return Math.Min(PowerW, _powerPointsW[0]);
        }

        for (int i = 1; i < _socPoints.Length; i++)
        {
            if (stateOfCharge <= _socPoints[i])
            {
                double t = (stateOfCharge - _socPoints[i - 1]) / (_socPoints[i] - _socPoints[i - 1]);
                return Math.Min(PowerW, _powerPointsW[i - 1] + (t * (_powerPointsW[i] - _powerPointsW[i - 1])));
            }
        }

        return Math.Min(PowerW, _powerPointsW[^1]);
    }

    /// <summary>Charges a battery for one step.</summary>
    /// <param name="battery">The battery.</param>
    /// <param name="stepS">Step length, s.</param>
    /// <returns>Energy drawn from the grid, Wh.</returns>
    public double Charge(ref EvBattery battery, double stepS)
    {
        double gridWh = GridPowerW(battery.StateOfCharge) * stepS / 3600.0;
        double stored = -battery.Apply(-gridWh * Efficiency);
        return stored / Efficiency;
    }
}
