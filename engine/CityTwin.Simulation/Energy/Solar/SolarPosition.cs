namespace CityTwin.Simulation.Energy.Solar;

/// <summary>
/// Where the sun is for an observer at one instant. Angles in degrees; the azimuth is measured clockwise from north
/// (east = 90°), the convention of NREL SPA and NOAA.
/// </summary>
public readonly struct SolarPosition
{
    /// <summary>Creates a position.</summary>
    /// <param name="zenithDeg">Apparent (refraction-corrected) zenith angle, degrees.</param>
    /// <param name="azimuthDeg">Azimuth clockwise from north, degrees in [0, 360).</param>
    /// <param name="declinationDeg">Solar declination, degrees.</param>
    /// <param name="equationOfTimeMin">Equation of time, minutes.</param>
    public SolarPosition(double zenithDeg, double azimuthDeg, double declinationDeg, double equationOfTimeMin)
    {
        ZenithDeg = zenithDeg;
        AzimuthDeg = azimuthDeg;
        DeclinationDeg = declinationDeg;
        EquationOfTimeMin = equationOfTimeMin;
    }

    /// <summary>Apparent zenith angle (refraction included), degrees.</summary>
    public double ZenithDeg { get; }

    /// <summary>Apparent elevation above the horizon, degrees (90 − zenith).</summary>
    public double ElevationDeg => 90.0 - ZenithDeg;

    /// <summary>Azimuth clockwise from north, degrees in [0, 360).</summary>
    public double AzimuthDeg { get; }

    /// <summary>Solar declination, degrees.</summary>
    public double DeclinationDeg { get; }

    /// <summary>Equation of time (apparent minus mean solar time), minutes.</summary>
    public double EquationOfTimeMin { get; }
}
