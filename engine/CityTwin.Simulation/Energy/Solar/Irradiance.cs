namespace CityTwin.Simulation.Energy.Solar;

/// <summary>
/// Extraterrestrial irradiance, GHI decomposition (Erbs) and plane-of-array transposition (isotropic sky) for roofs,
/// PV arrays and façades. Formulas as in pvlib <c>irradiance.py</c> (energy.md §2.2).
/// </summary>
public static class Irradiance
{
    /// <summary>Solar constant used by pvlib's Spencer extraterrestrial model, W/m².</summary>
    public const double SolarConstantWm2 = 1366.1;

    /// <summary>Default ground reflectance (albedo) for the ground-reflected part.</summary>
    public const double DefaultAlbedo = 0.2;

    private const double DegToRad = Math.PI / 180.0;

    /// <summary>
    /// Extraterrestrial normal irradiance for a day of the year (Spencer 1971 Fourier series of the Earth–Sun distance,
    /// pvlib <c>get_extra_radiation(method='spencer')</c>).
    /// </summary>
    /// <param name="dayOfYear">Day of the year, 1 = 1 January.</param>
    /// <returns>Irradiance at the top of the atmosphere on a plane normal to the sun, W/m².</returns>
    public static double ExtraterrestrialNormalWm2(int dayOfYear)
    {
        double b = 2.0 * Math.PI * (dayOfYear - 1) / 365.0;
        double factor = 1.00011 + (0.034221 * Math.Cos(b)) + (0.00128 * Math.Sin(b))
                        + (0.000719 * Math.Cos(2 * b)) + (0.000077 * Math.Sin(2 * b));
        return SolarConstantWm2 * factor;
    }

    /// <summary>
    /// Splits GHI into DNI and DHI with the Erbs, Klein &amp; Duffie (1982) diffuse-fraction correlation, as pvlib
    /// <c>irradiance.erbs</c>: clearness index clipped to [0, 2] with cos z floored at 0.065, DNI zero beyond 87°.
    /// </summary>
    /// <param name="ghiWm2">Global horizontal irradiance, W/m².</param>
    /// <param name="zenithDeg">Solar zenith, degrees.</param>
    /// <param name="dayOfYear">Day of the year (for the extraterrestrial irradiance).</param>
    /// <returns>GHI, DNI and DHI.</returns>
    public static IrradianceComponents Erbs(double ghiWm2, double zenithDeg, int dayOfYear)
    {
        if (ghiWm2 <= 0.0)
        {
            return new IrradianceComponents(0.0, 0.0, 0.0);
        }

        double cosZ = Math.Cos(zenithDeg * DegToRad);
        double kt = ghiWm2 / (ExtraterrestrialNormalWm2(dayOfYear) * Math.Max(cosZ, 0.065));
        kt = Math.Clamp(kt, 0.0, 2.0);
        double diffuseFraction = kt <= 0.22
            ? 1.0 - (0.09 * kt)
            : kt <= 0.8
                ? 0.9511 - (0.1604 * kt) + (4.388 * kt * kt) - (16.638 * kt * kt * kt) + (12.336 * kt * kt * kt * kt)
                : 0.165;
        double dhi = diffuseFraction * ghiWm2;
        double dni = zenithDeg is >= 0.0 and <= 87.0 ? (ghiWm2 - dhi) / cosZ : 0.0;
        return new IrradianceComponents(ghiWm2, Math.Max(dni, 0.0), dhi);
    }

    /// <summary>
    /// Cosine of the angle of incidence of the beam on a plane: cos θ = cos z·cos β + sin z·sin β·cos(γs − γ).
    /// </summary>
    /// <param name="zenithDeg">Solar zenith, degrees.</param>
    /// <param name="solarAzimuthDeg">Solar azimuth from north, clockwise, degrees.</param>
    /// <param name="tiltDeg">Surface tilt from horizontal, degrees (90 = façade).</param>
    /// <param name="surfaceAzimuthDeg">Azimuth the surface faces, from north clockwise, degrees (180 = south).</param>
    /// <returns>cos θ, negative when the sun is behind the surface.</returns>
    public static double CosAngleOfIncidence(double zenithDeg, double solarAzimuthDeg, double tiltDeg, double surfaceAzimuthDeg)
    {
        double z = zenithDeg * DegToRad;
        double b = tiltDeg * DegToRad;
        return (Math.Cos(z) * Math.Cos(b)) + (Math.Sin(z) * Math.Sin(b) * Math.Cos((solarAzimuthDeg - surfaceAzimuthDeg) * DegToRad));
    }

    /// <summary>
    /// Plane-of-array irradiance with the isotropic sky (Liu–Jordan): POA = DNI·max(cos θ, 0) + DHI(1 + cos β)/2
    /// + ρ·GHI(1 − cos β)/2 (energy.md §2.2). No beam when the sun is below the horizon.
    /// </summary>
    /// <param name="sky">GHI, DNI and DHI.</param>
    /// <param name="zenithDeg">Solar zenith, degrees.</param>
    /// <param name="solarAzimuthDeg">Solar azimuth, degrees from north.</param>
    /// <param name="tiltDeg">Surface tilt, degrees (0 = roof, 90 = façade).</param>
    /// <param name="surfaceAzimuthDeg">Surface azimuth, degrees from north.</param>
    /// <param name="albedo">Ground reflectance.</param>
    /// <returns>Total irradiance on the plane, W/m².</returns>
    public static double PlaneOfArrayWm2(
        in IrradianceComponents sky, double zenithDeg, double solarAzimuthDeg, double tiltDeg, double surfaceAzimuthDeg,
        double albedo = DefaultAlbedo)
    {
        double cosBeta = Math.Cos(tiltDeg * DegToRad);
        double beam = zenithDeg < 90.0
            ? sky.DirectNormalWm2 * Math.Max(CosAngleOfIncidence(zenithDeg, solarAzimuthDeg, tiltDeg, surfaceAzimuthDeg), 0.0)
            : 0.0;
        double skyDiffuse = sky.DiffuseHorizontalWm2 * (1.0 + cosBeta) / 2.0;
        double ground = albedo * sky.GlobalHorizontalWm2 * (1.0 - cosBeta) / 2.0;
        return beam + skyDiffuse + ground;
    }
}
