namespace CityTwin.Simulation.Emissions;

/// <summary>
/// Vehicle parameters of SUMO's electric "Energy" model (Kurczveil &amp; López; <c>HelpersEnergy.cpp</c>, docs
/// "Models/Electric"). <see cref="KiaSoul"/> holds SUMO's documented defaults.
/// </summary>
public sealed class EvParameters
{
    /// <summary>Vehicle mass, kg.</summary>
    public double MassKg { get; init; } = 1830.0;

    /// <summary>Equivalent mass of rotating parts, kg.</summary>
    public double RotatingMassKg { get; init; } = 40.0;

    /// <summary>Front surface area, m².</summary>
    public double FrontAreaM2 { get; init; } = 2.6;

    /// <summary>Air drag coefficient c_w.</summary>
    public double DragCoefficient { get; init; } = 0.35;

    /// <summary>Rolling resistance coefficient.</summary>
    public double RollingResistance { get; init; } = 0.01;

    /// <summary>Radial drag coefficient (used only with a curve radius).</summary>
    public double RadialDragCoefficient { get; init; } = 0.1;

    /// <summary>Constant auxiliary power, W.</summary>
    public double ConstantPowerW { get; init; } = 100.0;

    /// <summary>Drive-train efficiency when propelling.</summary>
    public double PropulsionEfficiency { get; init; } = 0.98;

    /// <summary>Efficiency when recuperating.</summary>
    public double RecuperationEfficiency { get; init; } = 0.96;

    /// <summary>Battery capacity, Wh.</summary>
    public double BatteryCapacityWh { get; init; } = 35_000.0;

    /// <summary>SUMO's defaults (Kia Soul EV).</summary>
    public static EvParameters KiaSoul { get; } = new();
}
