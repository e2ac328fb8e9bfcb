namespace CityTwin.Ecs.Tests.Core;

public partial class WorldTests
{
    [Test]
    public void Create_ThenDestroy_EntityIsDeadAndSizeTracks()
    {
        using var world = World.Create();
        var a = world.Create(new Position(1, 1));
        var b = world.Create(new Position(2, 2));
        Assert.That(world.Size, Is.EqualTo(2));

        world.Destroy(a);

        Assert.That(world.IsAlive(a), Is.False);
        Assert.That(world.IsAlive(b), Is.True);
        Assert.That(world.Size, Is.EqualTo(1));
        Assert.That(world.Get<Position>(b).X, Is.EqualTo(2), "swap-remove must keep the survivor's data");
    }

    [Test]
    public void Destroy_IdIsRecycledWithHigherVersion_StaleHandleIsDead()
    {
        using var world = World.Create();
        var first = world.Create(new Health(1));
        world.Destroy(first);
        var second = world.Create(new Health(2));

        Assert.That(second.Id, Is.EqualTo(first.Id), "ids are recycled");
        Assert.That(second.Version, Is.GreaterThan(first.Version));
        Assert.That(world.IsAlive(first), Is.False);
        Assert.That(world.IsAlive(second), Is.True);
        var error = Assert.Throws<InvalidOperationException>(() => world.Get<Health>(first));
        Assert.That(error!.Message, Does.Contain("not alive"));
    }

    [Test]
    public void Destroy_TwiceWithSameHandle_Throws()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        world.Destroy(e);
        Assert.Throws<InvalidOperationException>(() => world.Destroy(e));
    }

    [Test]
    public void Destroy_ManyInRandomOrder_SurvivorsKeepTheirData()
    {
        using var world = World.Create();
        var entities = new List<Entity>();
        for (var i = 0; i < 5000; i++)
        {
            entities.Add(world.Create(new Health(i), new Position(i, -i)));
        }

        var rng = new Random(42);
        var destroyed = entities.OrderBy(_ => rng.Next()).Take(3000).ToHashSet();
        foreach (var e in destroyed)
        {
            world.Destroy(e);
        }

        Assert.That(world.Size, Is.EqualTo(2000));
        foreach (var e in entities.Where(e => !destroyed.Contains(e)))
        {
            Assert.That(world.Get<Position>(e).X, Is.EqualTo(world.Get<Health>(e).Value));
        }
    }

    [Test]
    public void Create_WithComponentTypes_ComponentsAreDefault_EvenInReusedRows()
    {
        using var world = World.Create();
        var e = world.Create(new Health(99), new Position(5, 5));
        world.Destroy(e);

        var fresh = world.Create(Component<Health>.ComponentType, Component<Position>.ComponentType);

        Assert.That(world.Get<Health>(fresh).Value, Is.EqualTo(0));
        Assert.That(world.Get<Position>(fresh).X, Is.EqualTo(0));
    }

    [Test]
    public void BulkCreate_CreatesAmountWithValues()
    {
        using var world = World.Create();
        world.Create(10_000, new Position(1, 2), new Velocity(3, 4));

        Assert.That(world.Size, Is.EqualTo(10_000));
        var description = new QueryDescription().WithAll<Position, Velocity>();
        Assert.That(world.CountEntities(description), Is.EqualTo(10_000));
        var sum = 0.0;
        world.Query(in description, (ref Position p, ref Velocity v) => sum += p.Y + v.X);
        Assert.That(sum, Is.EqualTo(10_000 * 5.0));
    }

    [Test]
    public void CreateIntoSpan_ReturnsLiveDistinctHandles()
    {
        using var world = World.Create();
        var created = new Entity[300];
        world.Create(created, Component<Health, Frozen>.Signature, 300);
        Assert.That(created.Distinct().Count(), Is.EqualTo(300));
        Assert.That(created.All(world.IsAlive), Is.True);
        Assert.That(world.Has<Frozen>(created[150]), Is.True);
    }

    [Test]
    public void Clear_KillsAllHandles_AndWorldIsReusable()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 1));
        world.Clear();
        Assert.That(world.Size, Is.Zero);
        Assert.That(world.IsAlive(e), Is.False);
        var again = world.Create(new Position(2, 2));
        Assert.That(world.IsAlive(again), Is.True);
        Assert.That(world.CountEntities(new QueryDescription().WithAll<Position>()), Is.EqualTo(1));
    }

    [Test]
    public void SameOperations_GiveSameIdsAndIterationOrder()
    {
        static List<(int Id, int Version, double X)> Run()
        {
            using var world = World.Create();
            var handles = new List<Entity>();
            for (var i = 0; i < 2000; i++)
            {
                handles.Add(i % 3 == 0 ? world.Create(new Position(i, 0), new Frozen()) : world.Create(new Position(i, 0)));
                if (i % 7 == 0)
                {
                    world.Destroy(handles[i / 2]);
                    handles[i / 2] = Entity.Null;
                }
            }

            var order = new List<(int, int, double)>();
            world.Query(new QueryDescription().WithAll<Position>(), (Entity e, ref Position p) => order.Add((e.Id, e.Version, p.X)));
            return order;
        }

        var first = Run();
        var second = Run();
        Assert.That(second, Is.EqualTo(first));
    }
}
