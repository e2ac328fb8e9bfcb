namespace CityTwin.Simulation.Emissions;

/// <summary>
/// SUMO's "Energy" model for electric vehicles (energy.md §4.5): the power at the wheels
/// P = m·g·sin(α)·v + ½(m + m_rot)(v² − v_prev²)/Δt + ½·ρ·A·c_w·v³ + c_roll·m·g·cos(α)·v + c_rad·m·v³/r + P_const,
/// divided by the propulsion efficiency when positive and multiplied by the recuperation efficiency when negative.
/// </summary>
public static class EvEnergyModel
{
    /// <summary>Gravitational acceleration, m/s² (SUMO GRAVITY).</summary>
    public const double GravityMps2 = 9.81;

    /// <summary>Air density, kg/m³ (SUMO: 1.2041).</summary>
    public const double AirDensityKgM3 = 1.2041;

    /// <summary>Battery power for one step.</summary>
    /// <param name="p">Vehicle parameters.</param>
    /// <param name="speedMps">Speed at the end of the step, m/s.</param>
    /// <param name="previousSpeedMps">Speed at the start of the step, m/s.</param>
    /// <param name="stepS">Step length, s.</param>
    /// <param name="slopeDeg">Road slope, degrees (uphill positive).</param>
    /// <param name="curveRadiusM">Curve radius, m (∞ on a straight).</param>
    /// <returns>Power drawn from the battery, W (negative when recuperating).</returns>
    public static double BatteryPowerW(
        EvParameters p, double speedMps, double previousSpeedMps, double stepS = 1.0, double slopeDeg = 0.0,
        double curveRadiusM = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepS);
        double v = speedMps;
        double alpha = slopeDeg * (Math.PI / 180.0);
        double power = (p.MassKg * GravityMps2 * Math.Sin(alpha) * v)
                       + (0.5 * (p.MassKg + p.RotatingMassKg) * ((v * v) - (previousSpeedMps * previousSpeedMps)) / stepS)
                       + (0.5 * AirDensityKgM3 * p.FrontAreaM2 * p.DragCoefficient * v * v * v)
                       + (p.RollingResistance * p.MassKg * GravityMps2 * Math.Cos(alpha) * v)
                       + (double.IsFinite(curveRadiusM) && curveRadiusM > 0 ? p.RadialDragCoefficient * p.MassKg * v * v * v / curveRadiusM : 0.0)
                       + p.ConstantPowerW;
        return power > 0.0 ? power / p.PropulsionEfficiency : power * p.RecuperationEfficiency;
    }

    /// <summary>Energy for one step, Wh (SUMO's per-step output).</summary>
    /// <param name="p">Vehicle parameters.</param>
    /// <param name="speedMps">Speed at the end of the step, m/s.</param>
    /// <param name="previousSpeedMps">Speed at the start of the step, m/s.</param>
    /// <param name="stepS">Step length, s.</param>
    /// <param name="slopeDeg">Slope, degrees.</param>
    /// <returns>Energy, Wh.</returns>
    public static double StepEnergyWh(EvParameters p, double speedMps, double previousSpeedMps, double stepS = 1.0, double slopeDeg = 0.0)
        => BatteryPowerW(p, speedMps, previousSpeedMps, stepS, slopeDeg) * stepS / 3600.0;
}
