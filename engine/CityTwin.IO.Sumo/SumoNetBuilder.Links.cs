using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using CityTwin.Traffic.Signals;

namespace CityTwin.IO.Sumo;

/// <summary>Connections, signal programs and right of way.</summary>
internal sealed partial class SumoNetBuilder
{
    // For each model connection: (junction, link index within that junction's request matrix), or link -1.
    private (int Junction, int Link)[] _junctionLink = [];

    // The SUMO connection behind each model connection.
    private RawConnection[] _ordered = [];

    private Connection[] BuildConnections()
    {
        var kept = new List<(RawConnection Raw, int FromLane, int ToLane, int FromEdge, int ToEdge)>();
        foreach (var c in raw.Connections)
        {
            if (!_edgeIndex.TryGetValue(c.From, out var fe) || !_edgeIndex.TryGetValue(c.To, out var te))
            {
                report.Add("roads", "connection skipped: from or to a non-normal edge (walking area, crossing)", ReportSeverity.Info);
                continue;
            }

            if (c.FromLane < 0 || c.FromLane >= _edges[fe].LaneCount || c.ToLane < 0 || c.ToLane >= _edges[te].LaneCount)
            {
                throw new SumoFormatException(fileName, c.Line, $"connection {c.From}_{c.FromLane} -> {c.To}_{c.ToLane}: lane does not exist");
            }

            kept.Add((c, _edges[fe].FirstLane + c.FromLane, _edges[te].FirstLane + c.ToLane, fe, te));
        }

        // Grouped by incoming lane (the model's layout); the stable sort keeps SUMO's order within a lane.
        var ordered = kept.Select((k, i) => (k, i)).OrderBy(t => t.k.FromLane).ThenBy(t => t.i).Select(t => t.k).ToArray();
        var connections = new Connection[ordered.Length];
        var lanes = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lanes);
        for (var i = 0; i < ordered.Length; i++)
        {
            var (c, fromLane, toLane, fe, te) = ordered[i];
            var path = InternalPath(c.Via);
            connections[i] = new Connection
            {
                FromLane = fromLane, ToLane = toLane, FromEdge = fe, ToEdge = te, Junction = _edges[fe].ToJunction,
                SignalLink = c.Tl is null ? -1 : c.LinkIndex, Direction = SumoMappings.Direction(c.Dir),
                Control = SumoMappings.LinkControlOf(c.State, c.Tl is not null), MayBlock = !c.KeepClear,
                LengthM = (float)path.LengthM, SpeedMps = (float)path.SpeedMps,
            };
            ref var lane = ref lanes[fromLane];
            if (lane.ConnectionCount == 0)
            {
                lane.FirstConnection = i;
            }

            lane.ConnectionCount++;
            lane.Turns |= connections[i].Direction;
        }

        _ordered = ordered.Select(o => o.Raw).ToArray();
        MapJunctionLinks(_ordered, connections);
        return connections;
    }

    /// <summary>A connection's path across its junction: its internal lane and the ones continuing it across internal
    /// junctions — total length, metres, and lowest speed limit, m/s (0 and 0 without internal lanes).</summary>
    private (double LengthM, double SpeedMps) InternalPath(string? via)
    {
        var (length, speed) = (0.0, double.PositiveInfinity);
        for (var (lane, hops) = (via, 0); lane is not null && hops < 8; lane = raw.InternalContinuation.GetValueOrDefault(lane), hops++)
        {
            length += raw.InternalLaneLengthM.GetValueOrDefault(lane);
            if (raw.InternalLaneSpeedMps.GetValueOrDefault(lane) is > 0 and var s)
            {
                speed = Math.Min(speed, s);
            }
        }

        return (length, double.IsPositiveInfinity(speed) ? 0 : speed);
    }

    /// <summary>
    /// Row i of a junction's request matrix is the link whose internal lane is intLanes[i], so a connection's
    /// <c>via</c> gives its row; when the link crosses an internal junction (a waiting point inside the junction),
    /// the junction lists the lane after it, found by following the internal connections. Without internal lanes (nets built with --no-internal-links) the rows follow the
    /// connections in the order of the junction's incoming lanes, which is how netconvert numbers them.
    /// </summary>
    private void MapJunctionLinks(RawConnection[] rawConnections, Connection[] connections)
    {
        _junctionLink = new (int, int)[connections.Length];
        var intLaneRow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var j in raw.Junctions)
        {
            for (var k = 0; k < j.IntLanes.Length; k++)
            {
                intLaneRow.TryAdd(j.IntLanes[k], k);
            }
        }

        var nextRow = new int[_junctions.Count];
        for (var i = 0; i < connections.Length; i++)
        {
            var j = connections[i].Junction;
            var via = rawConnections[i].Via;
            int row;
            if (via is not null)
            {
                // A link that passes an internal junction is listed by the junction under its last internal lane.
                row = -1;
                for (var lane = via; lane is not null && row < 0; lane = raw.InternalContinuation.GetValueOrDefault(lane))
                {
                    row = intLaneRow.TryGetValue(lane, out var r) ? r : -1;
                }

                if (row < 0)
                {
                    report.Add("roads", "connection's internal lane not listed by its junction: no right of way", ReportSeverity.Warning, via);
                }
            }
            else
            {
                row = nextRow[j]++;
            }

            _junctionLink[i] = (j, row);
        }
    }

    private SignalPlan PlanOf(RawTlLogic tl)
    {
        try
        {
            return SumoSignals.Plan(tl, report);
        }
        catch (InvalidDataException ex)
        {
            throw new SumoFormatException(fileName, tl.Line, ex.Message, ex);
        }
    }

    private (SignalProgram[] Programs, SignalPhase[] Phases, SignalState[] States) BuildSignals(Connection[] connections)
    {
        // One program per tlLogic id; a later program with the same id replaces the earlier one, as when SUMO loads it.
        var byId = new Dictionary<string, RawTlLogic>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var tl in raw.TlLogics)
        {
            if (byId.ContainsKey(tl.Id))
            {
                report.Add("signals", "tlLogic replaced by a later program with the same id", ReportSeverity.Info, tl.Id);
            }
            else
            {
                order.Add(tl.Id);
            }

            byId[tl.Id] = tl;
        }

        TrafficLightIds = order.ToArray();
        Plans = order.Select(id => PlanOf(byId[id])).ToArray();
        var programIndex = order.Select((id, i) => (id, i)).ToDictionary(t => t.id, t => t.i, StringComparer.Ordinal);
        var programJunction = Enumerable.Repeat(-1, order.Count).ToArray();
        var junctions = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_junctions);
        for (var i = 0; i < connections.Length; i++)
        {
            ref var c = ref connections[i];
            var tl = _ordered[i].Tl;
            if (c.Control != LinkControl.Signal || tl is null)
            {
                continue;
            }

            ref var junction = ref junctions[c.Junction];
            var ok = programIndex.TryGetValue(tl, out var p) && c.SignalLink >= 0 && c.SignalLink < Plans[p].LinkCount &&
                (junction.SignalProgram < 0 || junction.SignalProgram == p);
            if (!ok && raw.Junctions[c.Junction].Type is "rail_signal" or "rail_crossing")
            {
                // SUMO builds the logic of rail signals and level crossings itself (no tlLogic in the net): a block signal
                // in the model; at a crossing, the tracks' links are priority links and the road's links are closed by the
                // barriers when a train comes, and give way to the tracks otherwise (see BuildConflicts).
                c.Control = raw.Junctions[c.Junction].Type == "rail_signal" ? LinkControl.RailSignal
                    : IsTrack(c) ? LinkControl.Major : LinkControl.RailCrossing;
                c.SignalLink = -1;
                continue;
            }

            if (!ok)
            {
                // The model has one program per junction and every link needs a state column; anything else would
                // index the wrong program, so the link falls back to priority control and is reported.
                report.Add("signals", "signalised connection without a usable program or link index: run unsignalised", ReportSeverity.Warning, tl);
                c.Control = LinkControl.Major;
                c.SignalLink = -1;
                continue;
            }

            junction.SignalProgram = p;
            if (programJunction[p] < 0)
            {
                programJunction[p] = c.Junction;
            }
        }

        var programs = new SignalProgram[order.Count];
        var phases = new List<SignalPhase>();
        var states = new List<SignalState>();
        for (var p = 0; p < order.Count; p++)
        {
            if (programJunction[p] < 0)
            {
                report.Add("signals", "tlLogic controls no connection of a normal edge", ReportSeverity.Warning, order[p]);
                programJunction[p] = _junctionIndex.TryGetValue(order[p], out var own) ? own : 0;
            }

            var plan = Plans[p];
            programs[p] = new SignalProgram
            {
                Junction = programJunction[p], FirstPhase = phases.Count, PhaseCount = plan.Phases.Count, LinkCount = plan.LinkCount, CycleS = plan.CycleS,
            };
            foreach (var ph in plan.Phases)
            {
                phases.Add(new SignalPhase { DurationS = ph.DurationS, FirstState = states.Count });
                states.AddRange(ph.States);
            }
        }

        return (programs, phases.ToArray(), states.ToArray());
    }

}
