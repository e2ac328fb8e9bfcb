namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Struct-of-arrays constants of many 5R1C zones, reduced to the closed form the year kernel steps with. Since every
/// node temperature of ISO 13790 Annex C is linear in the inputs, one hour of one building is
/// θ_m,t⁰ = m_prev·θ_m,t−1 + m_e·θ_e + m_g·g + m_s·S and θ_air⁰ = a_prev·θ_m,t−1 + a_e·θ_e + a_g·g + a_s·S
/// (g the use's internal gains per m², S the summed façade irradiance), then
/// Φ_HC = clamp((clamp(θ_air⁰, θ_h, θ_c) − θ_air⁰)/k_air, −Φ_C,max, Φ_H,max) and θ_m,t = θ_m,t⁰ + d_m·Φ_HC —
/// the standard's 10 W/m² probe (C.13) without the two extra solves.
/// </summary>
public sealed class BuildingSet
{
    /// <summary>Creates an empty set with room for <paramref name="count"/> buildings.</summary>
    /// <param name="count">Number of buildings.</param>
    public BuildingSet(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        MassFromPrevious = new double[count];
        MassFromOutdoor = new double[count];
        MassFromGains = new double[count];
        MassFromSolar = new double[count];
        AirFromPrevious = new double[count];
        AirFromOutdoor = new double[count];
        AirFromGains = new double[count];
        AirFromSolar = new double[count];
        InverseAirPerWatt = new double[count];
        MassPerWatt = new double[count];
        MaxHeatingW = new double[count];
        MaxCoolingW = new double[count];
        FloorAreaM2 = new double[count];
        PvCapacityKWp = new double[count];
        UseIndex = new byte[count];
        OrientationClass = new byte[count];
    }

    /// <summary>Number of buildings.</summary>
    public int Count { get; }

    /// <summary>m_prev: end-of-hour mass temperature per previous mass temperature.</summary>
    public double[] MassFromPrevious { get; }

    /// <summary>m_e, per °C outdoor.</summary>
    public double[] MassFromOutdoor { get; }

    /// <summary>m_g, per W/m² of internal gains.</summary>
    public double[] MassFromGains { get; }

    /// <summary>m_s, per W/m² of summed façade irradiance.</summary>
    public double[] MassFromSolar { get; }

    /// <summary>a_prev: free-floating air temperature per previous mass temperature.</summary>
    public double[] AirFromPrevious { get; }

    /// <summary>a_e.</summary>
    public double[] AirFromOutdoor { get; }

    /// <summary>a_g.</summary>
    public double[] AirFromGains { get; }

    /// <summary>a_s.</summary>
    public double[] AirFromSolar { get; }

    /// <summary>1 / k_air, W per K of air temperature change.</summary>
    public double[] InverseAirPerWatt { get; }

    /// <summary>d_m: end-of-hour mass temperature change per W of heating.</summary>
    public double[] MassPerWatt { get; }

    /// <summary>Heating limit, W.</summary>
    public double[] MaxHeatingW { get; }

    /// <summary>Cooling limit, W (positive).</summary>
    public double[] MaxCoolingW { get; }

    /// <summary>Conditioned floor area, m².</summary>
    public double[] FloorAreaM2 { get; }

    /// <summary>Rooftop PV, kWp (0 without PV).</summary>
    public double[] PvCapacityKWp { get; }

    /// <summary>Index of the building's use in the drivers (<see cref="BuildingUse"/> as byte).</summary>
    public byte[] UseIndex { get; }

    /// <summary>Façade orientation class (see <see cref="HourlyDrivers.OrientationClassOf"/>).</summary>
    public byte[] OrientationClass { get; }

    /// <summary>Fills slot <paramref name="i"/> from a thermal model.</summary>
    /// <param name="i">Slot.</param>
    /// <param name="model">The building's zone.</param>
    /// <param name="pvCapacityKWp">Its rooftop PV, kWp.</param>
    public void Set(int i, BuildingThermalModel model, double pvCapacityKWp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ThermalZoneParameters p = model.Zone;
        double af = p.FloorAreaM2;
        double fm = p.MassAreaM2 / p.TotalSurfaceAreaM2;
        double fs = 1.0 - fm - (p.WindowWK / (ThermalZoneParameters.HeatTransferMassToSurfaceWm2K * p.TotalSurfaceAreaM2));
        double hve = p.VentilationWK, hw = p.WindowWK, hms = p.MassToSurfaceWK, his = p.SurfaceToAirWK, hem = p.ExteriorToMassWK;
        double h1 = 1.0 / ((1.0 / hve) + (1.0 / his));
        double h2 = h1 + hw;
        double h3 = 1.0 / ((1.0 / h2) + (1.0 / hms));

        // Φ_m,tot = aR·R + aE·θe + aIa·Φ_ia (C.5 regrouped; R = ½Φ_int + Φ_sol, Φ_ia = ½Φ_int + Φ_HC, θ_sup = θ_e).
        double aR = fm + (h3 * fs / h2), aE = hem + (h3 * (hw + h1) / h2), aIa = h3 * h1 / (h2 * hve);
        double c = p.CapacityJK / 3600.0, half = 0.5 * (h3 + hem);
        double kp = (c - half) / (c + half), kt = 1.0 / (c + half); // C.4
        double d = hms + hw + h1; // C.10 denominator
        double sM = hms / d, sR = fs / d, sE = (hw + h1) / d, sIa = h1 / (hve * d);
        double e = his + hve; // C.11 denominator
        double tS = his / e, tE = hve / e, tIa = 1.0 / e;

        // θ_m,t⁰ = kp·θprev + kt(aR·R + aE·θe + aIa·½Φint); θ_m = ½(θ_m,t + θprev); θ_s, θ_air linear in θ_m.
        double p2 = kt * aR, p3 = kt * aE, p4 = kt * aIa * 0.5;
        double q1 = tS * sM * 0.5 * (kp + 1.0);
        double q2 = tS * ((sM * 0.5 * p2) + sR);
        double q3 = (tS * ((sM * 0.5 * p3) + sE)) + tE;
        double q4 = (tS * ((sM * 0.5 * p4) + (0.5 * sIa))) + (0.5 * tIa);
        double aperture = model.SolarAperturePerFacadeM2; // Φ_sol = aperture × S, S summed over the four façades

        MassFromPrevious[i] = kp;
        MassFromOutdoor[i] = p3;
        MassFromGains[i] = ((0.5 * p2) + p4) * af;
        MassFromSolar[i] = p2 * aperture;
        AirFromPrevious[i] = q1;
        AirFromOutdoor[i] = q3;
        AirFromGains[i] = ((0.5 * q2) + q4) * af;
        AirFromSolar[i] = q2 * aperture;

        // Sensitivities to Φ_HC (air emitter): dθ_m,t = kt·aIa; dθ_air = tS(sM·½·kt·aIa + sIa) + tIa.
        double dm = kt * aIa;
        InverseAirPerWatt[i] = 1.0 / ((tS * ((sM * 0.5 * dm) + sIa)) + tIa);
        MassPerWatt[i] = dm;
        MaxHeatingW[i] = p.MaxHeatingW;
        MaxCoolingW[i] = p.MaxCoolingW;
        FloorAreaM2[i] = af;
        PvCapacityKWp[i] = pvCapacityKWp;
        UseIndex[i] = (byte)model.Description.Use;
        OrientationClass[i] = (byte)HourlyDrivers.OrientationClassOf(model.Description.FacadeAzimuthDeg);
    }
}
