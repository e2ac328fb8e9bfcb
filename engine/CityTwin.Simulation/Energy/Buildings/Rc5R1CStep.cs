namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>The outcome of one hourly 5R1C step.</summary>
public readonly struct Rc5R1CStep
{
    /// <summary>Creates a step result.</summary>
    /// <param name="heatingCoolingW">Heating (positive) or cooling (negative) power delivered to the air node, W.</param>
    /// <param name="unrestrictedW">The power that would hold the setpoint without the plant's limits, W.</param>
    /// <param name="massTemperatureEndC">Mass temperature at the end of the hour θ_m,t, °C (the next step's start).</param>
    /// <param name="massTemperatureC">Hour-average mass temperature θ_m, °C (ISO 13790 C.9).</param>
    /// <param name="surfaceTemperatureC">Surface node temperature θ_s, °C.</param>
    /// <param name="airTemperatureC">Air temperature θ_air, °C.</param>
    public Rc5R1CStep(
        double heatingCoolingW, double unrestrictedW, double massTemperatureEndC, double massTemperatureC,
        double surfaceTemperatureC, double airTemperatureC)
    {
        HeatingCoolingW = heatingCoolingW;
        UnrestrictedW = unrestrictedW;
        MassTemperatureEndC = massTemperatureEndC;
        MassTemperatureC = massTemperatureC;
        SurfaceTemperatureC = surfaceTemperatureC;
        AirTemperatureC = airTemperatureC;
    }

    /// <summary>Heating (positive) or cooling (negative) power, W, after the plant limits.</summary>
    public double HeatingCoolingW { get; }

    /// <summary>Power needed to hold the setpoint without plant limits, W.</summary>
    public double UnrestrictedW { get; }

    /// <summary>Mass temperature at the end of the hour, °C.</summary>
    public double MassTemperatureEndC { get; }

    /// <summary>Hour-average mass temperature, °C.</summary>
    public double MassTemperatureC { get; }

    /// <summary>Surface node temperature, °C.</summary>
    public double SurfaceTemperatureC { get; }

    /// <summary>Air temperature, °C.</summary>
    public double AirTemperatureC { get; }

    /// <summary>Operative temperature θ_op = 0.3 θ_air + 0.7 θ_s (ISO 13790 C.12), °C.</summary>
    public double OperativeTemperatureC => (0.3 * AirTemperatureC) + (0.7 * SurfaceTemperatureC);
}
