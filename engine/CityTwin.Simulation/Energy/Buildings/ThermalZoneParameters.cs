namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// The conductances and capacity of one ISO 13790 Annex C 5R1C zone (energy.md §1.2). All conductances in W/K.
/// Build with <see cref="Create"/>, which derives the coupling conductances from areas and U·A sums.
/// </summary>
public readonly struct ThermalZoneParameters
{
    /// <summary>Heat transfer coefficient between internal surfaces and mass node, h_ms = 9.1 W/m²K (ISO 13790 §12.2.2).</summary>
    public const double HeatTransferMassToSurfaceWm2K = 9.1;

    /// <summary>Heat transfer coefficient between air and internal surfaces, h_is = 3.45 W/m²K (ISO 13790 §7.2.2.2).</summary>
    public const double HeatTransferSurfaceToAirWm2K = 3.45;

    /// <summary>Ratio of internal surface area to floor area, Λ_at = 4.5 (ISO 13790 §7.2.2.2).</summary>
    public const double SurfaceToFloorRatio = 4.5;

    /// <summary>Volumetric heat capacity of air used for ventilation, ρc = 1200 J/m³K (ISO 13790 §9.3.1).</summary>
    public const double AirHeatCapacityJm3K = 1200.0;

    private ThermalZoneParameters(
        double floorAreaM2, double massAreaM2, double totalSurfaceAreaM2, double ventilationWK, double windowWK,
        double opaqueWK, double capacityJK, double maxHeatingW, double maxCoolingW)
    {
        FloorAreaM2 = floorAreaM2;
        MassAreaM2 = massAreaM2;
        TotalSurfaceAreaM2 = totalSurfaceAreaM2;
        VentilationWK = ventilationWK;
        WindowWK = windowWK;
        OpaqueWK = opaqueWK;
        CapacityJK = capacityJK;
        MaxHeatingW = maxHeatingW;
        MaxCoolingW = maxCoolingW;
        MassToSurfaceWK = HeatTransferMassToSurfaceWm2K * massAreaM2;
        SurfaceToAirWK = HeatTransferSurfaceToAirWm2K * totalSurfaceAreaM2;

        // ISO 13790 eq. 63: H_tr,em = 1 / (1/H_tr,op − 1/H_tr,ms); the opaque elements' conductance is split into an
        // exterior part and the mass-to-surface part already counted by H_tr,ms.
        ExteriorToMassWK = 1.0 / ((1.0 / opaqueWK) - (1.0 / MassToSurfaceWK));
    }

    /// <summary>Conditioned floor area A_f, m².</summary>
    public double FloorAreaM2 { get; }

    /// <summary>Effective mass area A_m, m².</summary>
    public double MassAreaM2 { get; }

    /// <summary>Area of all surfaces facing the zone A_t, m².</summary>
    public double TotalSurfaceAreaM2 { get; }

    /// <summary>Ventilation heat transfer coefficient H_ve (already reduced by heat recovery), W/K.</summary>
    public double VentilationWK { get; }

    /// <summary>Transmission through windows H_tr,w, W/K.</summary>
    public double WindowWK { get; }

    /// <summary>Transmission through opaque elements H_tr,op, W/K.</summary>
    public double OpaqueWK { get; }

    /// <summary>Internal heat capacity C_m, J/K.</summary>
    public double CapacityJK { get; }

    /// <summary>Maximum heating power, W (positive).</summary>
    public double MaxHeatingW { get; }

    /// <summary>Maximum cooling power, W (positive).</summary>
    public double MaxCoolingW { get; }

    /// <summary>H_tr,ms = h_ms·A_m, W/K.</summary>
    public double MassToSurfaceWK { get; }

    /// <summary>H_tr,is = h_is·A_t, W/K.</summary>
    public double SurfaceToAirWK { get; }

    /// <summary>H_tr,em, W/K.</summary>
    public double ExteriorToMassWK { get; }

    /// <summary>Creates zone parameters.</summary>
    /// <param name="floorAreaM2">Conditioned floor area A_f, m² (positive).</param>
    /// <param name="massAreaM2">Effective mass area A_m, m² (ISO 13790 Table 12: 2.5–3.5 × A_f).</param>
    /// <param name="totalSurfaceAreaM2">Internal surface area A_t, m² (standard: 4.5 × A_f).</param>
    /// <param name="ventilationWK">H_ve, W/K (positive).</param>
    /// <param name="windowWK">H_tr,w = Σ U_win·A_win, W/K.</param>
    /// <param name="opaqueWK">H_tr,op = Σ b·U·A of opaque elements, W/K (positive).</param>
    /// <param name="capacityJK">C_m, J/K (positive).</param>
    /// <param name="maxHeatingW">Heating power limit, W.</param>
    /// <param name="maxCoolingW">Cooling power limit, W (positive number).</param>
    /// <returns>The parameters.</returns>
    public static ThermalZoneParameters Create(
        double floorAreaM2, double massAreaM2, double totalSurfaceAreaM2, double ventilationWK, double windowWK,
        double opaqueWK, double capacityJK, double maxHeatingW, double maxCoolingW)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(floorAreaM2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massAreaM2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSurfaceAreaM2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ventilationWK);
        ArgumentOutOfRangeException.ThrowIfNegative(windowWK);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(opaqueWK);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityJK);
        ArgumentOutOfRangeException.ThrowIfNegative(maxHeatingW);
        ArgumentOutOfRangeException.ThrowIfNegative(maxCoolingW);
        if (opaqueWK >= HeatTransferMassToSurfaceWm2K * massAreaM2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(opaqueWK), opaqueWK, "H_tr,op must be smaller than H_tr,ms = 9.1·A_m (ISO 13790 eq. 63).");
        }

        return new ThermalZoneParameters(
            floorAreaM2, massAreaM2, totalSurfaceAreaM2, ventilationWK, windowWK, opaqueWK, capacityJK, maxHeatingW, maxCoolingW);
    }
}
