using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>Builds small road networks by hand for traffic tests (rings, corridors, single junctions).</summary>
public sealed class NetworkBuilder
{
    private readonly List<Junction> _junctions = [];
    private readonly List<(int From, int To, int Lanes, double SpeedMps, double LengthM, VehicleClasses Allowed)> _edges = [];
    private readonly List<(int FromEdge, int FromLane, int ToEdge, int ToLane, LinkControl Control, int SignalLink, double LengthM, double SpeedMps)> _connections = [];
    private readonly List<(int A, int B, bool AYields, ConflictKind Kind)> _conflicts = [];
    private readonly List<(int Junction, (int DurationS, string States)[] Phases)> _programs = [];

    public int Junction(double xM, double yM, JunctionKind kind = JunctionKind.Priority)
    {
        _junctions.Add(new Junction { Position = new PointM(xM, yM), Kind = kind, SignalProgram = -1, OsmNodeId = _junctions.Count + 1 });
        return _junctions.Count - 1;
    }

    /// <summary>Classes every edge allows (default: cars, buses and trucks).</summary>
    public VehicleClasses Allowed { get; set; } = VehicleClasses.Passenger | VehicleClasses.Bus | VehicleClasses.Truck;

    /// <summary>An edge; its length defaults to the straight distance between its junctions, the classes it allows to
    /// <see cref="Allowed"/> at the time it is added.</summary>
    public int Edge(int from, int to, int lanes = 1, double speedMps = 13.89, double? lengthM = null)
    {
        var length = lengthM ?? _junctions[from].Position.DistanceTo(_junctions[to].Position);
        _edges.Add((from, to, lanes, speedMps, length, Allowed));
        return _edges.Count - 1;
    }

    public int Connect(int fromEdge, int fromLane, int toEdge, int toLane, LinkControl control = LinkControl.Major, int signalLink = -1,
        double lengthM = 0, double speedMps = 0)
    {
        _connections.Add((fromEdge, fromLane, toEdge, toLane, control, signalLink, lengthM, speedMps));
        return _connections.Count - 1;
    }

    /// <summary>Connects every lane of one edge to the same-index (or last) lane of the next.</summary>
    public void ConnectAll(int fromEdge, int toEdge, LinkControl control = LinkControl.Major)
    {
        for (var l = 0; l < _edges[fromEdge].Lanes; l++)
        {
            Connect(fromEdge, l, toEdge, Math.Min(l, _edges[toEdge].Lanes - 1), control);
        }
    }

    /// <summary>Declares that connections a and b conflict; <paramref name="aYields"/> says which one yields.</summary>
    public void Conflict(int a, int b, bool aYields, ConflictKind kind = ConflictKind.Crossing) => _conflicts.Add((a, b, aYields, kind));

    /// <summary>A signal program: phases as (duration, one state char per link: G g y r).</summary>
    public void Signal(int junction, params (int DurationS, string States)[] phases)
    {
        var j = _junctions[junction];
        j.SignalProgram = _programs.Count;
        j.Kind = JunctionKind.TrafficSignals;
        _junctions[junction] = j;
        _programs.Add((junction, phases));
    }

    public RoadNetwork Build()
    {
        var edges = new Edge[_edges.Count];
        var points = new List<PointM>();
        var lanes = new List<Lane>();
        for (var e = 0; e < _edges.Count; e++)
        {
            var (from, to, laneCount, speed, length, allowed) = _edges[e];
            edges[e] = new Edge
            {
                FromJunction = from, ToJunction = to, OsmWayId = 1000 + e, NameIndex = -1, FirstPoint = points.Count, PointCount = 2,
                FirstLane = lanes.Count, LaneCount = (byte)laneCount, LengthM = length, SpeedLimitMps = (float)speed,
                Class = RoadClass.Primary, Allowed = allowed,
            };
            points.Add(_junctions[from].Position);
            points.Add(_junctions[to].Position);
            for (var l = 0; l < laneCount; l++)
            {
                lanes.Add(new Lane { Edge = e, IndexFromRight = (byte)l, WidthM = 3.2f });
            }
        }

        // Connections grouped by from-lane (stable), remembering where each declared connection went.
        var order = Enumerable.Range(0, _connections.Count)
            .OrderBy(i => edges[_connections[i].FromEdge].FirstLane + _connections[i].FromLane).ThenBy(i => i).ToArray();
        var newIndex = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            newIndex[order[i]] = i;
        }

        var conflictLists = Enumerable.Range(0, _connections.Count).Select(_ => new List<Conflict>()).ToArray();
        foreach (var (a, b, aYields, kind) in _conflicts)
        {
            conflictLists[newIndex[a]].Add(new Conflict { Foe = newIndex[b], Kind = kind, MustYield = aYields });
            conflictLists[newIndex[b]].Add(new Conflict { Foe = newIndex[a], Kind = kind, MustYield = !aYields });
        }

        var connections = new Connection[order.Length];
        var conflicts = new List<Conflict>();
        for (var i = 0; i < order.Length; i++)
        {
            var (fromEdge, fromLane, toEdge, toLane, control, link, lengthM, speedMps) = _connections[order[i]];
            connections[i] = new Connection
            {
                FromLane = edges[fromEdge].FirstLane + fromLane, ToLane = edges[toEdge].FirstLane + toLane, FromEdge = fromEdge,
                ToEdge = toEdge, Junction = edges[fromEdge].ToJunction, FirstConflict = conflicts.Count,
                ConflictCount = conflictLists[i].Count, SignalLink = link, Direction = TurnDirections.Through, Control = control,
                LengthM = (float)lengthM, SpeedMps = (float)speedMps,
            };
            conflicts.AddRange(conflictLists[i]);
        }

        var laneArray = lanes.ToArray();
        for (var i = 0; i < connections.Length; i++)
        {
            ref var lane = ref laneArray[connections[i].FromLane];
            if (lane.ConnectionCount == 0)
            {
                lane.FirstConnection = i;
            }

            lane.ConnectionCount++;
        }

        var programs = new List<SignalProgram>();
        var phases = new List<SignalPhase>();
        var states = new List<SignalState>();
        foreach (var (junction, programPhases) in _programs)
        {
            var links = programPhases[0].States.Length;
            programs.Add(new SignalProgram
            {
                Junction = junction, FirstPhase = phases.Count, PhaseCount = programPhases.Length, LinkCount = links,
                CycleS = programPhases.Sum(p => p.DurationS),
            });
            foreach (var (duration, text) in programPhases)
            {
                phases.Add(new SignalPhase { DurationS = duration, FirstState = states.Count });
                states.AddRange(text.Select(ch => ch switch
                {
                    'G' => SignalState.GreenMajor,
                    'g' => SignalState.GreenMinor,
                    'y' => SignalState.Yellow,
                    _ => SignalState.Red,
                }));
            }
        }

        return new RoadNetwork(_junctions.ToArray(), edges, points.ToArray(), laneArray, connections, conflicts.ToArray(),
            programs.ToArray(), phases.ToArray(), states.ToArray(), []);
    }

    /// <summary>A one-lane ring of <paramref name="segments"/> edges and total length <paramref name="lengthM"/>.</summary>
    public static (RoadNetwork Network, int[] Edges) Ring(double lengthM, int segments = 4, int lanes = 1, double speedMps = 30)
    {
        var b = new NetworkBuilder();
        var radius = lengthM / (2 * Math.PI);
        var junctions = Enumerable.Range(0, segments)
            .Select(i => b.Junction(radius * Math.Cos(2 * Math.PI * i / segments), radius * Math.Sin(2 * Math.PI * i / segments))).ToArray();
        var edges = Enumerable.Range(0, segments)
            .Select(i => b.Edge(junctions[i], junctions[(i + 1) % segments], lanes, speedMps, lengthM / segments)).ToArray();
        for (var i = 0; i < segments; i++)
        {
            b.ConnectAll(edges[i], edges[(i + 1) % segments]);
        }

        return (b.Build(), edges);
    }

    /// <summary>A straight corridor of <paramref name="segments"/> edges, each <paramref name="segmentM"/> long.</summary>
    public static (RoadNetwork Network, int[] Edges) Corridor(int segments, double segmentM, int lanes = 1, double speedMps = 13.89)
    {
        var b = new NetworkBuilder();
        var junctions = Enumerable.Range(0, segments + 1).Select(i => b.Junction(i * segmentM, 0)).ToArray();
        var edges = Enumerable.Range(0, segments).Select(i => b.Edge(junctions[i], junctions[i + 1], lanes, speedMps)).ToArray();
        for (var i = 0; i + 1 < segments; i++)
        {
            b.ConnectAll(edges[i], edges[i + 1]);
        }

        return (b.Build(), edges);
    }
}
