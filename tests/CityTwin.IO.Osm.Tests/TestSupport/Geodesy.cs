namespace CityTwin.IO.Osm.Tests.TestSupport;

/// <summary>
/// Independent reference distances on the WGS 84 ellipsoid for short steps: meridional radius M and prime-vertical
/// radius N at the mid-latitude (error well below 1e-5 for steps under a kilometre). Used to check the model's
/// projected lengths and areas without going through its projection code.
/// </summary>
internal static class Geodesy
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private static readonly double E2 = F * (2 - F);

    /// <summary>Length of a short step between two lon/lat points, metres.</summary>
    public static double StepM(double lon1, double lat1, double lon2, double lat2)
    {
        var (north, east) = Components(lon1, lat1, lon2, lat2);
        return Math.Sqrt((north * north) + (east * east));
    }

    /// <summary>North and east components of a short step, metres.</summary>
    public static (double NorthM, double EastM) Components(double lon1, double lat1, double lon2, double lat2)
    {
        var phi = (lat1 + lat2) / 2 * Math.PI / 180;
        var s = Math.Sin(phi);
        var w = Math.Sqrt(1 - (E2 * s * s));
        var m = A * (1 - E2) / (w * w * w);
        var n = A / w;
        return (m * (lat2 - lat1) * Math.PI / 180, n * Math.Cos(phi) * (lon2 - lon1) * Math.PI / 180);
    }
}
