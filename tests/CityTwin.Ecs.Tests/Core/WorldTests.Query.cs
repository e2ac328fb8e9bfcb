namespace CityTwin.Ecs.Tests.Core;

public partial class WorldTests
{
    private static World PopulatedWorld()
    {
        var world = World.Create();
        for (var i = 0; i < 1000; i++)
        {
            var e = world.Create(new Position(i, 0), new Velocity(1, 2));
            if (i % 10 == 0)
            {
                world.Add(e, new Frozen());
            }

            if (i % 4 == 0)
            {
                world.Add(e, new Health(i));
            }
        }

        world.Create(new Position(-1, -1));
        world.Create(new Health(-1));
        return world;
    }

    [Test]
    public void Query_AllAnyNoneExclusive_CountTheRightEntities()
    {
        using var world = PopulatedWorld();
        Assert.Multiple(() =>
        {
            Assert.That(world.CountEntities(new QueryDescription().WithAll<Position>()), Is.EqualTo(1001));
            Assert.That(world.CountEntities(new QueryDescription().WithAll<Position, Velocity>()), Is.EqualTo(1000));
            Assert.That(world.CountEntities(new QueryDescription().WithAll<Position, Velocity>().WithNone<Frozen>()), Is.EqualTo(900));
            Assert.That(world.CountEntities(new QueryDescription().WithAny<Frozen, Health>()), Is.EqualTo(100 + 250 - 50 + 1));
            Assert.That(world.CountEntities(new QueryDescription().WithExclusive<Position, Velocity>()), Is.EqualTo(1000 - 100 - 250 + 50));
            Assert.That(world.CountEntities(new QueryDescription().WithExclusive<Health>()), Is.EqualTo(1));
            Assert.That(world.CountEntities(QueryDescription.Null), Is.EqualTo(world.Size));
        });
    }

    [Test]
    public void InlineQuery_StructCallback_UpdatesEveryMatchAndAccumulates()
    {
        using var world = PopulatedWorld();
        var move = new MoveStep { DtS = 0.5 };
        var description = new QueryDescription().WithAll<Position, Velocity>().WithNone<Frozen>();

        world.InlineQuery<MoveStep, Position, Velocity>(in description, ref move);

        Assert.That(move.Visited, Is.EqualTo(900));
        var moved = 0;
        world.Query(new QueryDescription().WithAll<Position, Velocity>(), (Entity e, ref Position p, ref Velocity _) =>
        {
            var frozen = world.Has<Frozen>(e);
            var expectedY = frozen ? 0.0 : 1.0;
            Assert.That(p.Y, Is.EqualTo(expectedY));
            moved += frozen ? 0 : 1;
        });
        Assert.That(moved, Is.EqualTo(900));
    }

    [Test]
    public void ChunkEnumeration_SpansCoverEveryRowOnce()
    {
        using var world = World.Create();
        world.Create(5000, new Position(1, 0));
        var total = 0;
        var chunks = 0;
        foreach (ref var chunk in world.Query(new QueryDescription().WithAll<Position>()))
        {
            var span = chunk.GetSpan<Position>()[..chunk.Count];
            foreach (ref var p in span)
            {
                total += (int)p.X;
            }

            Assert.That(chunk.Capacity, Is.GreaterThanOrEqualTo(chunk.Count));
            var rows = new List<int>();
            foreach (var row in chunk)
            {
                rows.Add(row);
            }

            Assert.That(rows, Is.EqualTo(Enumerable.Range(0, chunk.Count).Reverse()), "rows run Count-1 down to 0");
            chunks++;
        }

        Assert.That(total, Is.EqualTo(5000));
        Assert.That(chunks, Is.GreaterThan(1));
    }

    [Test]
    public void GetEntities_ReturnsEveryMatch()
    {
        using var world = PopulatedWorld();
        var description = new QueryDescription().WithAll<Frozen>();
        var entities = new Entity[world.CountEntities(description)];
        world.GetEntities(description, entities);
        Assert.That(entities.All(e => world.Has<Frozen>(e)), Is.True);
        Assert.That(entities.Distinct().Count(), Is.EqualTo(100));
    }

    [Test]
    public void StructuralChangeInsideQuery_IsRefusedWithClearError_AndWorldStaysUsable()
    {
        using var world = PopulatedWorld();
        var description = new QueryDescription().WithAll<Health>();
        var error = Assert.Throws<InvalidOperationException>(() =>
            world.Query(in description, (Entity e) => world.Destroy(e)));
        Assert.That(error!.Message, Does.Contain("CommandBuffer"));

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (ref var chunk in world.Query(in description))
            {
                world.Add(chunk.Entity(0), new Velocity());
            }
        });

        // The iteration guard is released even when the callback threw.
        Assert.That(world.IsIterating, Is.False);
        var before = world.Size;
        world.Create(new Health(1));
        Assert.That(world.Size, Is.EqualTo(before + 1));
    }

    [Test]
    public void Query_NewArchetypeAfterFirstUse_IsMatchedToo()
    {
        using var world = World.Create();
        var description = new QueryDescription().WithAll<Health>();
        world.Create(new Health(1));
        Assert.That(world.CountEntities(description), Is.EqualTo(1));
        world.Create(new Health(2), new Frozen());
        Assert.That(world.CountEntities(description), Is.EqualTo(2));
        Assert.That(world.Query(in description).Archetypes.Length, Is.EqualTo(2));
    }
}
