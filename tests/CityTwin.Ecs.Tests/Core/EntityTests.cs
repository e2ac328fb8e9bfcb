namespace CityTwin.Ecs.Tests.Core;

public class EntityTests
{
    [Test]
    public void Equality_SameIdDifferentVersion_NotEqual()
    {
        Assert.That(new Entity(3, 1), Is.Not.EqualTo(new Entity(3, 2)));
        Assert.That(new Entity(3, 1) == new Entity(3, 1), Is.True);
    }

    [Test]
    public void CompareTo_OrdersByIdThenVersion()
    {
        var sorted = new[] { new Entity(2, 1), new Entity(1, 5), new Entity(1, 2) };
        Array.Sort(sorted);
        Assert.That(sorted, Is.EqualTo(new[] { new Entity(1, 2), new Entity(1, 5), new Entity(2, 1) }));
    }

    [Test]
    public void Null_IsNeverAlive()
    {
        using var world = World.Create();
        world.Create(new Position(1, 2));
        Assert.That(world.IsAlive(Entity.Null), Is.False);
        Assert.That(world.IsAlive(default), Is.False, "default(Entity) has version 0, which no live entity has");
    }
}
