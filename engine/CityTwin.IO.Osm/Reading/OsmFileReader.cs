using System.IO.Compression;
using System.Text;
using ICSharpCode.SharpZipLib.BZip2;
using OsmSharp;
using OsmSharp.Streams;

namespace CityTwin.IO.Osm.Reading;

/// <summary>
/// Reads <c>.osm.pbf</c>, <c>.osm</c>, <c>.osm.gz</c> and <c>.osm.bz2</c> in one streaming pass with OsmSharp.
/// </summary>
/// <remarks>
/// Implementation note: the format is sniffed from the bytes, not the extension (gzip 1F 8B, bzip2 "BZh", XML '&lt;',
/// PBF = a 4-byte big-endian length followed by a BlobHeader whose type is "OSMHeader"). Compressed input is
/// inflated into memory first because OsmSharp's sources need a seekable stream (style.md §2.3). A single pass keeps
/// every node position: the decode work equals the two-pass recipe, and it works for XML where seeking saves nothing.
/// </remarks>
internal static class OsmFileReader
{
    /// <summary>Reads the file.</summary>
    /// <param name="path">Path of the OSM file.</param>
    /// <returns>The collected data.</returns>
    /// <exception cref="OsmImportException">Missing, not OSM, or corrupt.</exception>
    public static OsmData Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new OsmImportException($"{path}: file not found.");
        }

        using var stream = OpenDecompressed(path, name);
        var isPbf = SniffIsPbf(stream, name);
        var data = new OsmData { SourceName = name };
        OsmGeo? last = null;
        try
        {
            using OsmStreamSource source = isPbf ? new PBFOsmStreamSource(stream) : new XmlOsmStreamSource(stream);
            foreach (var geo in source)
            {
                last = geo;
                Collect(data, geo, name);
            }
        }
        catch (OsmImportException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var where = last == null ? "before the first element" : $"after {last.Type.ToString().ToLowerInvariant()} {last.Id}";
            throw new OsmImportException($"{name}: corrupt or truncated OSM {(isPbf ? "PBF" : "XML")} data ({where}): {ex.Message}", ex);
        }

        if (data.Nodes.Count == 0)
        {
            throw new OsmImportException($"{name}: no OSM nodes with a position found (empty, truncated or not an OSM file).");
        }

        return data;
    }

    private static void Collect(OsmData data, OsmGeo geo, string name)
    {
        var id = geo.Id ?? throw new OsmImportException($"{name}: an OSM {geo.Type} has no id.");
        switch (geo)
        {
            case Node n:
                if (n.Latitude is not double lat || n.Longitude is not double lon || lat < -90 || lat > 90 || lon < -180 || lon > 180)
                {
                    // Deleted or invisible nodes in editor exports carry no position; ways using them are reported later.
                    data.NodesWithoutPosition.Add(id);
                    return;
                }

                data.Nodes[id] = new NodeCoord(lon, lat);
                data.MinLon = Math.Min(data.MinLon, lon);
                data.MaxLon = Math.Max(data.MaxLon, lon);
                data.MinLat = Math.Min(data.MinLat, lat);
                data.MaxLat = Math.Max(data.MaxLat, lat);
                if (n.Tags is { Count: > 0 })
                {
                    data.NodeTags[id] = n.Tags;
                }

                break;
            case Way w:
                data.Ways.Add(new OsmWay(id, w.Nodes ?? [], w.Tags));
                break;
            case Relation r:
                data.RelationsRead++;
                if (r.Tags != null && r.Tags.TryGetValue("type", out var type) && (type is "multipolygon" or "building" or "restriction"))
                {
                    data.Relations.Add(new OsmRelation(id, r.Members ?? [], r.Tags));
                }

                break;
        }
    }

    private static Stream OpenDecompressed(string path, string name)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length >= 2 && raw[0] == 0x1F && raw[1] == 0x8B)
        {
            return Inflate(name, "gzip", () => new GZipStream(new MemoryStream(raw), CompressionMode.Decompress));
        }

        if (raw.Length >= 3 && raw[0] == (byte)'B' && raw[1] == (byte)'Z' && raw[2] == (byte)'h')
        {
            return Inflate(name, "bzip2", () => new BZip2InputStream(new MemoryStream(raw)));
        }

        return new MemoryStream(raw, writable: false);
    }

    private static MemoryStream Inflate(string name, string format, Func<Stream> open)
    {
        try
        {
            using var z = open();
            var ms = new MemoryStream();
            z.CopyTo(ms);
            ms.Position = 0;
            return ms;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ICSharpCode.SharpZipLib.SharpZipBaseException)
        {
            throw new OsmImportException($"{name}: corrupt or truncated {format} data: {ex.Message}", ex);
        }
    }

    private static bool SniffIsPbf(Stream stream, string name)
    {
        var head = new byte[Math.Min(64 * 1024, stream.Length)];
        stream.ReadExactly(head);
        stream.Position = 0;
        var i = 0;
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            i = 3;
        }

        while (i < head.Length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        {
            i++;
        }

        if (i < head.Length && head[i] == '<')
        {
            var text = Encoding.UTF8.GetString(head);
            if (!text.Contains("<osm", StringComparison.Ordinal))
            {
                throw new OsmImportException($"{name}: XML but not OSM XML (no <osm> root element).");
            }

            return false;
        }

        // PBF: int32 big-endian BlobHeader length, then field 1 (type) = "OSMHeader".
        if (head.Length >= 15)
        {
            var len = (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
            if (len is > 0 and < 64 * 1024 && head[4] == 0x0A && Encoding.ASCII.GetString(head, 6, 9) == "OSMHeader")
            {
                return true;
            }
        }

        throw new OsmImportException($"{name}: not an OSM file (neither OSM XML nor OSM PBF, nor gzip/bzip2 of one).");
    }
}
