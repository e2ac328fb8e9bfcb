namespace CityTwin.Ecs.Tests.Core;

public partial class WorldTests
{
    [Test]
    public void BatchDestroy_DestroysOnlyMatches()
    {
        using var world = PopulatedWorld();
        var frozen = new QueryDescription().WithAll<Frozen>();
        var handles = new Entity[100];
        world.GetEntities(frozen, handles);

        world.Destroy(in frozen);

        Assert.That(world.CountEntities(frozen), Is.Zero);
        Assert.That(world.Size, Is.EqualTo(1002 - 100));
        Assert.That(handles.Any(world.IsAlive), Is.False);
        Assert.That(world.CountEntities(new QueryDescription().WithAll<Position, Velocity>()), Is.EqualTo(900));
    }

    [Test]
    public void BatchSet_OverwritesOnlyMatches()
    {
        using var world = PopulatedWorld();
        world.Set(new QueryDescription().WithAll<Velocity, Frozen>(), new Velocity(0, 0));
        var stillMoving = 0;
        world.Query(new QueryDescription().WithAll<Velocity>(), (ref Velocity v) => stillMoving += v.X != 0 ? 1 : 0);
        Assert.That(stillMoving, Is.EqualTo(900));
    }

    [Test]
    public void BatchAdd_MovesWholeArchetypes_KeepsDataAndHandles()
    {
        using var world = World.Create();
        var handles = Enumerable.Range(0, 2500).Select(i => world.Create(new Position(i, i))).ToArray();
        world.Create(300, new Position(-1, -1), new Frozen());

        world.Add(new QueryDescription().WithAll<Position>().WithNone<Frozen, Velocity>(), new Velocity(7, 0));

        Assert.That(world.CountEntities(new QueryDescription().WithAll<Velocity>()), Is.EqualTo(2500));
        for (var i = 0; i < handles.Length; i++)
        {
            Assert.That(world.Get<Position>(handles[i]).X, Is.EqualTo(i));
            Assert.That(world.Get<Velocity>(handles[i]).X, Is.EqualTo(7));
        }

        // A single-entity change after the bulk move still finds the right rows.
        world.Destroy(handles[0]);
        Assert.That(world.Get<Position>(handles[2499]).X, Is.EqualTo(2499));
    }

    [Test]
    public void BatchAdd_IntoNonEmptyTarget_AppendsAfterExistingRows()
    {
        using var world = World.Create();
        var existing = world.Create(new Position(-5, 0), new Velocity(1, 1));
        var moved = Enumerable.Range(0, 1000).Select(i => world.Create(new Position(i, 0))).ToArray();

        world.Add(new QueryDescription().WithExclusive<Position>(), new Velocity(2, 2));

        Assert.That(world.Get<Velocity>(existing).X, Is.EqualTo(1), "rows already in the target keep their values");
        Assert.That(moved.All(e => world.Get<Velocity>(e).X == 2), Is.True);
        Assert.That(moved.Select(e => world.Get<Position>(e).X), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (double)i)));
    }

    [Test]
    public void BatchRemove_RemovesFromEveryMatch()
    {
        using var world = PopulatedWorld();
        world.Remove<Health>(new QueryDescription().WithAll<Health>());
        Assert.That(world.CountEntities(new QueryDescription().WithAll<Health>()), Is.Zero);
        Assert.That(world.Size, Is.EqualTo(1002));
        Assert.That(world.CountEntities(new QueryDescription().WithAll<Position, Velocity>()), Is.EqualTo(1000));
    }

    [Test]
    public void BatchAdd_WhenArchetypeAlreadyHasComponent_Throws()
    {
        using var world = PopulatedWorld();
        Assert.Throws<InvalidOperationException>(() => world.Add(new QueryDescription().WithAll<Position>(), new Health()));
    }
}
