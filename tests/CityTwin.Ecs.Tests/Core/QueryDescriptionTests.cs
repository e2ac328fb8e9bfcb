namespace CityTwin.Ecs.Tests.Core;

public class QueryDescriptionTests
{
    [Test]
    public void WithAll_CalledTwice_ReplacesRatherThanExtends()
    {
        // Arch's documented semantics: the second call replaces All.
        var description = new QueryDescription().WithAll<Position>().WithAll<Velocity>();
        Assert.That(description.All, Is.EqualTo(Component<Velocity>.Signature));
    }

    [Test]
    public void Equality_SameSets_EqualAndSameHash()
    {
        var a = new QueryDescription().WithAll<Position, Velocity>().WithNone<Frozen>();
        var b = new QueryDescription(all: Component<Velocity, Position>.Signature, none: Component<Frozen>.Signature);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a, Is.Not.EqualTo(a.WithNone<Health>()));
    }

    [Test]
    public void Matches_AllAnyNoneExclusive_FollowSetRules()
    {
        var pv = Component<Position, Velocity>.Signature;
        var pvh = Component<Position, Velocity, Health>.Signature;
        var p = Component<Position>.Signature;

        var all = new QueryDescription().WithAll<Position, Velocity>();
        Assert.That(all.Matches(pv) && all.Matches(pvh) && !all.Matches(p), Is.True);

        var any = new QueryDescription().WithAny<Velocity, Frozen>();
        Assert.That(any.Matches(pv) && !any.Matches(p), Is.True);

        var none = new QueryDescription().WithAll<Position>().WithNone<Health>();
        Assert.That(none.Matches(pv) && none.Matches(p) && !none.Matches(pvh), Is.True);

        var exclusive = new QueryDescription().WithExclusive<Position, Velocity>();
        Assert.That(exclusive.Matches(pv) && !exclusive.Matches(pvh) && !exclusive.Matches(p), Is.True);
    }
}
