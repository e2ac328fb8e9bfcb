using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

/// <summary>
/// The complete dynamic state of a <see cref="TrafficSimulation"/> at the start of a step: vehicles, insertion
/// queues, signal controllers, junction memory, counters and the outputs gathered so far. Restoring it into a
/// simulation built with the same network, vehicle types, trips, signal plans and detectors continues the run with
/// results identical to an uninterrupted one (random draws are counter-based, so no generator state is needed).
/// </summary>
public sealed class TrafficSnapshot
{
    /// <summary>Format version written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 5; // 5: level-crossing barriers

    private const uint Magic = 0x53544354; // "TCTS"

    internal long StepIndex { get; init; }

    internal int[] Counters { get; init; } = [];

    internal long[] LongCounters { get; init; } = [];

    internal int NextScheduled { get; init; }

    internal (int Edge, int[] Trips)[] Queues { get; init; } = [];

    internal (Kinematics K, VehicleRoute R, TripStats S)[] Vehicles { get; init; } = [];

    internal int[] SignalPhase { get; init; } = [];

    internal long[] SignalElapsedMs { get; init; } = [];

    internal byte[] BarrierPhase { get; init; } = [];

    internal long[] BarrierNextCheckMs { get; init; } = [];

    internal int[] BarrierClosures { get; init; } = [];

    internal long[] BarrierDownMs { get; init; } = [];

    internal long[] ClearUntilMs { get; init; } = [];

    internal double[] LaneGapS { get; init; } = [];

    internal (int Trip, double PosM)[] HoldBack { get; init; } = [];

    internal TripInfo[] TripInfos { get; init; } = [];

    /// <summary>Routes created during the run (rerouting), after the scheduled trips' routes.</summary>
    internal int[][] ExtraRoutes { get; init; } = [];

    internal int ScheduledRoutes { get; init; }

    internal int Reroutes { get; init; }

    internal SummaryRow[] Summary { get; init; } = [];

    internal EdgeDataCollector.State EdgeData { get; init; } = null!;

    internal InductionLoop.State[] Detectors { get; init; } = [];

    /// <summary>Simulation time of the snapshot, ms (for a step length given at capture).</summary>
    public long TimeMs { get; init; }

    /// <summary>Number of vehicles on the network in the snapshot.</summary>
    public int VehicleCount => Vehicles.Length;

    /// <summary>Writes the snapshot in a versioned binary format.</summary>
    /// <param name="stream">Destination.</param>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(StepIndex);
        w.Write(TimeMs);
        WriteArray(w, Counters, w.Write);
        WriteArray(w, LongCounters, w.Write);
        w.Write(NextScheduled);
        WriteArray(w, Queues, q => { w.Write(q.Edge); WriteArray(w, q.Trips, w.Write); });
        WriteArray(w, Vehicles, v => SnapshotIo.Write(w, v.K, v.R, v.S));
        WriteArray(w, SignalPhase, w.Write);
        WriteArray(w, SignalElapsedMs, w.Write);
        WriteArray(w, BarrierPhase, w.Write);
        WriteArray(w, BarrierNextCheckMs, w.Write);
        WriteArray(w, BarrierClosures, w.Write);
        WriteArray(w, BarrierDownMs, w.Write);
        WriteArray(w, ClearUntilMs, w.Write);
        WriteArray(w, LaneGapS, w.Write);
        WriteArray(w, HoldBack, h => { w.Write(h.Trip); w.Write(h.PosM); });
        WriteArray(w, TripInfos, t => SnapshotIo.Write(w, t));
        w.Write(ScheduledRoutes);
        w.Write(Reroutes);
        WriteArray(w, ExtraRoutes, r => WriteArray(w, r, w.Write));
        WriteArray(w, Summary, s => SnapshotIo.Write(w, s));
        EdgeData.Write(w);
        WriteArray(w, Detectors, d => d.Write(w));
    }

    /// <summary>Reads a snapshot written by <see cref="Save"/>.</summary>
    /// <param name="stream">Source.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InvalidDataException">Not a snapshot, another format version, or truncated.</exception>
    public static TrafficSnapshot Load(Stream stream)
    {
        using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        try
        {
            if (r.ReadUInt32() != Magic)
            {
                throw new InvalidDataException("Not a CityTwin traffic snapshot (bad magic number).");
            }

            var version = r.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Traffic snapshot format {version} is not supported; this build reads format {FormatVersion}.");
            }

            return new TrafficSnapshot
            {
                StepIndex = r.ReadInt64(),
                TimeMs = r.ReadInt64(),
                Counters = ReadArray(r, r.ReadInt32),
                LongCounters = ReadArray(r, r.ReadInt64),
                NextScheduled = r.ReadInt32(),
                Queues = ReadArray(r, () => (r.ReadInt32(), ReadArray(r, r.ReadInt32))),
                Vehicles = ReadArray(r, () => SnapshotIo.ReadVehicle(r)),
                SignalPhase = ReadArray(r, r.ReadInt32),
                SignalElapsedMs = ReadArray(r, r.ReadInt64),
                BarrierPhase = ReadArray(r, r.ReadByte),
                BarrierNextCheckMs = ReadArray(r, r.ReadInt64),
                BarrierClosures = ReadArray(r, r.ReadInt32),
                BarrierDownMs = ReadArray(r, r.ReadInt64),
                ClearUntilMs = ReadArray(r, r.ReadInt64),
                LaneGapS = ReadArray(r, r.ReadDouble),
                HoldBack = ReadArray(r, () => (r.ReadInt32(), r.ReadDouble())),
                TripInfos = ReadArray(r, () => SnapshotIo.ReadTripInfo(r)),
                ScheduledRoutes = r.ReadInt32(),
                Reroutes = r.ReadInt32(),
                ExtraRoutes = ReadArray(r, () => ReadArray(r, r.ReadInt32)),
                Summary = ReadArray(r, () => SnapshotIo.ReadSummary(r)),
                EdgeData = EdgeDataCollector.State.Read(r),
                Detectors = ReadArray(r, () => InductionLoop.State.Read(r)),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The traffic snapshot is truncated.", e);
        }
    }

    private static void WriteArray<T>(BinaryWriter w, T[] items, Action<T> write)
    {
        w.Write(items.Length);
        foreach (var item in items)
        {
            write(item);
        }
    }

    private static T[] ReadArray<T>(BinaryReader r, Func<T> read)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > 100_000_000)
        {
            throw new InvalidDataException($"Corrupt traffic snapshot: array length {n}.");
        }

        var items = new T[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = read();
        }

        return items;
    }
}
