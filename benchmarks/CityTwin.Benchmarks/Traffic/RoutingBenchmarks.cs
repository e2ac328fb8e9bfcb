using BenchmarkDotNet.Attributes;
using CityTwin.Ecs.Randomness;
using CityTwin.IO.Osm;
using CityTwin.Model.Roads;
using CityTwin.Traffic.Routing;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace CityTwin.Benchmarks.Traffic;

/// <summary>
/// 1,000 seeded random edge-to-edge queries on Monaco (passenger cars, free-flow travel times): the CSR A* (with
/// landmarks, and with the straight-line bound only) and Dijkstra routers, and QuikGraph's Dijkstra with an early abort at the target as the peer. Each benchmark
/// operation runs all 1,000 queries; divide by 1,000 for the per-query time.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const int Queries = 1_000;
    private readonly List<int> _route = new(1024);
    private RoutingGraph _graph = null!;
    private AStarRouter _astar = null!;
    private AStarRouter _astarStraightLine = null!;
    private DijkstraRouter _dijkstra = null!;
    private AdjacencyGraph<int, SEquatableEdge<int>> _quikGraph = null!;
    private int[] _from = [];
    private int[] _to = [];

    [GlobalSetup]
    public void Setup()
    {
        var model = OsmCityImporter.Import(FindMonaco());
        _graph = RoutingGraph.Build(model.Roads, VehicleClasses.Passenger);
        _astar = new AStarRouter(_graph);
        _astarStraightLine = new AStarRouter(RoutingGraph.Build(model.Roads, VehicleClasses.Passenger, landmarkCount: 0));
        _dijkstra = new DijkstraRouter(_graph);
        _quikGraph = new AdjacencyGraph<int, SEquatableEdge<int>>(allowParallelEdges: false);
        var allowed = new List<int>();
        for (var e = 0; e < _graph.EdgeCount; e++)
        {
            _quikGraph.AddVertex(e);
        }

        for (var e = 0; e < _graph.EdgeCount; e++)
        {
            if (_graph.IsAllowed(e))
            {
                allowed.Add(e);
            }

            foreach (var s in _graph.Successors(e))
            {
                _quikGraph.AddEdge(new SEquatableEdge<int>(e, s));
            }
        }

        var random = new SeededRandom(1);
        _from = new int[Queries];
        _to = new int[Queries];
        for (var i = 0; i < Queries; i++)
        {
            _from[i] = allowed[random.NextInt(allowed.Count)];
            _to[i] = allowed[random.NextInt(allowed.Count)];
        }

        long settledAStar = 0, settledDijkstra = 0, settledStraight = 0;
        for (var i = 0; i < Queries; i++)
        {
            _astar.TryRoute(_from[i], _to[i], _route);
            _dijkstra.TryRoute(_from[i], _to[i], _route);
            _astarStraightLine.TryRoute(_from[i], _to[i], _route);
            settledAStar += _astar.LastSettledCount;
            settledDijkstra += _dijkstra.LastSettledCount;
            settledStraight += _astarStraightLine.LastSettledCount;
        }

        Console.WriteLine($"// Monaco: {_graph.EdgeCount} edges, {_graph.LinkCount} links, heuristic speed {_graph.HeuristicSpeedMps:F1} m/s; " +
            $"settled per query: Dijkstra {settledDijkstra / Queries}, A* landmarks {settledAStar / Queries}, A* straight line {settledStraight / Queries}");
    }

    [Benchmark(Baseline = true, Description = "Dijkstra (CSR), 1,000 queries")]
    public double Dijkstra() => Run(_dijkstra);

    [Benchmark(Description = "A* (CSR, 8 landmarks), 1,000 queries")]
    public double AStar() => Run(_astar);

    [Benchmark(Description = "A* (CSR, straight-line bound), 1,000 queries")]
    public double AStarStraightLine() => Run(_astarStraightLine);

    [Benchmark(Description = "QuikGraph Dijkstra + abort, 1,000 queries")]
    public double QuikGraphDijkstra()
    {
        var graph = _graph;
        var sum = 0.0;
        for (var i = 0; i < Queries; i++)
        {
            var target = _to[i];
            var algorithm = new DijkstraShortestPathAlgorithm<int, SEquatableEdge<int>>(_quikGraph, link => graph.TravelTimeS(link.Target));
            algorithm.FinishVertex += v =>
            {
                if (v == target)
                {
                    algorithm.Abort();
                }
            };
            algorithm.Compute(_from[i]);
            if (algorithm.TryGetDistance(target, out var d) && d < double.MaxValue)
            {
                sum += d + graph.TravelTimeS(_from[i]);
            }
        }

        return sum;
    }

    private double Run(CsrRouter router)
    {
        var sum = 0.0;
        for (var i = 0; i < Queries; i++)
        {
            if (router.TryRoute(_from[i], _to[i], _route))
            {
                sum += router.LastCostS;
            }
        }

        return sum;
    }

    private static string FindMonaco()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "osm", "monaco-2016.osm.pbf"));
                if (File.Exists(path))
                {
                    return path;
                }

                break;
            }
        }

        throw new FileNotFoundException("monaco-2016.osm.pbf not found in ../shared/data/osm next to the repository root.");
    }
}
