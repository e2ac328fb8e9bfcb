using System.Globalization;
using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Routing;

namespace CityTwin.Traffic.Demand;

/// <summary>
/// Random trips in the manner of SUMO's <c>randomTrips.py</c>: one departure every period from begin to end, origin
/// and destination edges drawn at random (weighted), each pair checked to be far enough apart and routable, with a
/// bounded number of retries. Deterministic for a given seed.
/// </summary>
/// <remarks>
/// <para>
/// Edge weight = <c>LengthM × LaneCount</c> (randomTrips' <c>--length --lanes</c>), so origins and destinations are
/// spread by road space rather than by how finely the importer cut the streets; multiplied by
/// <see cref="RandomTripOptions.FringeFactor"/> for fringe edges (<see cref="IsFringe"/>). Only edges the vehicle class
/// may use are drawn. Origin and destination are drawn from the same weights and must differ.
/// </para>
/// <para>
/// A draw is rejected when origin equals destination, when the straight line from the origin's start junction to the
/// destination's end junction is shorter than <see cref="RandomTripOptions.MinDistanceM"/>, or when there is no route
/// (checked with an <see cref="AStarRouter"/> on free-flow travel times, or on the graph given to the constructor).
/// After
/// <see cref="RandomTripOptions.MaxAttempts"/> rejected draws the departure slot is dropped and counted in
/// <see cref="TripGenerationResult.FailedCount"/>.
/// </para>
/// <para>Not thread-safe (it owns a router).</para>
/// </remarks>
public sealed class RandomTripGenerator
{
    private readonly RoadNetwork _network;
    private readonly Dictionary<VehicleClasses, (RoutingGraph Graph, AStarRouter Router, bool[] Fringe)> _perClass = [];

    /// <summary>Creates a generator for a network (routing graphs are built per vehicle class on first use).</summary>
    /// <param name="network">The road network.</param>
    public RandomTripGenerator(RoadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
    }

    /// <summary>
    /// Creates a generator that checks routes on a given graph for its vehicle class (for instance one with closed
    /// edges or current travel times): edges closed there (+∞) are never drawn successfully. Other classes get
    /// free-flow graphs as with <see cref="RandomTripGenerator(RoadNetwork)"/>.
    /// </summary>
    /// <param name="graph">The graph; it is used, not copied, so do not change it while generating.</param>
    public RandomTripGenerator(RoutingGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _network = graph.Network;
        _perClass.Add(graph.VehicleClass, (graph, new AStarRouter(graph), ComputeFringe(graph)));
    }

    /// <summary>
    /// Whether an edge is at the network's fringe for a vehicle class: one of its junctions has a single neighbour
    /// junction (a road leaving the extract, or a dead end), or, ignoring U-turns, it has no predecessor or no
    /// successor for that class (traffic can only enter or leave the network there).
    /// </summary>
    /// <param name="edge">Edge index.</param>
    /// <param name="vehicleClass">Vehicle class.</param>
    /// <returns>True for a fringe edge.</returns>
    public bool IsFringe(int edge, VehicleClasses vehicleClass) => For(vehicleClass).Fringe[edge];

    /// <summary>Generates the trips.</summary>
    /// <param name="options">Options.</param>
    /// <param name="random">The random stream to draw from (the caller owns the seed).</param>
    /// <returns>Trips sorted by departure, and how many departures could not be placed.</returns>
    /// <exception cref="ArgumentException">Inconsistent options.</exception>
    /// <exception cref="InvalidOperationException">No edge of the network allows the vehicle class.</exception>
    public TripGenerationResult Generate(RandomTripOptions options, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        options.Validate();
        var (graph, router, fringe) = For(options.VehicleClass);
        var sampler = BuildSampler(graph, fringe, options.FringeFactor);
        var junctions = _network.Junctions;
        var edges = _network.Edges;
        var trips = new List<TripRequest>();
        var route = new List<int>();
        int failed = 0, rejected = 0;
        var periodS = options.EffectivePeriodS;
        for (var slot = 0L; ; slot++)
        {
            // Times come from the slot number, not from repeated addition, so long runs do not drift.
            var departS = options.BeginS + (slot * periodS);
            if (departS >= options.EndS)
            {
                break;
            }

            var placed = false;
            for (var attempt = 0; attempt < options.MaxAttempts && !placed; attempt++)
            {
                var from = sampler.Next(random);
                var to = sampler.Next(random);
                placed = from != to
                    && junctions[edges[from].FromJunction].Position.DistanceTo(junctions[edges[to].ToJunction].Position) >= options.MinDistanceM
                    && router.TryRoute(from, to, route);
                if (!placed)
                {
                    rejected++;
                    continue;
                }

                trips.Add(new TripRequest(options.IdPrefix + slot.ToString(CultureInfo.InvariantCulture), (long)Math.Round(departS * 1000), from, to)
                {
                    Edges = options.IncludeRoutes ? route.ToArray() : null,
                    VehicleType = options.VehicleType,
                    DepartLane = options.DepartLane,
                    DepartPos = options.DepartPos,
                    DepartSpeed = options.DepartSpeed,
                });
            }

            if (!placed)
            {
                failed++;
            }
        }

        return new TripGenerationResult(trips, failed, rejected);
    }

    private static EdgeSampler BuildSampler(RoutingGraph graph, bool[] fringe, double fringeFactor)
    {
        var candidates = new List<int>();
        var weights = new List<double>();
        var edges = graph.Network.Edges;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var weight = edges[e].LengthM * edges[e].LaneCount * (fringe[e] ? fringeFactor : 1);
            if (graph.IsAllowed(e) && weight > 0)
            {
                candidates.Add(e);
                weights.Add(weight);
            }
        }

        if (candidates.Count == 0)
        {
            throw new InvalidOperationException($"No edge with a positive weight allows {graph.VehicleClass}.");
        }

        return new EdgeSampler(candidates, weights);
    }

    private (RoutingGraph Graph, AStarRouter Router, bool[] Fringe) For(VehicleClasses vehicleClass)
    {
        if (!_perClass.TryGetValue(vehicleClass, out var entry))
        {
            var graph = RoutingGraph.Build(_network, vehicleClass);
            entry = (graph, new AStarRouter(graph), ComputeFringe(graph));
            _perClass.Add(vehicleClass, entry);
        }

        return entry;
    }

    private static bool[] ComputeFringe(RoutingGraph graph)
    {
        var network = graph.Network;
        var edges = network.Edges;
        var n = graph.EdgeCount;
        var hasPredecessor = new bool[n];
        var hasSuccessor = new bool[n];
        for (var e = 0; e < n; e++)
        {
            foreach (var s in graph.Successors(e))
            {
                // A U-turn onto the reverse edge does not connect the edge to the rest of the network.
                if (edges[s].ToJunction == edges[e].FromJunction && edges[s].FromJunction == edges[e].ToJunction)
                {
                    continue;
                }

                hasSuccessor[e] = true;
                hasPredecessor[s] = true;
            }
        }

        var fringe = new bool[n];
        for (var e = 0; e < n; e++)
        {
            fringe[e] = !hasPredecessor[e] || !hasSuccessor[e]
                || NeighbourCount(network, edges[e].FromJunction) == 1 || NeighbourCount(network, edges[e].ToJunction) == 1;
        }

        return fringe;
    }

    /// <summary>Number of distinct junctions joined to <paramref name="junction"/> by an edge in either direction.</summary>
    private static int NeighbourCount(RoadNetwork network, int junction)
    {
        var first = -1;
        foreach (var e in network.GetOutgoingEdges(junction))
        {
            var other = network.Edges[e].ToJunction;
            if (first == -1)
            {
                first = other;
            }
            else if (other != first)
            {
                return 2;
            }
        }

        foreach (var e in network.GetIncomingEdges(junction))
        {
            var other = network.Edges[e].FromJunction;
            if (first == -1)
            {
                first = other;
            }
            else if (other != first)
            {
                return 2;
            }
        }

        return first == -1 ? 0 : 1;
    }
}
