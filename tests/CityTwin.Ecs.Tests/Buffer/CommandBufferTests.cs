namespace CityTwin.Ecs.Tests.Buffer;

public class CommandBufferTests
{
    [Test]
    public void Playback_AfterQuery_AppliesRecordedStructuralChanges()
    {
        using var world = World.Create();
        for (var i = 0; i < 100; i++)
        {
            world.Create(new Health(i));
        }

        var buffer = new CommandBuffer();
        world.Query(new QueryDescription().WithAll<Health>(), (Entity e, ref Health h) =>
        {
            if (h.Value % 2 == 0)
            {
                buffer.Destroy(e);
            }
            else if (h.Value % 3 == 0)
            {
                buffer.Add(e, new Frozen());
                buffer.Set(e, new Health(-h.Value));
            }
        });
        Assert.That(world.Size, Is.EqualTo(100), "nothing changes before playback");

        buffer.Playback(world);

        Assert.That(world.Size, Is.EqualTo(50));
        Assert.That(world.CountEntities(new QueryDescription().WithAll<Frozen>()), Is.EqualTo(17));
        var negatives = 0;
        world.Query(new QueryDescription().WithAll<Health, Frozen>(), (ref Health h, ref Frozen _) => negatives += h.Value < 0 ? 1 : 0);
        Assert.That(negatives, Is.EqualTo(17));
        Assert.That(buffer.Size, Is.Zero, "playback disposes by default");
    }

    [Test]
    public void Create_PlaceholderCanBeAddressedByLaterCommands()
    {
        using var world = World.Create();
        var buffer = new CommandBuffer();
        var placeholder = buffer.Create([Component<Position>.ComponentType]);
        buffer.Set(placeholder, new Position(3, 4));
        buffer.Add(placeholder, new Velocity(1, 0));
        buffer.Playback(world);

        var entities = new Entity[1];
        world.GetEntities(new QueryDescription().WithAll<Position, Velocity>(), entities);
        Assert.That(world.Get<Position>(entities[0]).Y, Is.EqualTo(4));
        Assert.That(world.Get<Velocity>(entities[0]).X, Is.EqualTo(1));
    }

    [Test]
    public void Playback_DoubleDestroyIsIdempotent_ButSetOnDeadEntityThrows()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var buffer = new CommandBuffer();
        buffer.Destroy(e);
        buffer.Destroy(e);
        buffer.Playback(world);
        Assert.That(world.IsAlive(e), Is.False);

        buffer.Set(e, new Health(2));
        var error = Assert.Throws<InvalidOperationException>(() => buffer.Playback(world));
        Assert.That(error!.Message, Does.Contain("not alive").And.Contain(nameof(Health)));
    }

    [Test]
    public void Remove_RecordedThenPlayed_RemovesComponent()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1), new Frozen());
        var buffer = new CommandBuffer();
        buffer.Remove<Frozen>(e);
        buffer.Playback(world, dispose: false);
        Assert.That(world.Has<Frozen>(e), Is.False);
        Assert.That(buffer.Size, Is.EqualTo(1));
    }
}
