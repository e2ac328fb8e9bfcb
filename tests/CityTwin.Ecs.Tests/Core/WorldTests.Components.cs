namespace CityTwin.Ecs.Tests.Core;

public partial class WorldTests
{
    [Test]
    public void Add_MovesEntityToNewArchetype_KeepingData()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 2), new Health(7));
        var before = world.GetArchetype(e);

        world.Add(e, new Velocity(3, 4));

        Assert.That(world.GetArchetype(e), Is.Not.SameAs(before));
        Assert.That(world.Get<Position>(e).Y, Is.EqualTo(2));
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(7));
        Assert.That(world.Get<Velocity>(e).X, Is.EqualTo(3));
        Assert.That(before.EntityCount, Is.Zero);
    }

    [Test]
    public void Remove_MovesEntityBack_KeepingOtherData()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 2), new Health(7), new Label("main street"));
        world.Remove<Health>(e);

        Assert.That(world.Has<Health>(e), Is.False);
        Assert.That(world.Get<Label>(e).Text, Is.EqualTo("main street"));
        Assert.That(world.Get<Position>(e).X, Is.EqualTo(1));
        Assert.Throws<InvalidOperationException>(() => world.Remove<Health>(e));
    }

    [Test]
    public void Add_Existing_ThrowsAndSuggestsSet()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var error = Assert.Throws<InvalidOperationException>(() => world.Add(e, new Health(2)));
        Assert.That(error!.Message, Does.Contain("Set"));
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(1));
    }

    [Test]
    public void AddRemoveChurn_OtherEntitiesInvolvedInSwapRemoveKeepData()
    {
        using var world = World.Create();
        var entities = Enumerable.Range(0, 3000).Select(i => world.Create(new Health(i))).ToArray();
        for (var i = 0; i < entities.Length; i += 2)
        {
            world.Add(entities[i], new Velocity(i, 0));
        }

        for (var i = 0; i < entities.Length; i += 4)
        {
            world.Remove<Velocity>(entities[i]);
        }

        for (var i = 0; i < entities.Length; i++)
        {
            Assert.That(world.Get<Health>(entities[i]).Value, Is.EqualTo(i));
            Assert.That(world.Has<Velocity>(entities[i]), Is.EqualTo(i % 2 == 0 && i % 4 != 0));
        }
    }

    [Test]
    public void GetSetTryGet_BehaveAsDocumented()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        world.Get<Health>(e).Value = 5;
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(5));
        world.Set(e, new Health(6));
        Assert.That(world.TryGet<Health>(e, out var health) && health.Value == 6, Is.True);
        Assert.That(world.TryGet<Position>(e, out _), Is.False);
        world.TryGetRef<Position>(e, out var exists);
        Assert.That(exists, Is.False);
        Assert.That(world.Has<Health>(e) && !world.Has<Position>(e), Is.True);
        var missing = Assert.Throws<InvalidOperationException>(() => world.Get<Position>(e));
        Assert.That(missing!.Message, Does.Contain(nameof(Position)));
    }

    [Test]
    public void AddOrGet_AddsOnceThenReturnsExisting()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        world.AddOrGet(e, new Position(4, 4)).X += 1;
        Assert.That(world.AddOrGet(e, new Position(100, 100)).X, Is.EqualTo(5));
    }

    [Test]
    public void ReferenceComponent_SurvivesMovesAndIsReleasedOnDestroy()
    {
        using var world = World.Create();
        var a = world.Create(new Label("a"));
        var b = world.Create(new Label("b"));
        world.Destroy(a);
        Assert.That(world.Get<Label>(b).Text, Is.EqualTo("b"));
        var chunk = world.GetArchetype(b).GetChunk(0);
        Assert.That(chunk.GetArray<Label>()[1].Text, Is.Null, "the vacated row must not keep a reference alive");
    }
}
