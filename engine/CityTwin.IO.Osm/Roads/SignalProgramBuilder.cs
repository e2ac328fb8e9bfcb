using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.IO.Osm.Roads;

/// <summary>
/// Default fixed-time programs for signalised junctions, in the manner of netconvert's "opposites" layout: incoming
/// edges are grouped into arms by direction, opposite arms share a green phase (their left turns get a permissive
/// 'g' wherever a conflict says they yield), every green is followed by a yellow, and the cycle is split equally.
/// </summary>
/// <remarks>
/// Implementation note: yellow = ceil(1 s + v / (2 · 3 m/s²)), at least 3 s, where v is the fastest approach of the
/// phase (ITE kinematic formula with 1 s reaction time; 50 km/h gives 4 s). Green = (cycle − yellows) / phases, at
/// least 10 s. A junction with a single arm group (e.g. a signalised pedestrian crossing on a through road) gets a
/// 20 s all-red phase for the crossing. Programs can be replaced later by scenario edits.
/// </remarks>
internal static class SignalProgramBuilder
{
    private const double ArmToleranceRad = Math.PI / 6;
    private const double OppositeToleranceRad = Math.PI / 4;
    private const int PedestrianRedS = 20;
    private const int MinGreenS = 10;

    /// <summary>Builds programs for all signalised junctions.</summary>
    /// <param name="junctions">Junctions (SignalProgram set here).</param>
    /// <param name="edges">Edges.</param>
    /// <param name="connections">Connections (SignalLink set here).</param>
    /// <param name="conflicts">Conflicts.</param>
    /// <param name="armAngleIn">Angle of each edge's incoming end around its junction.</param>
    /// <param name="cycleS">Target cycle, seconds.</param>
    /// <param name="programs">Output programs.</param>
    /// <param name="phases">Output phases.</param>
    /// <param name="states">Output states.</param>
    public static void Build(
        Junction[] junctions, Edge[] edges, Connection[] connections, Conflict[] conflicts, double[] armAngleIn, int cycleS,
        out SignalProgram[] programs, out SignalPhase[] phases, out SignalState[] states)
    {
        var programList = new List<SignalProgram>();
        var phaseList = new List<SignalPhase>();
        var stateList = new List<SignalState>();
        var links = new List<int>[junctions.Length];
        for (var c = 0; c < connections.Length; c++)
        {
            if (junctions[connections[c].Junction].Kind == JunctionKind.TrafficSignals)
            {
                (links[connections[c].Junction] ??= new List<int>()).Add(c);
            }
        }

        for (var j = 0; j < junctions.Length; j++)
        {
            junctions[j].SignalProgram = -1;
            if (junctions[j].Kind != JunctionKind.TrafficSignals || links[j] == null)
            {
                continue;
            }

            var list = links[j]!;
            for (var k = 0; k < list.Count; k++)
            {
                connections[list[k]].SignalLink = k;
            }

            var groupOf = GroupApproaches(list, connections, armAngleIn);
            var groupCount = 0;
            foreach (var g in groupOf.Values)
            {
                groupCount = Math.Max(groupCount, g + 1);
            }

            var yellow = new int[groupCount];
            foreach (var c in list)
            {
                var g = groupOf[connections[c].FromEdge];
                var v = edges[connections[c].FromEdge].SpeedLimitMps;
                yellow[g] = Math.Max(yellow[g], Math.Max(3, (int)Math.Ceiling(1 + (v / 6.0))));
            }

            var red = groupCount == 1 ? PedestrianRedS : 0;
            var sumYellow = 0;
            foreach (var y in yellow)
            {
                sumYellow += y;
            }

            var green = Math.Max(MinGreenS, (cycleS - sumYellow - red) / groupCount);
            var program = new SignalProgram { Junction = j, FirstPhase = phaseList.Count, LinkCount = list.Count };
            for (var g = 0; g < groupCount; g++)
            {
                AddPhase(phaseList, stateList, green, list, c => groupOf[connections[c].FromEdge] != g
                    ? SignalState.Red
                    : MustYieldToGreen(c, g, groupOf, connections, conflicts) ? SignalState.GreenMinor : SignalState.GreenMajor);
                AddPhase(phaseList, stateList, yellow[g], list, c => groupOf[connections[c].FromEdge] == g ? SignalState.Yellow : SignalState.Red);
            }

            if (red > 0)
            {
                AddPhase(phaseList, stateList, red, list, _ => SignalState.Red);
            }

            program.PhaseCount = phaseList.Count - program.FirstPhase;
            for (var p = program.FirstPhase; p < phaseList.Count; p++)
            {
                program.CycleS += phaseList[p].DurationS;
            }

            junctions[j].SignalProgram = programList.Count;
            programList.Add(program);
        }

        programs = programList.ToArray();
        phases = phaseList.ToArray();
        states = stateList.ToArray();
    }

    private static void AddPhase(List<SignalPhase> phases, List<SignalState> states, int durationS, List<int> links, Func<int, SignalState> state)
    {
        phases.Add(new SignalPhase { DurationS = durationS, FirstState = states.Count });
        foreach (var c in links)
        {
            states.Add(state(c));
        }
    }

    private static bool MustYieldToGreen(int c, int group, Dictionary<int, int> groupOf, Connection[] connections, Conflict[] conflicts)
    {
        ref readonly var conn = ref connections[c];
        for (var k = conn.FirstConflict; k < conn.FirstConflict + conn.ConflictCount; k++)
        {
            if (conflicts[k].MustYield && groupOf.TryGetValue(connections[conflicts[k].Foe].FromEdge, out var g) && g == group)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Arms (incoming edges within 30° of each other), then opposite arms paired into one phase group.</summary>
    private static Dictionary<int, int> GroupApproaches(List<int> links, Connection[] connections, double[] armAngleIn)
    {
        var incoming = new List<int>();
        foreach (var c in links)
        {
            if (!incoming.Contains(connections[c].FromEdge))
            {
                incoming.Add(connections[c].FromEdge);
            }
        }

        incoming.Sort((a, b) => armAngleIn[a].CompareTo(armAngleIn[b]));
        var arms = new List<(double Angle, List<int> Edges)>();
        foreach (var e in incoming)
        {
            var joined = false;
            foreach (var arm in arms)
            {
                if (AngleBetween(arm.Angle, armAngleIn[e]) < ArmToleranceRad)
                {
                    arm.Edges.Add(e);
                    joined = true;
                    break;
                }
            }

            if (!joined)
            {
                arms.Add((armAngleIn[e], new List<int> { e }));
            }
        }

        var armGroup = new int[arms.Count];
        Array.Fill(armGroup, -1);
        var groups = 0;
        for (var a = 0; a < arms.Count; a++)
        {
            if (armGroup[a] >= 0)
            {
                continue;
            }

            armGroup[a] = groups;
            var best = -1;
            var bestGap = double.MaxValue;
            for (var b = a + 1; b < arms.Count; b++)
            {
                var gap = Math.Abs(AngleBetween(arms[a].Angle, arms[b].Angle) - Math.PI);
                if (armGroup[b] < 0 && gap < OppositeToleranceRad && gap < bestGap)
                {
                    best = b;
                    bestGap = gap;
                }
            }

            if (best >= 0)
            {
                armGroup[best] = groups;
            }

            groups++;
        }

        var result = new Dictionary<int, int>();
        for (var a = 0; a < arms.Count; a++)
        {
            foreach (var e in arms[a].Edges)
            {
                result[e] = armGroup[a];
            }
        }

        return result;
    }

    private static double AngleBetween(double a, double b)
    {
        var d = Math.Abs(a - b) % (2 * Math.PI);
        return d > Math.PI ? (2 * Math.PI) - d : d;
    }
}
