namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// The ISO 13790:2008 Annex C simple hourly method (5 resistances, 1 capacitance), one zone, all-air (convective)
/// emitter: heating or cooling power enters the air node. Equations C.1–C.13 as listed in energy.md §1.2; validated
/// against RC_BuildingSimulator's test vectors (<c>tests/testRCmodel.py</c>).
/// </summary>
/// <remarks>
/// This is the readable reference implementation with the standard's explicit "10 W/m² probe" (C.13). The city-scale
/// kernel (<c>BuildingYearKernel</c>) uses the equivalent closed form, since the model is linear in Φ_HC.
/// </remarks>
public static class Rc5R1CModel
{
    /// <summary>Runs one hour.</summary>
    /// <param name="p">Zone parameters.</param>
    /// <param name="outdoorC">Outdoor air temperature θ_e, °C.</param>
    /// <param name="supplyC">Supply air temperature θ_sup, °C (θ_e without preheating; heat recovery is in H_ve).</param>
    /// <param name="massPreviousC">Mass temperature at the end of the previous hour θ_m,t−1, °C.</param>
    /// <param name="internalGainsW">Internal heat gains Φ_int, W.</param>
    /// <param name="solarGainsW">Solar heat gains Φ_sol, W.</param>
    /// <param name="heatingSetpointC">Heating setpoint, °C.</param>
    /// <param name="coolingSetpointC">Cooling setpoint, °C.</param>
    /// <returns>Power and temperatures.</returns>
    public static Rc5R1CStep Step(
        in ThermalZoneParameters p, double outdoorC, double supplyC, double massPreviousC, double internalGainsW,
        double solarGainsW, double heatingSetpointC, double coolingSetpointC)
    {
        // C.13: free-floating run; if the air temperature leaves the dead band, probe with 10 W/m² and interpolate
        // (exact, because every node temperature is linear in Φ_HC).
        Temperatures free = Solve(p, outdoorC, supplyC, massPreviousC, internalGainsW, solarGainsW, 0.0);
        double setpoint;
        if (free.Air < heatingSetpointC)
        {
            setpoint = heatingSetpointC;
        }
        else if (free.Air > coolingSetpointC)
        {
            setpoint = coolingSetpointC;
        }
        else
        {
            return new Rc5R1CStep(0.0, 0.0, free.MassEnd, free.Mass, free.Surface, free.Air);
        }

        double probeW = 10.0 * p.FloorAreaM2;
        Temperatures probe = Solve(p, outdoorC, supplyC, massPreviousC, internalGainsW, solarGainsW, probeW);
        double unrestricted = probeW * (setpoint - free.Air) / (probe.Air - free.Air);
        double actual = Math.Clamp(unrestricted, -p.MaxCoolingW, p.MaxHeatingW);
        Temperatures final = Solve(p, outdoorC, supplyC, massPreviousC, internalGainsW, solarGainsW, actual);
        return new Rc5R1CStep(actual, unrestricted, final.MassEnd, final.Mass, final.Surface, final.Air);
    }

    private static Temperatures Solve(
        in ThermalZoneParameters p, double outdoorC, double supplyC, double massPreviousC, double internalGainsW,
        double solarGainsW, double heatingCoolingW)
    {
        // C.1–C.3: half the internal gains are convective (air node); the radiative half and the solar gains are split
        // between mass and surface nodes by area, the surface share reduced by the windows' H_tr,w/(9.1·A_t).
        double airGains = (0.5 * internalGainsW) + heatingCoolingW;
        double radiant = (0.5 * internalGainsW) + solarGainsW;
        double massGains = p.MassAreaM2 / p.TotalSurfaceAreaM2 * radiant;
        double surfaceGains = (1.0 - (p.MassAreaM2 / p.TotalSurfaceAreaM2)
                               - (p.WindowWK / (ThermalZoneParameters.HeatTransferMassToSurfaceWm2K * p.TotalSurfaceAreaM2))) * radiant;

        // C.6–C.8
        double h1 = 1.0 / ((1.0 / p.VentilationWK) + (1.0 / p.SurfaceToAirWK));
        double h2 = h1 + p.WindowWK;
        double h3 = 1.0 / ((1.0 / h2) + (1.0 / p.MassToSurfaceWK));

        // C.5, C.4 (Crank–Nicolson over the hour), C.9
        double massTotal = massGains + (p.ExteriorToMassWK * outdoorC)
                           + (h3 * (surfaceGains + (p.WindowWK * outdoorC) + (h1 * ((airGains / p.VentilationWK) + supplyC))) / h2);
        double c = p.CapacityJK / 3600.0;
        double half = 0.5 * (h3 + p.ExteriorToMassWK);
        double massEnd = ((massPreviousC * (c - half)) + massTotal) / (c + half);
        double mass = 0.5 * (massEnd + massPreviousC);

        // C.10, C.11
        double surface = ((p.MassToSurfaceWK * mass) + surfaceGains + (p.WindowWK * outdoorC)
                          + (h1 * (supplyC + (airGains / p.VentilationWK)))) / (p.MassToSurfaceWK + p.WindowWK + h1);
        double air = ((p.SurfaceToAirWK * surface) + (p.VentilationWK * supplyC) + airGains) / (p.SurfaceToAirWK + p.VentilationWK);
        return new Temperatures(massEnd, mass, surface, air);
    }

    private readonly record struct Temperatures(double MassEnd, double Mass, double Surface, double Air);
}
