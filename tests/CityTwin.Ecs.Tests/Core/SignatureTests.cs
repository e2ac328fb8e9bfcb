namespace CityTwin.Ecs.Tests.Core;

public class SignatureTests
{
    [Test]
    public void Constructor_DuplicateTypes_CountedOnce()
    {
        var p = Component<Position>.ComponentType;
        var signature = new Signature(p, p, Component<Velocity>.ComponentType);
        Assert.That(signature.Count, Is.EqualTo(2));
    }

    [Test]
    public void WithAndWithout_RoundTrip_EqualsOriginal()
    {
        var original = Component<Position, Velocity>.Signature;
        var health = Component<Health>.ComponentType;
        var grown = original.With(health);
        Assert.That(grown.Count, Is.EqualTo(3));
        Assert.That(grown.ContainsAll(original), Is.True);
        Assert.That(grown.Without(health), Is.EqualTo(original));
        Assert.That(grown.GetHashCode(), Is.Not.EqualTo(original.GetHashCode()));
    }

    [Test]
    public void Components_AreOrderedById()
    {
        var signature = new Signature(Component<Velocity>.ComponentType, Component<Position>.ComponentType);
        var ids = signature.Components.Select(c => c.Id).ToArray();
        Assert.That(ids, Is.Ordered);
        Assert.That(signature.Components.Select(c => c.Type), Is.EquivalentTo(new[] { typeof(Position), typeof(Velocity) }));
    }

    [Test]
    public void ComponentType_ByteSize_IsStructSize()
    {
        Assert.That(Component<Position>.ComponentType.ByteSize, Is.EqualTo(16));
        Assert.That(Component<Frozen>.ComponentType.ByteSize, Is.EqualTo(1));
        ComponentType fromType = typeof(Health);
        Assert.That(fromType, Is.EqualTo(Component<Health>.ComponentType));
    }

    [Test]
    public void Overlaps_DisjointSets_False()
    {
        Assert.That(Component<Position>.Signature.Overlaps(Component<Velocity>.Signature), Is.False);
        Assert.That(Component<Position, Health>.Signature.Overlaps(Component<Health>.Signature), Is.True);
    }
}
