using CityTwin.Model.Geometry;
using CityTwin.Model.Signals;

namespace CityTwin.Model.Roads;

/// <summary>
/// The immutable, lane-level road network: flat arrays of small structs addressed by integer index, so that
/// simulation components can refer to a junction, edge, lane or connection by its index.
/// </summary>
/// <remarks>
/// Implementation note: every variable-length list (edge geometry, lanes of an edge, connections of a lane,
/// conflicts of a connection, phases and states of a program) is a contiguous slice of one shared array, given by a
/// first index and a count. Incoming and outgoing edges per junction are derived here as compressed sparse rows.
/// </remarks>
public sealed class RoadNetwork
{
    private readonly Junction[] _junctions;
    private readonly Edge[] _edges;
    private readonly PointM[] _edgePoints;
    private readonly Lane[] _lanes;
    private readonly Connection[] _connections;
    private readonly Conflict[] _conflicts;
    private readonly SignalProgram[] _signalPrograms;
    private readonly SignalPhase[] _signalPhases;
    private readonly SignalState[] _signalStates;
    private readonly string[] _names;
    private readonly int[] _outFirst;
    private readonly int[] _outEdges;
    private readonly int[] _inFirst;
    private readonly int[] _inEdges;

    /// <summary>Creates a network from its arrays (which it takes ownership of) and checks every index.</summary>
    /// <param name="junctions">Junctions.</param>
    /// <param name="edges">Directed edges.</param>
    /// <param name="edgePoints">Geometry points of all edges.</param>
    /// <param name="lanes">Lanes of all edges.</param>
    /// <param name="connections">Lane-to-lane connections, grouped by incoming lane.</param>
    /// <param name="conflicts">Conflicts, grouped by connection.</param>
    /// <param name="signalPrograms">Signal programs.</param>
    /// <param name="signalPhases">Phases of all programs.</param>
    /// <param name="signalStates">Link states of all phases.</param>
    /// <param name="names">Street names referenced by <see cref="Edge.NameIndex"/>.</param>
    /// <exception cref="InvalidDataException">An index points outside its array.</exception>
    public RoadNetwork(
        Junction[] junctions, Edge[] edges, PointM[] edgePoints, Lane[] lanes, Connection[] connections,
        Conflict[] conflicts, SignalProgram[] signalPrograms, SignalPhase[] signalPhases, SignalState[] signalStates,
        string[] names)
    {
        _junctions = junctions;
        _edges = edges;
        _edgePoints = edgePoints;
        _lanes = lanes;
        _connections = connections;
        _conflicts = conflicts;
        _signalPrograms = signalPrograms;
        _signalPhases = signalPhases;
        _signalStates = signalStates;
        _names = names;
        Validate();
        (_outFirst, _outEdges) = BuildAdjacency(outgoing: true);
        (_inFirst, _inEdges) = BuildAdjacency(outgoing: false);
        for (var e = 0; e < edges.Length; e++)
        {
            TotalLengthM += edges[e].LengthM;
        }
    }

    /// <summary>Junctions.</summary>
    public ReadOnlySpan<Junction> Junctions => _junctions;

    /// <summary>Directed edges.</summary>
    public ReadOnlySpan<Edge> Edges => _edges;

    /// <summary>Geometry points of all edges (see <see cref="Edge.FirstPoint"/>).</summary>
    public ReadOnlySpan<PointM> EdgePoints => _edgePoints;

    /// <summary>Lanes of all edges (see <see cref="Edge.FirstLane"/>).</summary>
    public ReadOnlySpan<Lane> Lanes => _lanes;

    /// <summary>Lane-to-lane connections (see <see cref="Lane.FirstConnection"/>).</summary>
    public ReadOnlySpan<Connection> Connections => _connections;

    /// <summary>Conflicts (see <see cref="Connection.FirstConflict"/>).</summary>
    public ReadOnlySpan<Conflict> Conflicts => _conflicts;

    /// <summary>Signal programs (see <see cref="Junction.SignalProgram"/>).</summary>
    public ReadOnlySpan<SignalProgram> SignalPrograms => _signalPrograms;

    /// <summary>Phases of all programs (see <see cref="SignalProgram.FirstPhase"/>).</summary>
    public ReadOnlySpan<SignalPhase> SignalPhases => _signalPhases;

    /// <summary>Link states of all phases (see <see cref="SignalPhase.FirstState"/>).</summary>
    public ReadOnlySpan<SignalState> SignalStates => _signalStates;

    /// <summary>Street names (see <see cref="Edge.NameIndex"/>).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Sum of all directed edge lengths, metres (a two-way street counts twice).</summary>
    public double TotalLengthM { get; }

    /// <summary>Geometry of one edge, in driving order.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The points.</returns>
    public ReadOnlySpan<PointM> GetGeometry(int edge) =>
        _edgePoints.AsSpan(_edges[edge].FirstPoint, _edges[edge].PointCount);

    /// <summary>Lanes of one edge, rightmost first.</summary>
    /// <param name="edge">Edge index.</param>
    /// <returns>The lanes.</returns>
    public ReadOnlySpan<Lane> GetLanes(int edge) => _lanes.AsSpan(_edges[edge].FirstLane, _edges[edge].LaneCount);

    /// <summary>Whether a vehicle class may use a lane: allowed on its edge and not barred from the lane itself.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="vehicleClass">The class (one flag).</param>
    /// <returns>True when allowed.</returns>
    public bool LaneAllows(int lane, VehicleClasses vehicleClass) =>
        (_edges[_lanes[lane].Edge].Allowed & ~_lanes[lane].Disallowed & vehicleClass) != 0;

    /// <summary>Outgoing connections of one lane.</summary>
    /// <param name="lane">Lane index.</param>
    /// <returns>The connections.</returns>
    public ReadOnlySpan<Connection> GetConnections(int lane) =>
        _connections.AsSpan(_lanes[lane].FirstConnection, _lanes[lane].ConnectionCount);

    /// <summary>Conflicts of one connection.</summary>
    /// <param name="connection">Connection index.</param>
    /// <returns>The conflicts.</returns>
    public ReadOnlySpan<Conflict> GetConflicts(int connection) =>
        _conflicts.AsSpan(_connections[connection].FirstConflict, _connections[connection].ConflictCount);

    /// <summary>Edges leaving a junction.</summary>
    /// <param name="junction">Junction index.</param>
    /// <returns>Edge indices, ascending.</returns>
    public ReadOnlySpan<int> GetOutgoingEdges(int junction) =>
        _outEdges.AsSpan(_outFirst[junction], _outFirst[junction + 1] - _outFirst[junction]);

    /// <summary>Edges entering a junction.</summary>
    /// <param name="junction">Junction index.</param>
    /// <returns>Edge indices, ascending.</returns>
    public ReadOnlySpan<int> GetIncomingEdges(int junction) =>
        _inEdges.AsSpan(_inFirst[junction], _inFirst[junction + 1] - _inFirst[junction]);

    /// <summary>Link states of one phase.</summary>
    /// <param name="program">Program index.</param>
    /// <param name="phaseInProgram">Phase number within the program.</param>
    /// <returns>One state per signal link.</returns>
    public ReadOnlySpan<SignalState> GetPhaseStates(int program, int phaseInProgram)
    {
        var p = _signalPrograms[program];
        return _signalStates.AsSpan(_signalPhases[p.FirstPhase + phaseInProgram].FirstState, p.LinkCount);
    }

    internal Junction[] JunctionArray => _junctions;

    internal Edge[] EdgeArray => _edges;

    internal PointM[] EdgePointArray => _edgePoints;

    internal Lane[] LaneArray => _lanes;

    internal Connection[] ConnectionArray => _connections;

    internal Conflict[] ConflictArray => _conflicts;

    internal SignalProgram[] SignalProgramArray => _signalPrograms;

    internal SignalPhase[] SignalPhaseArray => _signalPhases;

    internal SignalState[] SignalStateArray => _signalStates;

    internal string[] NameArray => _names;

    private (int[] First, int[] Items) BuildAdjacency(bool outgoing)
    {
        var first = new int[_junctions.Length + 1];
        foreach (ref readonly var e in _edges.AsSpan())
        {
            first[(outgoing ? e.FromJunction : e.ToJunction) + 1]++;
        }

        for (var j = 0; j < _junctions.Length; j++)
        {
            first[j + 1] += first[j];
        }

        var items = new int[_edges.Length];
        var fill = (int[])first.Clone();
        for (var i = 0; i < _edges.Length; i++)
        {
            var j = outgoing ? _edges[i].FromJunction : _edges[i].ToJunction;
            items[fill[j]++] = i;
        }

        return (first, items);
    }

    private void Validate()
    {
        for (var i = 0; i < _junctions.Length; i++)
        {
            var sp = _junctions[i].SignalProgram;
            Check(sp >= -1 && sp < _signalPrograms.Length, "junction", i, "signal program");
        }

        for (var i = 0; i < _edges.Length; i++)
        {
            ref readonly var e = ref _edges[i];
            Check((uint)e.FromJunction < (uint)_junctions.Length && (uint)e.ToJunction < (uint)_junctions.Length, "edge", i, "junction");
            Check(e.PointCount >= 2 && e.FirstPoint >= 0 && e.FirstPoint + e.PointCount <= _edgePoints.Length, "edge", i, "geometry");
            Check(e.LaneCount >= 1 && e.FirstLane >= 0 && e.FirstLane + e.LaneCount <= _lanes.Length, "edge", i, "lanes");
            Check(e.NameIndex >= -1 && e.NameIndex < _names.Length, "edge", i, "name");
        }

        for (var i = 0; i < _lanes.Length; i++)
        {
            ref readonly var l = ref _lanes[i];
            Check((uint)l.Edge < (uint)_edges.Length, "lane", i, "edge");
            Check(l.FirstConnection >= 0 && l.ConnectionCount >= 0 && l.FirstConnection + l.ConnectionCount <= _connections.Length, "lane", i, "connections");
        }

        for (var i = 0; i < _connections.Length; i++)
        {
            ref readonly var c = ref _connections[i];
            Check((uint)c.FromLane < (uint)_lanes.Length && (uint)c.ToLane < (uint)_lanes.Length, "connection", i, "lane");
            Check((uint)c.Junction < (uint)_junctions.Length, "connection", i, "junction");
            Check(c.FirstConflict >= 0 && c.ConflictCount >= 0 && c.FirstConflict + c.ConflictCount <= _conflicts.Length, "connection", i, "conflicts");
        }

        for (var i = 0; i < _conflicts.Length; i++)
        {
            Check((uint)_conflicts[i].Foe < (uint)_connections.Length, "conflict", i, "foe");
        }

        for (var i = 0; i < _signalPrograms.Length; i++)
        {
            ref readonly var p = ref _signalPrograms[i];
            Check((uint)p.Junction < (uint)_junctions.Length, "signal program", i, "junction");
            Check(p.FirstPhase >= 0 && p.PhaseCount >= 1 && p.FirstPhase + p.PhaseCount <= _signalPhases.Length, "signal program", i, "phases");
            for (var k = 0; k < p.PhaseCount; k++)
            {
                var first = _signalPhases[p.FirstPhase + k].FirstState;
                Check(first >= 0 && first + p.LinkCount <= _signalStates.Length, "signal program", i, "states");
            }
        }
    }

    private static void Check(bool ok, string what, int index, string field)
    {
        if (!ok)
        {
            throw new InvalidDataException($"Road network is inconsistent: {what} {index} has an invalid {field} index.");
        }
    }
}
