using CityTwin.Ecs.Randomness;
using CityTwin.Model;
using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Loading;
using CityTwin.Simulation.Lighting;
using CityTwin.Traffic.Signals;

namespace CityTwin.Scenarios.Editing;

/// <summary>
/// Resolves a scenario's edits against its city and applies them, in order. Every edit whose <c>where:</c> matches
/// nothing, or that does not fit what it selects, is reported with the file, line and column of the edit, and nothing
/// runs until all are fixed.
/// </summary>
public static class ScenarioEditor
{
    /// <summary>Applies the edits.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="city">Its (unedited) city.</param>
    /// <returns>The prepared scenario.</returns>
    /// <exception cref="ScenarioValidationException">An edit selects nothing or does not fit.</exception>
    public static PreparedScenario Prepare(Scenario scenario, CityModel city)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(city);
        var resolver = new SelectorResolver(city);
        var errors = new List<ScenarioError>();
        var summary = new List<string>();
        var roads = new RoadNetworkEditor(city.Roads);
        var roadEdits = false;
        var signalEdits = new List<(SignalEdit Edit, SortedSet<int> Junctions)>();
        var lighting = scenario.Lighting;
        var baseTechnology = lighting.Technology == "led" ? LuminaireTechnology.Led : LuminaireTechnology.HighPressureSodium;
        var luminaires = new Luminaire[city.Lamps.Count];
        for (var i = 0; i < luminaires.Length; i++)
        {
            luminaires[i] = Luminaire.Typical(ClassOf(city, i), baseTechnology);
        }

        var evShare = scenario.EvShare;
        var pvShare = scenario.Energy.PvShare;
        var demandScale = scenario.Demand.Scale;
        var uFactor = Enumerable.Repeat(1.0, city.Buildings.Count).ToArray();
        var random = new RandomStreams(scenario.Seed).Stream("scenario.edits");
        foreach (var edit in scenario.Edits)
        {
            var problems = new List<string>();
            var where = edit.Location?.ToString() ?? edit.Kind;
            switch (edit)
            {
                case CloseRoadEdit:
                    var closed = resolver.Edges(edit.Where, problems);
                    foreach (var e in closed)
                    {
                        roads.Close(e);
                    }

                    roadEdits = true;
                    summary.Add($"{where}: closeRoad: {closed.Count} edges closed");
                    break;
                case SpeedLimitEdit s:
                    var limited = resolver.Edges(edit.Where, problems);
                    foreach (var e in limited)
                    {
                        roads.SetSpeedLimit(e, s.SpeedKmh / 3.6);
                    }

                    roadEdits = true;
                    summary.Add($"{where}: speedLimit: {limited.Count} edges set to {s.SpeedKmh} km/h");
                    break;
                case LanesEdit l:
                    var changed = 0;
                    foreach (var e in resolver.Edges(edit.Where, problems))
                    {
                        changed += roads.ChangeLanes(e, l.Delta) != 0 ? 1 : 0;
                    }

                    if (changed == 0 && problems.Count == 0)
                    {
                        problems.Add("no selected road can change its lane count (a road keeps at least one lane)");
                    }

                    roadEdits = true;
                    summary.Add($"{where}: lanes {l.Delta:+#;-#}: {changed} edges changed");
                    break;
                case BusLaneEdit:
                    var bus = resolver.Edges(edit.Where, problems).Count(roads.MakeBusLane);
                    if (bus == 0 && problems.Count == 0)
                    {
                        problems.Add("no selected road has two or more lanes (a bus lane needs another lane for other traffic)");
                    }

                    roadEdits = true;
                    summary.Add($"{where}: busLane: {bus} edges");
                    break;
                case SignalEdit s:
                    var junctions = resolver.Junctions(edit.Where, problems);
                    junctions.RemoveWhere(j => city.Roads.Junctions[j].SignalProgram < 0);
                    if (junctions.Count == 0 && problems.Count == 0)
                    {
                        problems.Add("selects no signalised junction");
                    }

                    signalEdits.Add((s, junctions));
                    break;
                case LedRetrofitEdit led:
                    var lamps = resolver.Lamps(edit.Where, problems);
                    var retrofitted = 0;
                    foreach (var lamp in lamps)
                    {
                        if (random.NextDouble() < led.Share)
                        {
                            luminaires[lamp] = led.WattageW is { } w
                                ? new Luminaire(LuminaireTechnology.Led, w, dimmable: true)
                                : Luminaire.Typical(ClassOf(city, lamp), LuminaireTechnology.Led);
                            retrofitted++;
                        }
                    }

                    summary.Add($"{where}: ledRetrofit: {retrofitted} of {lamps.Count} lamps to LED");
                    break;
                case LightingControlEdit control:
                    lighting = control.Settings with { Enabled = lighting.Enabled, Technology = lighting.Technology };
                    summary.Add($"{where}: lightingControl: {lighting.Control}");
                    break;
                case PvEdit pv:
                    pvShare = pv.Share;
                    summary.Add($"{where}: pv share {pv.Share:P0}");
                    break;
                case EvShareEdit ev:
                    if (!scenario.Emissions.Enabled && ev.Share > 0)
                    {
                        problems.Add("needs emissions.enabled: true (EV charging is computed from the battery energy the emissions model gives)");
                    }

                    evShare = ev.Share;
                    summary.Add($"{where}: ev share {ev.Share:P0}");
                    break;
                case EnvelopeEdit env:
                    var buildings = resolver.Buildings(edit.Where, problems);
                    foreach (var b in buildings)
                    {
                        uFactor[b] *= env.UFactor;
                    }

                    summary.Add($"{where}: envelope U x{env.UFactor}: {buildings.Count} buildings");
                    break;
                case DemandScaleEdit d:
                    demandScale *= d.Factor;
                    summary.Add($"{where}: demand x{d.Factor}");
                    break;
            }

            foreach (var problem in problems)
            {
                errors.Add(new ScenarioError(edit.Location?.File ?? scenario.SourceFile ?? "scenario", edit.Location?.Line ?? 0,
                    edit.Location?.Column ?? 0, $"edit {edit.Kind}: {problem}"));
            }
        }

        var edited = roadEdits ? new CityModel(city.Projection, roads.Build(), city.Buildings, city.Lamps, city.Report) : city;
        var plans = new Dictionary<int, SignalPlan>();
        foreach (var (edit, junctions) in signalEdits)
        {
            foreach (var j in junctions)
            {
                var program = edited.Roads.Junctions[j].SignalProgram;
                var plan = plans.TryGetValue(program, out var p) ? p : SignalPlan.FromModel(edited.Roads, program);
                plans[program] = SignalRetiming.Apply(plan, edit, out var problem);
                if (problem is not null)
                {
                    errors.Add(new ScenarioError(edit.Location?.File ?? "scenario", edit.Location?.Line ?? 0, edit.Location?.Column ?? 0,
                        $"edit signal: junction {j}: {problem}"));
                }
            }

            summary.Add($"{edit.Location?.ToString() ?? "signal"}: signal: {junctions.Count} junctions retimed" +
                (edit.CycleS is { } c ? $", cycle {c} s" : "") + (edit.OffsetS is { } o ? $", offset {o} s" : "") + (edit.Actuated ? ", actuated" : ""));
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return new PreparedScenario
        {
            Scenario = scenario, City = edited, SignalPlans = plans, Luminaires = luminaires, Lighting = lighting, EvShare = evShare,
            PvShare = pvShare, UFactorByBuilding = uFactor, DemandScale = demandScale, EditSummary = summary,
        };
    }

    /// <summary>EN 13201 class of the road a lamp stands by (M4 when unknown).</summary>
    private static LightingClass ClassOf(CityModel city, int lamp)
    {
        var edge = city.Lamps.Lamps[lamp].Edge;
        if (edge < 0 || edge >= city.Roads.Edges.Length)
        {
            return LightingClass.M4;
        }

        var highway = Model.Roads.RoadClasses.ToHighway(city.Roads.Edges[edge].Class);
        return En13201.ForHighway(highway) ?? LightingClass.M4;
    }
}
