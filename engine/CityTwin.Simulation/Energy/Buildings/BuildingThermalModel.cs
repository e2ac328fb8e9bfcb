namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// A building's 5R1C zone, derived from its <see cref="BuildingDescription"/> and archetypes: one zone per building
/// (as CEA does), four façades with the same window ratio, a roof and a ground floor.
/// </summary>
public sealed class BuildingThermalModel
{
    /// <summary>Storey height used when neither height nor a gross floor area settles it, m (CEA H_F).</summary>
    public const double DefaultStoreyHeightM = 3.0;

    /// <summary>Conditioned share of the gross floor area (CEA DE Hs = 0.85).</summary>
    public const double ConditionedShare = 0.85;

    /// <summary>Ground-floor temperature reduction factor b (CEA B_F = 0.7; ISO 13370 simplified).</summary>
    public const double GroundReductionFactor = 0.7;

    /// <summary>Window frame share of the window area (CEA F_F = 0.2).</summary>
    public const double FrameFraction = 0.2;

    /// <summary>Correction of the normal-incidence g-value for diffuse and oblique radiation, F_w = 0.9 (ISO 13790 §11.4.2).</summary>
    public const double ObliqueIncidenceFactor = 0.9;

    /// <summary>Gains of lighting and appliances that become heat in the zone (CEA: 0.9 of the electric load).</summary>
    public const double ElectricGainFraction = 0.9;

    private BuildingThermalModel(
        in BuildingDescription description, EnvelopeArchetype envelope, UseProfile use, ThermalZoneParameters zone,
        double windowAreaM2, double solarAperturePerFacadeM2)
    {
        Description = description;
        Envelope = envelope;
        Use = use;
        Zone = zone;
        WindowAreaM2 = windowAreaM2;
        SolarAperturePerFacadeM2 = solarAperturePerFacadeM2;
    }

    /// <summary>The input.</summary>
    public BuildingDescription Description { get; }

    /// <summary>The construction archetype.</summary>
    public EnvelopeArchetype Envelope { get; }

    /// <summary>The use profile.</summary>
    public UseProfile Use { get; }

    /// <summary>The 5R1C parameters (heating and cooling unlimited: this is a need calculation).</summary>
    public ThermalZoneParameters Zone { get; }

    /// <summary>Conditioned floor area, m².</summary>
    public double ConditionedFloorAreaM2 => Zone.FloorAreaM2;

    /// <summary>Total window area, m².</summary>
    public double WindowAreaM2 { get; }

    /// <summary>
    /// Effective solar aperture of each of the four façades, m²: A_win/4 · g · F_w · (1 − F_F). Solar gain of a
    /// façade = aperture × plane-of-array irradiance (ISO 13790 §11.3).
    /// </summary>
    public double SolarAperturePerFacadeM2 { get; }

    /// <summary>Builds the zone.</summary>
    /// <param name="b">The building (footprint &gt; 0, storeys ≥ 1).</param>
    /// <returns>The thermal model.</returns>
    public static BuildingThermalModel Create(in BuildingDescription b) => Create(b, 1.0);

    /// <summary>Derives the 5R1C parameters of a building with its envelope U-values scaled (an envelope retrofit).</summary>
    /// <param name="b">The building.</param>
    /// <param name="uFactor">Factor on wall, roof, window and ground U-values (1: as the archetype).</param>
    /// <returns>The model.</returns>
    public static BuildingThermalModel Create(in BuildingDescription b, double uFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b.FootprintAreaM2, nameof(b.FootprintAreaM2));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b.Storeys, nameof(b.Storeys));
        EnvelopeArchetype env = ConstructionArchetypes.For(b.Use, b.ConstructionYear).WithUFactor(uFactor);
        UseProfile use = UseProfile.For(b.Use);

        double height = b.HeightM > 0.0 ? b.HeightM : b.Storeys * DefaultStoreyHeightM;
        double perimeter = b.PerimeterM > 0.0 ? b.PerimeterM : 4.0 * Math.Sqrt(b.FootprintAreaM2);
        double gross = b.GrossFloorAreaM2 > 0.0 ? b.GrossFloorAreaM2 : b.FootprintAreaM2 * b.Storeys;
        double floor = gross * ConditionedShare;
        double volume = floor * height / b.Storeys;

        double facade = perimeter * height * (1.0 - Math.Clamp(b.SharedWallFraction, 0.0, 1.0));
        double window = facade * env.WindowToWallRatio;
        double wall = facade - window;
        double opaque = (env.WallU * wall) + (env.RoofU * b.FootprintAreaM2)
                        + (GroundReductionFactor * env.BaseU * b.FootprintAreaM2);

        // Ventilation: infiltration n50/20 (the usual "divide by 20" rule, Sherman 1987) over the volume plus the use's
        // outdoor air per person at the schedule's mean occupancy; H_ve must be constant for the closed-form kernel.
        double infiltrationM3s = volume * env.AirtightnessN50 / 20.0 / 3600.0;
        double ventilationM3s = use.IsConditioned
            ? floor / use.FloorAreaPerPersonM2 * use.VentilationLpsPerPerson / 1000.0 * UseSchedules.For(b.Use).MeanOccupancy
            : 0.0;
        double hve = ThermalZoneParameters.AirHeatCapacityJm3K * (infiltrationM3s + ventilationM3s);

        // H_tr,op must stay below H_tr,ms (ISO 13790 eq. 63); only a pathological shape (a one-storey shed with a huge
        // envelope per floor area) comes near, and is capped rather than refused.
        double massArea = env.MassAreaFactor * floor;
        var zone = ThermalZoneParameters.Create(
            floor, massArea, ThermalZoneParameters.SurfaceToFloorRatio * floor, Math.Max(hve, 1e-3), env.WindowU * window,
            Math.Min(opaque, 0.999 * ThermalZoneParameters.HeatTransferMassToSurfaceWm2K * massArea),
            env.HeatCapacityJm2K * floor, double.PositiveInfinity, double.PositiveInfinity);
        double aperture = window / 4.0 * env.WindowG * ObliqueIncidenceFactor * (1.0 - FrameFraction);
        return new BuildingThermalModel(b, env, use, zone, window, aperture);
    }
}
