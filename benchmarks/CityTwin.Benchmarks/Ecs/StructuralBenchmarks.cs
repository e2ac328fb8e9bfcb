using BenchmarkDotNet.Attributes;
using CityTwin.Ecs.Core;

namespace CityTwin.Benchmarks.Ecs;

/// <summary>Creating 1,000,000 entities, and add/remove churn of 100,000 components.</summary>
[MemoryDiagnoser]
public class StructuralBenchmarks
{
    private static readonly QueryDescription Untagged = new QueryDescription().WithAll<Position>().WithNone<Tag>();
    private static readonly QueryDescription Tagged = new QueryDescription().WithAll<Position, Tag>();
    private World _world = null!;
    private Entity[] _entities = [];

    [IterationSetup(Targets = [nameof(AddRemoveChurn100k), nameof(BatchAddRemove100k)])]
    public void SetupChurn()
    {
        _world = World.Create();
        _entities = new Entity[100_000];
        for (var i = 0; i < _entities.Length; i++)
        {
            _entities[i] = _world.Create(new Position { X = i }, new Velocity());
        }
    }

    [IterationCleanup(Targets = [nameof(AddRemoveChurn100k), nameof(BatchAddRemove100k)])]
    public void CleanupChurn() => _world.Dispose();

    [Benchmark]
    public int CreateOneByOne1M()
    {
        using var world = World.Create();
        for (var i = 0; i < 1_000_000; i++)
        {
            world.Create(new Position { X = i }, new Velocity());
        }

        return world.Size;
    }

    [Benchmark]
    public int CreateBulk1M()
    {
        using var world = World.Create();
        world.Create(1_000_000, new Position(), new Velocity());
        return world.Size;
    }

    /// <summary>100,000 single-entity Add&lt;Tag&gt; and then 100,000 Remove&lt;Tag&gt; (archetype moves).</summary>
    [Benchmark]
    public void AddRemoveChurn100k()
    {
        foreach (var e in _entities)
        {
            _world.Add(e, new Tag());
        }

        foreach (var e in _entities)
        {
            _world.Remove<Tag>(e);
        }
    }

    /// <summary>The same churn through the query batch operations (whole chunks move at once).</summary>
    [Benchmark]
    public void BatchAddRemove100k()
    {
        _world.Add(in Untagged, new Tag());
        _world.Remove<Tag>(in Tagged);
    }
}
