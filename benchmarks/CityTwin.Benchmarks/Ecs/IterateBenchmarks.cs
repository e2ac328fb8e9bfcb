using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using CityTwin.Ecs.Core;

namespace CityTwin.Benchmarks.Ecs;

/// <summary>
/// position += velocity · dt over 1,000,000 entities: ECS query forms against the same loop over a plain array of
/// structs (the baseline). Issue target: inline query within 1.5× of the baseline, 0 bytes allocated per query.
/// </summary>
[MemoryDiagnoser]
public class IterateBenchmarks
{
    private const double DtS = 0.1;
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();
    private Body[] _bodies = [];
    private World _world = null!;

    [Params(1_000_000)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bodies = new Body[Entities];
        _world = World.Create();
        for (var i = 0; i < Entities; i++)
        {
            var velocity = new Velocity { X = i % 7, Y = 1 };
            _bodies[i].Velocity = velocity;
            _world.Create(new Position(), velocity);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _world.Dispose();

    [Benchmark(Baseline = true)]
    public void PlainArrayOfStructs()
    {
        var bodies = _bodies;
        for (var i = 0; i < bodies.Length; i++)
        {
            ref var body = ref bodies[i];
            body.Position.X += body.Velocity.X * DtS;
            body.Position.Y += body.Velocity.Y * DtS;
        }
    }

    [Benchmark]
    public void InlineQuery()
    {
        var move = new Move();
        _world.InlineQuery<Move, Position, Velocity>(in Moving, ref move);
    }

    [Benchmark]
    public void QueryWithStaticLambda() =>
        _world.Query(in Moving, static (ref Position p, ref Velocity v) =>
        {
            p.X += v.X * DtS;
            p.Y += v.Y * DtS;
        });

    [Benchmark]
    public void ChunkSpans()
    {
        foreach (ref var chunk in _world.Query(in Moving))
        {
            var positions = chunk.GetSpan<Position>()[..chunk.Count];
            var velocities = chunk.GetSpan<Velocity>()[..chunk.Count];
            for (var i = 0; i < positions.Length; i++)
            {
                positions[i].X += velocities[i].X * DtS;
                positions[i].Y += velocities[i].Y * DtS;
            }
        }
    }

    [Benchmark]
    public void InlineParallelQuery()
    {
        var move = new Move();
        _world.InlineParallelQuery<Move, Position, Velocity>(in Moving, ref move);
    }

    private struct Move : IForEach<Position, Velocity>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Update(ref Position p, ref Velocity v)
        {
            p.X += v.X * DtS;
            p.Y += v.Y * DtS;
        }
    }
}
