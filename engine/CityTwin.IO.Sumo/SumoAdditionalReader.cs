using CityTwin.Model.Reporting;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Signals;

namespace CityTwin.IO.Sumo;

/// <summary>What SUMO additional files contribute: signal plan overrides and induction loops.</summary>
/// <param name="SignalPlans">Overriding plans by model program index (the last program loaded for a tlLogic id wins, as in SUMO).</param>
/// <param name="Detectors">Induction loops on model lanes.</param>
/// <param name="Report">What was skipped or not understood.</param>
public sealed record SumoAdditional(IReadOnlyDictionary<int, SignalPlan> SignalPlans, IReadOnlyList<InductionLoop> Detectors, SumoReport Report);

/// <summary>
/// Reads SUMO additional files (<c>.add.xml</c>): <c>tlLogic</c> overrides, <c>e1Detector</c>/<c>inductionLoop</c>;
/// <c>busStop</c>s are read and ignored with a note; <c>vType</c>s belong to <see cref="SumoRouteReader"/> and are
/// skipped here without a note.
/// </summary>
public static class SumoAdditionalReader
{
    private static readonly HashSet<string> DetectorAttributes = ["id", "lane", "pos", "period", "freq", "file", "friendlyPos"];

    /// <summary>Reads additional files in order.</summary>
    /// <param name="network">The imported network.</param>
    /// <param name="paths">Additional files.</param>
    /// <returns>Plans and detectors; apply plans with <see cref="Apply"/>.</returns>
    /// <exception cref="SumoFormatException">Malformed XML or an inconsistent element (message names file and line).</exception>
    public static SumoAdditional Read(SumoNetwork network, params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(network);
        var report = new SumoReport();
        var plans = new Dictionary<int, SignalPlan>();
        var detectors = new List<InductionLoop>();
        foreach (var path in paths)
        {
            ReadFile(network, path, report, plans, detectors);
        }

        return new SumoAdditional(plans, detectors, report);
    }

    /// <summary>Installs the plans on a simulation's controllers and adds its detectors.</summary>
    /// <param name="additional">What <see cref="Read"/> returned.</param>
    /// <param name="controllers">The simulation's signal controllers.</param>
    /// <param name="detectors">The simulation's detector list.</param>
    public static void Apply(SumoAdditional additional, SignalControllers controllers, List<InductionLoop> detectors)
    {
        ArgumentNullException.ThrowIfNull(additional);
        ArgumentNullException.ThrowIfNull(controllers);
        ArgumentNullException.ThrowIfNull(detectors);
        foreach (var (program, plan) in additional.SignalPlans)
        {
            controllers.SetPlan(program, plan);
        }

        detectors.AddRange(additional.Detectors);
    }

    private static void ReadFile(SumoNetwork network, string path, SumoReport report, Dictionary<int, SignalPlan> plans, List<InductionLoop> detectors)
    {
        using var xml = new SumoXml(path);
        RawTlLogic? tl = null;
        var tlLine = 0;
        var skipDepth = -1;
        while (xml.NextElement())
        {
            var depth = xml.Depth;
            if (skipDepth >= 0 && depth > skipDepth)
            {
                continue;
            }

            skipDepth = -1;
            if (tl is not null && depth <= 1)
            {
                AddPlan(network, tl, tlLine, xml, report, plans);
                tl = null;
            }

            switch (xml.Name)
            {
                case "additional" or "add" or "routes" when depth == 0:
                    break;
                case "tlLogic":
                    tl = new RawTlLogic(xml.Required("id"), xml.Attr("type") ?? "static", xml.Attr("programID") ?? "0", xml.Double("offset", 0));
                    tlLine = xml.Line;
                    break;
                case "phase" when tl is not null:
                    tl.Phases.Add(SumoNetParser.ReadPhase(xml, report, tl.Id));
                    break;
                case "e1Detector" or "inductionLoop":
                    detectors.Add(Detector(network, xml, report));
                    break;
                case "busStop":
                    report.Add("additional", "busStop read and ignored (stops are not simulated)", ReportSeverity.Info, xml.Attr("id"));
                    skipDepth = depth;
                    break;
                case "vType" or "vTypeDistribution":
                    skipDepth = depth; // demand, read by SumoRouteReader
                    break;
                default:
                    report.Add("additional", $"element not supported: <{xml.Name}>", ReportSeverity.Info);
                    skipDepth = depth;
                    break;
            }
        }

        if (tl is not null)
        {
            AddPlan(network, tl, tlLine, xml, report, plans);
        }
    }

    private static void AddPlan(SumoNetwork network, RawTlLogic tl, int line, SumoXml xml, SumoReport report, Dictionary<int, SignalPlan> plans)
    {
        if (!network.TryGetTrafficLight(tl.Id, out var program))
        {
            report.Add("signals", "tlLogic override for a traffic light the network lacks: ignored", ReportSeverity.Warning, tl.Id);
            return;
        }

        SignalPlan plan;
        try
        {
            plan = SumoSignals.Plan(tl, report);
        }
        catch (InvalidDataException ex)
        {
            throw new SumoFormatException(xml.Path, line, ex.Message, ex);
        }

        var linkCount = network.Model.Roads.SignalPrograms[program].LinkCount;
        if (plan.LinkCount != linkCount)
        {
            throw new SumoFormatException(xml.Path, line, $"tlLogic '{tl.Id}' program '{tl.ProgramId}' has {plan.LinkCount} links; the network's has {linkCount}");
        }

        plans[program] = plan;
        report.Add("signals", "tlLogic program loaded (replaces the network's)", ReportSeverity.Info, $"{tl.Id}/{tl.ProgramId}");
    }

    private static InductionLoop Detector(SumoNetwork network, SumoXml xml, SumoReport report)
    {
        var id = xml.Required("id");
        var laneId = xml.Required("lane");
        if (!network.TryGetLane(laneId, out var lane))
        {
            throw xml.Error($"detector '{id}' is on lane '{laneId}', which is not a lane of a normal edge");
        }

        var lengthM = network.Model.Roads.Edges[network.Model.Roads.Lanes[lane].Edge].LengthM;
        var pos = xml.Double("pos", 0);
        // Negative positions count from the lane end, as in SUMO; the rest is clamped onto the lane (friendlyPos).
        var posM = Math.Clamp(pos < 0 ? lengthM + pos : pos, 0, lengthM);
        if (Math.Abs(posM - pos) > 1e-9 && pos >= 0)
        {
            report.Add("detectors", "detector position clamped onto its lane", ReportSeverity.Warning, id);
        }

        var periodS = xml.Double("period", xml.Double("freq", 60));
        xml.ReportUnknownAttributes(DetectorAttributes, report, "detectors");
        if (xml.Attr("file") is not null)
        {
            report.Add("detectors", "detector output file not written (read the loop's rows instead)", ReportSeverity.Info);
        }

        return new InductionLoop(id, lane, posM, (long)Math.Round(periodS * 1000));
    }
}
