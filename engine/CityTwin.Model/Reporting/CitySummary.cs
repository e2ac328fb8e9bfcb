using System.Globalization;
using System.Text;
using CityTwin.Model.Roads;

namespace CityTwin.Model.Reporting;

/// <summary>Headline figures of a city model, as printed by <c>citytwin import</c> and <c>citytwin info</c>.</summary>
public sealed class CitySummary
{
    /// <summary>Computes the summary of a model.</summary>
    /// <param name="model">The model.</param>
    public CitySummary(CityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        var roads = model.Roads;
        Junctions = roads.Junctions.Length;
        Edges = roads.Edges.Length;
        Lanes = roads.Lanes.Length;
        Connections = roads.Connections.Length;
        SignalisedJunctions = roads.SignalPrograms.Length;
        foreach (ref readonly var e in roads.Edges)
        {
            LaneLengthKm += e.LengthM * e.LaneCount / 1000.0;
        }

        DirectedRoadKm = roads.TotalLengthM / 1000.0;
        Buildings = model.Buildings.Count;
        BuildingAreaKm2 = model.Buildings.TotalAreaM2 / 1e6;
        Lamps = model.Lamps.Count;
        GeneratedLamps = model.Lamps.GeneratedCount;
        FeederSources = model.Assets.FeederSources().Length;
        ChargingStations = model.Assets.ChargingStations().Length;
        foreach (ref readonly var j in roads.Junctions)
        {
            KindCounts[(int)j.Kind]++;
        }
    }

    /// <summary>The summarised model.</summary>
    public CityModel Model { get; }

    /// <summary>Number of junctions.</summary>
    public int Junctions { get; }

    /// <summary>Number of directed edges.</summary>
    public int Edges { get; }

    /// <summary>Number of lanes.</summary>
    public int Lanes { get; }

    /// <summary>Number of lane-to-lane connections.</summary>
    public int Connections { get; }

    /// <summary>Number of junctions with a signal program.</summary>
    public int SignalisedJunctions { get; }

    /// <summary>Total directed edge length, km (a two-way street counts twice).</summary>
    public double DirectedRoadKm { get; }

    /// <summary>Total lane length, km.</summary>
    public double LaneLengthKm { get; }

    /// <summary>Number of buildings.</summary>
    public int Buildings { get; }

    /// <summary>Total footprint area, km².</summary>
    public double BuildingAreaKm2 { get; }

    /// <summary>Number of street lamps (mapped + generated).</summary>
    public int Lamps { get; }

    /// <summary>Number of generated street lamps.</summary>
    public int GeneratedLamps { get; }

    /// <summary>Mapped substations and transformers.</summary>
    public int FeederSources { get; }

    /// <summary>Mapped EV charging stations.</summary>
    public int ChargingStations { get; }

    /// <summary>Junction count per <see cref="JunctionKind"/> (indexed by the enum value).</summary>
    public int[] KindCounts { get; } = new int[6];

    /// <summary>Formats the summary and the report as human-readable lines.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var r = Model.Report;
        sb.AppendLine(ci, $"source:      {r.SourceName} ({r.NodesRead:N0} nodes, {r.WaysRead:N0} ways, {r.RelationsRead:N0} relations read)");
        sb.AppendLine(ci, $"junctions:   {Junctions:N0} (signals {KindCounts[(int)JunctionKind.TrafficSignals]:N0}, priority {KindCounts[(int)JunctionKind.Priority]:N0}, right-before-left {KindCounts[(int)JunctionKind.RightBeforeLeft]:N0}, all-way stop {KindCounts[(int)JunctionKind.AllWayStop]:N0}, roundabout {KindCounts[(int)JunctionKind.Roundabout]:N0}, dead end {KindCounts[(int)JunctionKind.DeadEnd]:N0})");
        sb.AppendLine(ci, $"edges:       {Edges:N0} directed, {DirectedRoadKm:F1} km of road (directed), {LaneLengthKm:F1} km of lanes");
        sb.AppendLine(ci, $"lanes:       {Lanes:N0}, {Connections:N0} lane-to-lane connections");
        sb.AppendLine(ci, $"signals:     {SignalisedJunctions:N0} signal programs");
        sb.AppendLine(ci, $"buildings:   {Buildings:N0}, {BuildingAreaKm2:F3} km² of footprint");
        sb.AppendLine(ci, $"lamps:       {Lamps:N0} ({Lamps - GeneratedLamps:N0} mapped, {GeneratedLamps:N0} generated along lit roads)");
        sb.AppendLine(ci, $"grid:        {FeederSources:N0} mapped substations/transformers, {ChargingStations:N0} charging stations");
        if (r.Entries.Count > 0)
        {
            sb.AppendLine("dropped or changed:");
            foreach (var e in r.Entries)
            {
                sb.AppendLine(ci, $"  {e}");
            }
        }

        return sb.ToString();
    }
}
