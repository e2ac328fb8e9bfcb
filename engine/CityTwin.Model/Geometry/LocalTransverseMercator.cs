namespace CityTwin.Model.Geometry;

/// <summary>
/// A local transverse Mercator projection on the WGS 84 ellipsoid, centred on the city: the central meridian is the
/// centre longitude, the scale factor is 1 and the origin (0, 0) is the centre point. X grows east, Y north, in metres.
/// </summary>
/// <remarks>
/// Implementation note: this is the Krüger series to sixth order in the third flattening n (Karney 2011,
/// "Transverse Mercator with an accuracy of a few nanometres", eqs. 6–11 and 35–36), accurate to well under a
/// millimetre within a few hundred kilometres of the central meridian. It is written out here rather than taken from
/// ProjNET so that the model (which only depends on NetTopologySuite) can convert back to lon/lat for GeoJSON and
/// APIs; the OSM importer's tests check it against ProjNET. With k0 = 1 on the city's own meridian the scale error
/// inside a city (±20 km) is below 5e-6, so planar lengths and areas are true metres and square metres.
/// </remarks>
public sealed class LocalTransverseMercator
{
    private const double SemiMajorAxisM = 6378137.0;
    private const double Flattening = 1.0 / 298.257223563;

    private static readonly double N = Flattening / (2.0 - Flattening);
    private static readonly double E = Math.Sqrt(Flattening * (2.0 - Flattening));
    private static readonly double RectifyingRadiusM = ComputeRectifyingRadius();
    private static readonly double[] Alpha = ComputeAlpha();
    private static readonly double[] Beta = ComputeBeta();

    private readonly double _lon0Rad;
    private readonly double _northingOfOriginM;

    /// <summary>Creates the projection centred on <paramref name="centreLonDeg"/>, <paramref name="centreLatDeg"/>.</summary>
    /// <param name="centreLonDeg">Central meridian, degrees east.</param>
    /// <param name="centreLatDeg">Latitude of the origin, degrees north.</param>
    public LocalTransverseMercator(double centreLonDeg, double centreLatDeg)
    {
        if (!double.IsFinite(centreLonDeg) || centreLonDeg < -180 || centreLonDeg > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(centreLonDeg), centreLonDeg, "Longitude must be in [-180, 180].");
        }

        if (!double.IsFinite(centreLatDeg) || centreLatDeg < -85 || centreLatDeg > 85)
        {
            throw new ArgumentOutOfRangeException(nameof(centreLatDeg), centreLatDeg, "Latitude must be in [-85, 85].");
        }

        CentreLonDeg = centreLonDeg;
        CentreLatDeg = centreLatDeg;
        _lon0Rad = centreLonDeg * Math.PI / 180.0;
        _northingOfOriginM = 0;
        Forward(centreLonDeg, centreLatDeg, out _, out var y0);
        _northingOfOriginM = y0;
    }

    /// <summary>Central meridian in degrees east.</summary>
    public double CentreLonDeg { get; }

    /// <summary>Latitude of the origin in degrees north.</summary>
    public double CentreLatDeg { get; }

    /// <summary>Projects WGS 84 lon/lat (degrees) to local metres.</summary>
    /// <param name="lonDeg">Longitude, degrees east.</param>
    /// <param name="latDeg">Latitude, degrees north.</param>
    /// <param name="xM">Easting from the centre, metres.</param>
    /// <param name="yM">Northing from the centre, metres.</param>
    public void Forward(double lonDeg, double latDeg, out double xM, out double yM)
    {
        var phi = latDeg * Math.PI / 180.0;
        var lambda = (lonDeg * Math.PI / 180.0) - _lon0Rad;
        var sinPhi = Math.Sin(phi);
        // Conformal latitude through its tangent t (Karney eq. 7–9).
        var t = Math.Sinh(Math.Atanh(sinPhi) - (E * Math.Atanh(E * sinPhi)));
        var xiPrime = Math.Atan2(t, Math.Cos(lambda));
        var etaPrime = Math.Atanh(Math.Sin(lambda) / Math.Sqrt(1 + (t * t)));
        SumSeries(Alpha, xiPrime, etaPrime, out var dXi, out var dEta);
        var xi = xiPrime + dXi;
        var eta = etaPrime + dEta;

        xM = RectifyingRadiusM * eta;
        yM = (RectifyingRadiusM * xi) - _northingOfOriginM;
    }

    /// <summary>Converts local metres back to WGS 84 lon/lat (degrees).</summary>
    /// <param name="xM">Easting from the centre, metres.</param>
    /// <param name="yM">Northing from the centre, metres.</param>
    /// <param name="lonDeg">Longitude, degrees east.</param>
    /// <param name="latDeg">Latitude, degrees north.</param>
    public void Inverse(double xM, double yM, out double lonDeg, out double latDeg)
    {
        var xi = (yM + _northingOfOriginM) / RectifyingRadiusM;
        var eta = xM / RectifyingRadiusM;
        SumSeries(Beta, xi, eta, out var dXi, out var dEta);
        var xiPrime = xi - dXi;
        var etaPrime = eta - dEta;

        var chi = Math.Asin(Math.Sin(xiPrime) / Math.Cosh(etaPrime));
        // Conformal -> geodetic latitude by fixed-point iteration; e is small, so it converges in a few steps.
        var phi = chi;
        for (var k = 0; k < 12; k++)
        {
            var s = Math.Sin(phi);
            var next = (2 * Math.Atan(Math.Tan((Math.PI / 4) + (chi / 2)) *
                Math.Pow((1 + (E * s)) / (1 - (E * s)), E / 2))) - (Math.PI / 2);
            if (Math.Abs(next - phi) < 1e-15)
            {
                phi = next;
                break;
            }

            phi = next;
        }

        var lambda = Math.Atan2(Math.Sinh(etaPrime), Math.Cos(xiPrime));
        latDeg = phi * 180.0 / Math.PI;
        lonDeg = (lambda + _lon0Rad) * 180.0 / Math.PI;
    }

    /// <summary>
    /// Σ c[j]·sin(2jξ)·cosh(2jη) and Σ c[j]·cos(2jξ)·sinh(2jη) for j = 1..6.
    /// </summary>
    /// <remarks>
    /// Implementation note: the multiple angles come from the recurrences sin((j+1)x) = 2cos x·sin jx − sin((j−1)x)
    /// (and the same for cos, sinh, cosh), so a point costs four transcendental calls here instead of 24; projection
    /// of every node is a measurable part of the import. The recurrences are stable for six terms.
    /// </remarks>
    private static void SumSeries(double[] c, double xi, double eta, out double sumXi, out double sumEta)
    {
        var s1 = Math.Sin(2 * xi);
        var c1 = Math.Cos(2 * xi);
        var sh1 = Math.Sinh(2 * eta);
        var ch1 = Math.Cosh(2 * eta);
        double sPrev = 0, cPrev = 1, shPrev = 0, chPrev = 1;
        double sj = s1, cj = c1, shj = sh1, chj = ch1;
        sumXi = 0;
        sumEta = 0;
        for (var j = 1; j <= 6; j++)
        {
            sumXi += c[j] * sj * chj;
            sumEta += c[j] * cj * shj;
            var sNext = (2 * c1 * sj) - sPrev;
            var cNext = (2 * c1 * cj) - cPrev;
            var shNext = (2 * ch1 * shj) - shPrev;
            var chNext = (2 * ch1 * chj) - chPrev;
            (sPrev, cPrev, shPrev, chPrev) = (sj, cj, shj, chj);
            (sj, cj, shj, chj) = (sNext, cNext, shNext, chNext);
        }
    }

    private static double ComputeRectifyingRadius()
    {
        var n2 = N * N;
        return SemiMajorAxisM / (1 + N) * (1 + (n2 / 4) + (n2 * n2 / 64) + (n2 * n2 * n2 / 256));
    }

    private static double[] ComputeAlpha()
    {
        double n = N, n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
        return
        [
            0,
            (n / 2) - (2 * n2 / 3) + (5 * n3 / 16) + (41 * n4 / 180) - (127 * n5 / 288) + (7891 * n6 / 37800),
            (13 * n2 / 48) - (3 * n3 / 5) + (557 * n4 / 1440) + (281 * n5 / 630) - (1983433 * n6 / 1935360),
            (61 * n3 / 240) - (103 * n4 / 140) + (15061 * n5 / 26880) + (167603 * n6 / 181440),
            (49561 * n4 / 161280) - (179 * n5 / 168) + (6601661 * n6 / 7257600),
            (34729 * n5 / 80640) - (3418889 * n6 / 1995840),
            212378941 * n6 / 319334400,
        ];
    }

    private static double[] ComputeBeta()
    {
        double n = N, n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
        return
        [
            0,
            (n / 2) - (2 * n2 / 3) + (37 * n3 / 96) - (n4 / 360) - (81 * n5 / 512) + (96199 * n6 / 604800),
            (n2 / 48) + (n3 / 15) - (437 * n4 / 1440) + (46 * n5 / 105) - (1118711 * n6 / 3870720),
            (17 * n3 / 480) - (37 * n4 / 840) - (209 * n5 / 4480) + (5569 * n6 / 90720),
            (4397 * n4 / 161280) - (11 * n5 / 504) - (830251 * n6 / 7257600),
            (4583 * n5 / 161280) - (108847 * n6 / 3991680),
            20648693 * n6 / 638668800,
        ];
    }
}
