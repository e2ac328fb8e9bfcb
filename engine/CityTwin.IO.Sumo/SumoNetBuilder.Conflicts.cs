using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Sumo;

/// <summary>Right of way from the junctions' request matrices.</summary>
internal sealed partial class SumoNetBuilder
{
    /// <summary>
    /// Links i and j of a junction conflict when either row marks the other in <c>foes</c> or <c>response</c>;
    /// link i must yield to j when bit j of row i's <c>response</c> is set. SUMO writes the bit strings with link 0
    /// as the rightmost character. Both sides of a pair are stored; SUMO's matrix, not the model, decides who
    /// yields, so a pair where neither row yields (signalised links never green together) or both do (all-way stop)
    /// is kept as SUMO has it and counted in the report.
    /// </summary>
    private Conflict[] BuildConflicts(Connection[] connections)
    {
        var requests = new Dictionary<int, (string Response, string Foes)>[_junctions.Count];
        for (var j = 0; j < raw.Junctions.Count; j++)
        {
            requests[j] = [];
            foreach (var r in raw.Junctions[j].Requests)
            {
                requests[j][r.Index] = (r.Response, r.Foes);
            }
        }

        var byJunction = new Dictionary<int, List<int>>();
        for (var i = 0; i < connections.Length; i++)
        {
            var (j, row) = _junctionLink[i];
            if (row < 0)
            {
                continue;
            }

            if (!requests[j].ContainsKey(row))
            {
                report.Add("roads", "connection has no request row at its junction: no right of way", ReportSeverity.Warning, raw.Junctions[j].Id);
                continue;
            }

            if (!byJunction.TryGetValue(j, out var list))
            {
                byJunction[j] = list = [];
            }

            list.Add(i);
        }

        var perConnection = new List<Conflict>[connections.Length];
        foreach (var (j, links) in byJunction)
        {
            var railCrossing = raw.Junctions[j].Type == "rail_crossing";
            foreach (var a in links)
            {
                var (respA, foesA) = requests[j][_junctionLink[a].Link];
                foreach (var b in links)
                {
                    if (a == b || _junctionLink[a].Link == _junctionLink[b].Link)
                    {
                        continue;
                    }

                    var (respB, foesB) = requests[j][_junctionLink[b].Link];
                    var rowA = _junctionLink[a].Link;
                    var rowB = _junctionLink[b].Link;
                    var aYields = Bit(respA, rowB);
                    var bYields = Bit(respB, rowA);
                    if (!(aYields || bYields || Bit(foesA, rowB) || Bit(foesB, rowA)))
                    {
                        continue;
                    }

                    if (railCrossing && IsTrack(connections[a]) != IsTrack(connections[b]))
                    {
                        // At a level crossing SUMO's crossing logic closes the road for trains whatever the static matrix
                        // says (Wildau's has a train link yielding to a road link): the road gives way.
                        aYields = !IsTrack(connections[a]);
                        bYields = !aYields;
                    }

                    if (a < b && aYields == bYields)
                    {
                        report.Add("roads", aYields ? "conflict where both links yield (kept as in SUMO)" : "conflict where neither link yields (kept as in SUMO)",
                            ReportSeverity.Info, raw.Junctions[j].Id);
                    }

                    (perConnection[a] ??= []).Add(new Conflict
                    {
                        Foe = b, MustYield = aYields,
                        Kind = connections[a].ToLane == connections[b].ToLane ? ConflictKind.Merging : ConflictKind.Crossing,
                    });
                }
            }
        }

        var conflicts = new List<Conflict>();
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i].FirstConflict = conflicts.Count;
            if (perConnection[i] is { } list)
            {
                conflicts.AddRange(list);
                connections[i].ConflictCount = list.Count;
            }
        }

        return conflicts.ToArray();
    }

    /// <summary>Whether a connection leaves a track: its edge takes trains or trams and no road vehicles.</summary>
    private bool IsTrack(in Connection c) =>
        (_edges[c.FromEdge].Allowed & (VehicleClasses.Rail | VehicleClasses.Tram)) != 0 &&
        (_edges[c.FromEdge].Allowed & (VehicleClasses.Passenger | VehicleClasses.Bus | VehicleClasses.Truck)) == 0;

    private static bool Bit(string bits, int link) => link < bits.Length && bits[bits.Length - 1 - link] == '1';
}
