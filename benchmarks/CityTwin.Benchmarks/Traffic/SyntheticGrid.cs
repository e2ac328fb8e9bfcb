using System.Globalization;
using System.Text;

namespace CityTwin.Benchmarks.Traffic;

/// <summary>
/// Writes a square grid city as OSM XML (the peer set-up of cityflow.md: 200 m blocks, 2 lanes per direction,
/// 40 km/h, a signal at every intersection, a 200 m stub at each border node), so that it goes through the same OSM
/// importer as a real city.
/// </summary>
public static class SyntheticGrid
{
    /// <summary>Writes the grid to a temporary .osm file and returns its path.</summary>
    /// <param name="size">Intersections per side.</param>
    /// <param name="blockM">Block length, metres.</param>
    /// <returns>The file path.</returns>
    public static string Write(int size, double blockM = 200)
    {
        const double lat0 = 48.0;
        const double lon0 = 11.0;
        var metresPerDegLat = 111_320.0;
        var metresPerDegLon = 111_320.0 * Math.Cos(lat0 * Math.PI / 180);
        var xml = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='CityTwin.Benchmarks'>\n");
        var n = size + 2; // include the stub ends
        long NodeId(int i, int j) => 1 + i * n + j;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var corner = (i == 0 || i == n - 1) && (j == 0 || j == n - 1);
                if (corner)
                {
                    continue;
                }

                var lat = lat0 + i * blockM / metresPerDegLat;
                var lon = lon0 + j * blockM / metresPerDegLon;
                var inner = i > 0 && i < n - 1 && j > 0 && j < n - 1;
                xml.Append(CultureInfo.InvariantCulture, $"<node id='{NodeId(i, j)}' version='1' lat='{lat:F7}' lon='{lon:F7}'>");
                if (inner)
                {
                    xml.Append("<tag k='highway' v='traffic_signals'/>");
                }

                xml.Append("</node>\n");
            }
        }

        var way = 1L;
        void Way(IEnumerable<long> nodes)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<way id='{way++}' version='1'>");
            foreach (var node in nodes)
            {
                xml.Append(CultureInfo.InvariantCulture, $"<nd ref='{node}'/>");
            }

            xml.Append("<tag k='highway' v='primary'/><tag k='lanes' v='4'/><tag k='maxspeed' v='40'/></way>\n");
        }

        for (var i = 1; i < n - 1; i++)
        {
            Way(Enumerable.Range(0, n).Select(j => NodeId(i, j)));
            Way(Enumerable.Range(0, n).Select(j => NodeId(j, i)));
        }

        xml.Append("</osm>\n");
        var path = Path.Combine(Path.GetTempPath(), $"citytwin-grid-{size}x{size}.osm");
        File.WriteAllText(path, xml.ToString());
        return path;
    }
}
