using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CityTwin.Model.Buildings;
using CityTwin.Model.Energy;
using CityTwin.Model.Files;
using CityTwin.Model.Geometry;
using CityTwin.Model.Lighting;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.Model.Cache;

/// <summary>
/// Binary cache of a city model (<c>.ctw</c>): a fixed header (magic, format version, payload length, SHA-256 of the
/// payload) followed by the model's flat arrays written as raw little-endian struct bytes.
/// </summary>
/// <remarks>
/// Implementation note: because the model is struct-of-arrays of unmanaged structs, saving and loading is a memory
/// copy per array; there is no per-object serialisation. The struct layouts are part of the format, so
/// <see cref="FormatVersion"/> must be bumped whenever a model struct changes; older or newer caches are refused
/// rather than misread. Writes go to a temporary file in the target folder that is renamed over the target only
/// when complete, so a crash never leaves a partial cache under the real name.
/// </remarks>
public static class CityModelCache
{
    /// <summary>The format version this build reads and writes.</summary>
    public const int FormatVersion = 8; // 8: LinkControl.RailCrossing; 7: Connection.MayBlock; 6: LinkControl.RailSignal and VehicleClasses.Rail/Tram

    private const int HeaderBytes = 8 + 4 + 4 + 8 + 32;
    private static readonly byte[] Magic = "CITYTWIN"u8.ToArray();

    /// <summary>Writes a model to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    /// <param name="model">The model.</param>
    /// <param name="path">Target file, conventionally <c>*.ctw</c>.</param>
    public static void Save(CityModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var payload = WritePayload(model);
        // `import x -o new/city.ctw` makes the folder, as --out does.
        AtomicFile.Write(path, fs =>
        {
            Span<byte> header = stackalloc byte[HeaderBytes];
            Magic.CopyTo(header);
            BitConverter.TryWriteBytes(header[8..], FormatVersion);
            BitConverter.TryWriteBytes(header[12..], 0);
            BitConverter.TryWriteBytes(header[16..], (long)payload.Length);
            SHA256.HashData(payload, header[24..]);
            fs.Write(header);
            fs.Write(payload);
            fs.Flush(flushToDisk: true);
        }, createDirectory: true);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <param name="path">The cache file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="CacheFormatException">Not a cache, another format version, truncated or corrupt.</exception>
    public static CityModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        if (bytes.Length < HeaderBytes || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new CacheFormatException($"{name}: not a CityTwin city cache (bad magic bytes); import the OSM file again.");
        }

        var version = BitConverter.ToInt32(bytes, 8);
        if (version != FormatVersion)
        {
            throw new CacheFormatException(
                $"{name}: city cache format version {version} is not supported by this build (it reads version {FormatVersion}); " +
                "re-create the cache with 'citytwin import'.");
        }

        var length = BitConverter.ToInt64(bytes, 16);
        if (length != bytes.Length - HeaderBytes)
        {
            throw new CacheFormatException($"{name}: city cache is truncated or has trailing data (payload {bytes.Length - HeaderBytes} bytes, header says {length}).");
        }

        var payload = bytes.AsSpan(HeaderBytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(bytes.AsSpan(24, 32)))
        {
            throw new CacheFormatException($"{name}: city cache checksum mismatch (the file is corrupt); import the OSM file again.");
        }

        try
        {
            return ReadPayload(bytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            throw new CacheFormatException($"{name}: city cache content is inconsistent: {ex.Message}", ex);
        }
    }

    private static byte[] WritePayload(CityModel model)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true);
        w.Write(model.Projection.CentreLonDeg);
        w.Write(model.Projection.CentreLatDeg);
        var r = model.Roads;
        WriteArray(w, r.JunctionArray);
        WriteArray(w, r.EdgeArray);
        WriteArray(w, r.EdgePointArray);
        WriteArray(w, r.LaneArray);
        WriteArray(w, r.ConnectionArray);
        WriteArray(w, r.ConflictArray);
        WriteArray(w, r.SignalProgramArray);
        WriteArray(w, r.SignalPhaseArray);
        WriteArray(w, r.SignalStateArray);
        WriteStrings(w, r.NameArray);
        var b = model.Buildings;
        WriteArray(w, b.BuildingArray);
        WriteArray(w, b.RingArray);
        WriteArray(w, b.PointArray);
        WriteStrings(w, b.StringArray);
        var l = model.Lamps;
        WriteArray(w, l.LampArray);
        WriteArray(w, l.TagArray);
        WriteStrings(w, l.StringArray);
        WriteArray(w, model.Assets.AssetArray);
        var rep = model.Report;
        w.Write(rep.SourceName);
        w.Write(rep.NodesRead);
        w.Write(rep.WaysRead);
        w.Write(rep.RelationsRead);
        w.Write(rep.Entries.Count);
        foreach (var e in rep.Entries)
        {
            w.Write(e.Category);
            w.Write(e.Reason);
            w.Write((byte)e.Severity);
            w.Write(e.Count);
            w.Write(e.ExampleIds.Count);
            foreach (var id in e.ExampleIds)
            {
                w.Write(id);
            }
        }

        w.Flush();
        return ms.ToArray();
    }

    private static CityModel ReadPayload(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes, HeaderBytes, bytes.Length - HeaderBytes, writable: false, publiclyVisible: true);
        using var rd = new BinaryReader(ms, Encoding.UTF8);
        var projection = new LocalTransverseMercator(rd.ReadDouble(), rd.ReadDouble());
        var roads = new RoadNetwork(
            ReadArray<Junction>(rd, bytes), ReadArray<Edge>(rd, bytes), ReadArray<PointM>(rd, bytes),
            ReadArray<Lane>(rd, bytes), ReadArray<Connection>(rd, bytes), ReadArray<Conflict>(rd, bytes),
            ReadArray<SignalProgram>(rd, bytes), ReadArray<SignalPhase>(rd, bytes), ReadArray<SignalState>(rd, bytes),
            ReadStrings(rd));
        var buildings = new BuildingSet(
            ReadArray<Building>(rd, bytes), ReadArray<FootprintRing>(rd, bytes), ReadArray<PointM>(rd, bytes), ReadStrings(rd));
        var lamps = new StreetLampSet(ReadArray<StreetLamp>(rd, bytes), ReadArray<LampTag>(rd, bytes), ReadStrings(rd));
        var assets = new GridAssetSet(ReadArray<GridAsset>(rd, bytes));
        var source = rd.ReadString();
        long nodes = rd.ReadInt64(), ways = rd.ReadInt64(), relations = rd.ReadInt64();
        var entries = new ReportEntry[ReadCount(rd)];
        for (var i = 0; i < entries.Length; i++)
        {
            var category = rd.ReadString();
            var reason = rd.ReadString();
            var severity = (ReportSeverity)rd.ReadByte();
            var count = rd.ReadInt64();
            var ids = new string[ReadCount(rd)];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = rd.ReadString();
            }

            entries[i] = new ReportEntry(category, reason, severity, count, ids);
        }

        if (ms.Position != ms.Length)
        {
            throw new InvalidDataException("unread bytes at the end of the payload");
        }

        return new CityModel(projection, roads, buildings, lamps, new ImportReport(source, nodes, ways, relations, entries), assets);
    }

    private static void WriteArray<[DynamicallyAccessedMembers(StructPadding.Members)] T>(
        BinaryWriter w, T[] array)
        where T : unmanaged
    {
        w.Write(array.Length);
        var bytes = MemoryMarshal.AsBytes(array.AsSpan());
        if (StructPadding<T>.FieldMask is not { } mask)
        {
            w.Write(bytes);
            return;
        }

        // Padding bytes written as zeros (StructPadding), one chunk of whole structs at a time.
        var chunk = new byte[mask.Length * Math.Max(1, 65536 / mask.Length)];
        for (var start = 0; start < bytes.Length; start += chunk.Length)
        {
            var part = chunk.AsSpan(0, Math.Min(chunk.Length, bytes.Length - start));
            bytes.Slice(start, part.Length).CopyTo(part);
            for (var s = 0; s < part.Length; s += mask.Length)
            {
                for (var k = 0; k < mask.Length; k++)
                {
                    part[s + k] &= mask[k];
                }
            }

            w.Write(part);
        }
    }

    private static T[] ReadArray<T>(BinaryReader rd, byte[] buffer)
        where T : unmanaged
    {
        var count = ReadCount(rd);
        var size = count * (long)Unsafe.SizeOf<T>();
        var stream = rd.BaseStream;
        if (size > stream.Length - stream.Position)
        {
            throw new EndOfStreamException($"array of {count} {typeof(T).Name} runs past the end of the payload");
        }

        var start = HeaderBytes + (int)stream.Position;
        var result = MemoryMarshal.Cast<byte, T>(buffer.AsSpan(start, (int)size)).ToArray();
        stream.Position += size;
        return result;
    }

    private static void WriteStrings(BinaryWriter w, string[] strings)
    {
        w.Write(strings.Length);
        foreach (var s in strings)
        {
            w.Write(s);
        }
    }

    private static string[] ReadStrings(BinaryReader rd)
    {
        var result = new string[ReadCount(rd)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = rd.ReadString();
        }

        return result;
    }

    private static int ReadCount(BinaryReader rd)
    {
        var n = rd.ReadInt32();
        if (n < 0 || n > rd.BaseStream.Length)
        {
            throw new InvalidDataException($"invalid element count {n}");
        }

        return n;
    }
}
