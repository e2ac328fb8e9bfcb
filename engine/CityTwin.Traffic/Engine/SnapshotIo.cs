using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

/// <summary>Field-by-field binary encoding of the snapshot's records (explicit, so the format is stable).</summary>
internal static class SnapshotIo
{
    public static void Write(BinaryWriter w, in Kinematics k, in VehicleRoute r, in TripStats s)
    {
        w.Write(k.Lane); w.Write(k.PosM); w.Write(k.SpeedMps); w.Write(k.AccelMps2); w.Write(k.NextSpeedMps);
        w.Write(k.LastLaneChangeMs); w.Write(k.ObstacleM); w.Write(k.MayPass); w.Write(k.WaitsAtLink);
        w.Write(r.Trip); w.Write(r.Type); w.Write(r.Route); w.Write(r.Step); w.Write(r.ExitConnection); w.Write(r.SpeedFactor);
        w.Write(r.ArrivalPosM);
        w.Write(s.PlannedDepartMs); w.Write(s.DepartMs); w.Write(s.RouteLengthM); w.Write(s.WaitingS); w.Write(s.StoppedS);
        w.Write(s.TimeLossS);
    }

    public static (Kinematics, VehicleRoute, TripStats) ReadVehicle(BinaryReader r) => (
        new Kinematics
        {
            Lane = r.ReadInt32(), PosM = r.ReadDouble(), SpeedMps = r.ReadDouble(), AccelMps2 = r.ReadDouble(),
            NextSpeedMps = r.ReadDouble(), LastLaneChangeMs = r.ReadInt64(), ObstacleM = r.ReadDouble(), MayPass = r.ReadBoolean(),
            WaitsAtLink = r.ReadBoolean(),
        },
        new VehicleRoute
        {
            Trip = r.ReadInt32(), Type = r.ReadInt32(), Route = r.ReadInt32(), Step = r.ReadInt32(), ExitConnection = r.ReadInt32(),
            SpeedFactor = r.ReadDouble(), ArrivalPosM = r.ReadDouble(),
        },
        new TripStats
        {
            PlannedDepartMs = r.ReadInt64(), DepartMs = r.ReadInt64(), RouteLengthM = r.ReadDouble(), WaitingS = r.ReadDouble(),
            StoppedS = r.ReadDouble(), TimeLossS = r.ReadDouble(),
        });

    public static void Write(BinaryWriter w, in TripInfo t)
    {
        w.Write(t.Id); w.Write(t.Type); w.Write(t.DepartS); w.Write(t.DepartDelayS); w.Write(t.ArrivalS); w.Write(t.DurationS);
        w.Write(t.RouteLengthM); w.Write(t.WaitingTimeS); w.Write(t.TimeLossS); w.Write((byte)t.Status);
    }

    public static TripInfo ReadTripInfo(BinaryReader r) => new(
        r.ReadString(), r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(),
        r.ReadDouble(), r.ReadDouble(), (TripStatus)r.ReadByte());

    public static void Write(BinaryWriter w, in SummaryRow s)
    {
        w.Write(s.TimeS); w.Write(s.Running); w.Write(s.Inserted); w.Write(s.Arrived); w.Write(s.Removed); w.Write(s.Waiting);
        w.Write(s.MeanSpeedMps);
    }

    public static SummaryRow ReadSummary(BinaryReader r) => new(
        r.ReadDouble(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadDouble());

    public static void Write(BinaryWriter w, in EdgeDataRow e)
    {
        w.Write(e.Edge); w.Write(e.OsmWayId); w.Write(e.BeginS); w.Write(e.EndS); w.Write(e.Departed); w.Write(e.Entered);
        w.Write(e.Left); w.Write(e.Arrived); w.Write(e.SampledSeconds); w.Write(e.MeanSpeedMps); w.Write(e.DensityVehPerKmPerLane);
        w.Write(e.OccupancyPercent); w.Write(e.TravelTimeS);
    }

    public static EdgeDataRow ReadEdgeRow(BinaryReader r) => new(
        r.ReadInt32(), r.ReadInt64(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(),
        r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());

    public static void Write(BinaryWriter w, in DetectorRow d)
    {
        w.Write(d.Id); w.Write(d.BeginS); w.Write(d.EndS); w.Write(d.Count); w.Write(d.OccupancyPercent); w.Write(d.MeanSpeedMps);
    }

    public static DetectorRow ReadDetectorRow(BinaryReader r) => new(
        r.ReadString(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble());
}
