using CityTwin.Model.Geometry;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.Traffic.Tests.TestSupport;

/// <summary>
/// Builds a small <see cref="RoadNetwork"/> by hand: junctions at given positions, straight edges with lanes, and
/// lane-to-lane connections (optionally conflicts), producing arrays that pass <see cref="RoadNetwork"/>'s checks.
/// Ready-made shapes are in <see cref="TestNetworks"/>.
/// </summary>
public sealed class TestNetworkBuilder
{
    /// <summary>Every motorised class (what a normal street allows).</summary>
    public const VehicleClasses Motorised =
        VehicleClasses.Passenger | VehicleClasses.Bus | VehicleClasses.Truck | VehicleClasses.Motorcycle;

    private readonly List<Junction> _junctions = [];
    private readonly List<Edge> _edges = [];
    private readonly List<PointM> _points = [];
    private readonly List<Lane> _lanes = [];
    private readonly List<Connection> _connections = [];
    private readonly List<(int Connection, int Foe, ConflictKind Kind, bool MustYield)> _conflicts = [];
    private int[] _builtIndex = [];

    /// <summary>Number of edges added so far.</summary>
    public int EdgeCount => _edges.Count;

    /// <summary>Adds a junction.</summary>
    /// <returns>Its index.</returns>
    public int AddJunction(double xM, double yM, JunctionKind kind = JunctionKind.Priority)
    {
        _junctions.Add(new Junction
        {
            Position = new PointM(xM, yM), OsmNodeId = _junctions.Count + 1, OsmNodeCount = 1, SignalProgram = -1, Kind = kind,
        });
        return _junctions.Count - 1;
    }

    /// <summary>
    /// Adds a straight edge between two junctions with its lanes (numbered from the right). The length defaults to
    /// the straight-line distance; give one to model a curved road.
    /// </summary>
    /// <returns>The edge index.</returns>
    public int AddEdge(
        int fromJunction, int toJunction, int laneCount = 1, double speedLimitMps = 13.89,
        VehicleClasses allowed = Motorised, double? lengthM = null, RoadClass roadClass = RoadClass.Residential,
        long osmWayId = 0)
    {
        var from = _junctions[fromJunction].Position;
        var to = _junctions[toJunction].Position;
        var edge = _edges.Count;
        _edges.Add(new Edge
        {
            FromJunction = fromJunction,
            ToJunction = toJunction,
            OsmWayId = osmWayId != 0 ? osmWayId : edge + 1,
            NameIndex = -1,
            FirstPoint = _points.Count,
            PointCount = 2,
            FirstLane = _lanes.Count,
            LengthM = lengthM ?? from.DistanceTo(to),
            SpeedLimitMps = (float)speedLimitMps,
            LaneCount = checked((byte)laneCount),
            Class = roadClass,
            Allowed = allowed,
        });
        _points.Add(from);
        _points.Add(to);
        for (var i = 0; i < laneCount; i++)
        {
            _lanes.Add(new Lane { Edge = edge, WidthM = 3.2f, IndexFromRight = (byte)i });
        }

        return edge;
    }

    /// <summary>Adds one edge in each direction between two junctions.</summary>
    /// <returns>The forward and backward edge indices.</returns>
    public (int Forward, int Backward) AddTwoWay(
        int a, int b, int laneCount = 1, double speedLimitMps = 13.89, VehicleClasses allowed = Motorised)
        => (AddEdge(a, b, laneCount, speedLimitMps, allowed), AddEdge(b, a, laneCount, speedLimitMps, allowed));

    /// <summary>Global index of a lane of an edge.</summary>
    public int Lane(int edge, int indexFromRight = 0) => _edges[edge].FirstLane + indexFromRight;

    /// <summary>Connects one lane to another across the junction where the first one ends.</summary>
    /// <returns>A builder id for the connection; <see cref="ConnectionIndex"/> maps it to the built network's index.</returns>
    public int Connect(int fromLane, int toLane, TurnDirections direction = TurnDirections.Through, LinkControl control = LinkControl.Major)
    {
        var fromEdge = _lanes[fromLane].Edge;
        var toEdge = _lanes[toLane].Edge;
        if (_edges[fromEdge].ToJunction != _edges[toEdge].FromJunction)
        {
            throw new ArgumentException($"Edge {fromEdge} does not end where edge {toEdge} starts.");
        }

        _connections.Add(new Connection
        {
            FromLane = fromLane, ToLane = toLane, FromEdge = fromEdge, ToEdge = toEdge,
            Junction = _edges[fromEdge].ToJunction, SignalLink = -1, Direction = direction, Control = control,
        });
        return _connections.Count - 1;
    }

    /// <summary>Connects every lane of one edge to the lane with the same index (or the leftmost) of the next edge.</summary>
    public void ConnectEdges(int fromEdge, int toEdge, TurnDirections direction = TurnDirections.Through)
    {
        var toLanes = _edges[toEdge].LaneCount;
        for (var i = 0; i < _edges[fromEdge].LaneCount; i++)
        {
            Connect(Lane(fromEdge, i), Lane(toEdge, Math.Min(i, toLanes - 1)), direction);
        }
    }

    /// <summary>
    /// At every junction, connects each incoming edge to each outgoing edge (lane by lane as in
    /// <see cref="ConnectEdges"/>), except turning back to the junction it came from unless that is the only way on.
    /// </summary>
    public void ConnectAllTurns()
    {
        // Outgoing edges per junction first, so large grids (the 30×30 benchmark) build in linear time.
        var outgoing = new List<int>[_junctions.Count];
        for (var e = 0; e < _edges.Count; e++)
        {
            (outgoing[_edges[e].FromJunction] ??= []).Add(e);
        }

        for (var from = 0; from < _edges.Count; from++)
        {
            var next = outgoing[_edges[from].ToJunction] ?? [];
            var connected = 0;
            foreach (var to in next)
            {
                if (_edges[to].ToJunction != _edges[from].FromJunction)
                {
                    ConnectEdges(from, to);
                    connected++;
                }
            }

            if (connected == 0)
            {
                foreach (var to in next)
                {
                    ConnectEdges(from, to, TurnDirections.UTurn);
                }
            }
        }
    }

    /// <summary>Index in the last built network of the connection with builder id <paramref name="id"/>.</summary>
    public int ConnectionIndex(int id) => _builtIndex[id];

    /// <summary>Records that connection <paramref name="connection"/> conflicts with <paramref name="foe"/> (one side).</summary>
    public void AddConflict(int connection, int foe, ConflictKind kind, bool mustYield)
        => _conflicts.Add((connection, foe, kind, mustYield));

    /// <summary>Builds the network (connections grouped by incoming lane, conflicts by connection).</summary>
    public RoadNetwork Build()
    {
        // Connections must be contiguous per incoming lane: order them by lane, keeping insertion order within one.
        var order = new int[_connections.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var fromLanes = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            fromLanes[i] = _connections[i].FromLane;
        }

        Array.Sort((int[])fromLanes.Clone(), order);
        StableFix(order);
        var newIndex = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            newIndex[order[k]] = k;
        }

        _builtIndex = newIndex;
        var lanes = _lanes.ToArray();
        var connections = new Connection[order.Length];
        var conflicts = new List<Conflict>();
        for (var k = 0; k < order.Length; k++)
        {
            var c = _connections[order[k]];
            ref var lane = ref lanes[c.FromLane];
            if (lane.ConnectionCount == 0)
            {
                lane.FirstConnection = k;
            }

            lane.ConnectionCount++;
            lane.Turns |= c.Direction;
            c.FirstConflict = conflicts.Count;
            foreach (var (conn, foe, kind, mustYield) in _conflicts)
            {
                if (conn == order[k])
                {
                    conflicts.Add(new Conflict { Foe = newIndex[foe], Kind = kind, MustYield = mustYield });
                }
            }

            c.ConflictCount = conflicts.Count - c.FirstConflict;
            connections[k] = c;
        }

        return new RoadNetwork(_junctions.ToArray(), _edges.ToArray(), _points.ToArray(), lanes, connections,
            conflicts.ToArray(), Array.Empty<SignalProgram>(), Array.Empty<SignalPhase>(), Array.Empty<SignalState>(),
            Array.Empty<string>());

        // Array.Sort is not stable: within equal lanes, restore insertion order.
        void StableFix(int[] sorted)
        {
            var start = 0;
            while (start < sorted.Length)
            {
                var end = start + 1;
                while (end < sorted.Length && fromLanes[sorted[end]] == fromLanes[sorted[start]])
                {
                    end++;
                }

                Array.Sort(sorted, start, end - start);
                start = end;
            }
        }
    }
}
