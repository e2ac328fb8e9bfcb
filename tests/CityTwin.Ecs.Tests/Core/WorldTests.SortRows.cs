namespace CityTwin.Ecs.Tests.Core;

public partial class WorldTests
{
    [Test]
    public void SortRows_OrdersRowsByKey_ComponentsFollow_HandlesStayValid()
    {
        // Enough entities for several chunks, so rows move between chunks too.
        using var world = World.Create(chunkSizeInBytes: 1024, minimumAmountOfEntitiesPerChunk: 8);
        var entities = new List<Entity>();
        for (var i = 0; i < 100; i++)
        {
            entities.Add(world.Create(new Position((i * 37) % 100, i), new Health(i)));
        }

        var archetype = world.GetArchetype(entities[0]);
        Assert.That(archetype.ChunkCount, Is.GreaterThan(1));
        var keys = RowsX(archetype).Select(x => (long)x).ToArray();
        world.SortRows(archetype, keys);

        Assert.That(RowsX(archetype), Is.Ordered.Ascending, "rows in key order");
        for (var i = 0; i < 100; i++)
        {
            Assert.That(world.Get<Health>(entities[i]).Value, Is.EqualTo(i), "a handle still finds its own components");
            Assert.That(world.Get<Position>(entities[i]).Y, Is.EqualTo(i));
        }

        world.Destroy(entities[5]);
        Assert.That(world.Get<Health>(entities[6]).Value, Is.EqualTo(6), "destroy after a sort keeps the bookkeeping right");
        Assert.Throws<ArgumentException>(() => world.SortRows(archetype, new long[3]));
    }

    [Test]
    public void SortRows_AgainAfterAFewChanges_MovesOnlyWhatIsOutOfPlace_AndKeepsHandles()
    {
        using var world = World.Create(chunkSizeInBytes: 1024, minimumAmountOfEntitiesPerChunk: 8);
        var live = new List<Entity>();
        for (var i = 0; i < 60; i++)
        {
            live.Add(world.Create(new Position(i, i), new Health(i)));
        }

        var archetype = world.GetArchetype(live[0]);
        SortByX(world, archetype);
        Assert.That(RowsX(archetype), Is.EqualTo(Enumerable.Range(0, 60).Select(i => (double)i)), "already in order: nothing moves");

        // Destroying moves the last row into the hole, and creating appends: a few rows out of place, far apart.
        world.Destroy(live[3]);
        world.Destroy(live[40]);
        live.RemoveAt(40);
        live.RemoveAt(3);
        live.Add(world.Create(new Position(10.5, 100), new Health(100)));
        live.Add(world.Create(new Position(-1, 101), new Health(101)));
        SortByX(world, archetype);
        var xs = RowsX(archetype);
        Assert.That(xs, Is.Ordered.Ascending);
        Assert.That(xs, Has.Count.EqualTo(60));
        foreach (var entity in live)
        {
            Assert.That(world.Get<Health>(entity).Value, Is.EqualTo((int)world.Get<Position>(entity).Y), "each handle finds its own row");
        }
    }

    [Test]
    public void SwapRows_ExchangesTwoRowsAcrossChunks_AndRowOfAndEntityAtFollow()
    {
        using var world = World.Create(chunkSizeInBytes: 1024, minimumAmountOfEntitiesPerChunk: 8);
        var entities = Enumerable.Range(0, 40).Select(i => world.Create(new Position(i, i), new Health(i))).ToList();
        var archetype = world.GetArchetype(entities[0]);
        Assert.That(archetype.ChunkCount, Is.GreaterThan(1));
        var (a, b) = (world.RowOf(entities[2]), world.RowOf(entities[37]));
        Assert.That(b / archetype.EntitiesPerChunk, Is.Not.EqualTo(a / archetype.EntitiesPerChunk), "rows in different chunks");

        world.SwapRows(archetype, a, b);

        Assert.That(world.RowOf(entities[2]), Is.EqualTo(b));
        Assert.That(world.RowOf(entities[37]), Is.EqualTo(a));
        Assert.That(archetype.EntityAt(a), Is.EqualTo(entities[37]));
        Assert.That(RowsX(archetype)[a], Is.EqualTo(37), "the components moved with the entity");
        foreach (var entity in entities)
        {
            Assert.That(world.Get<Health>(entity).Value, Is.EqualTo((int)world.Get<Position>(entity).Y), "each handle finds its own row");
        }

        world.SwapRows(archetype, a, a);
        Assert.That(archetype.EntityAt(a), Is.EqualTo(entities[37]), "a row swapped with itself stays");
        world.Destroy(entities[37]);
        Assert.That(world.Get<Health>(entities[39]).Value, Is.EqualTo(39), "destroy after a swap keeps the bookkeeping right");
        Assert.Throws<ArgumentOutOfRangeException>(() => world.SwapRows(archetype, 0, archetype.EntityCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => archetype.EntityAt(-1));
    }

    [Test]
    public void RowSorters_SortTwoDisjointRangesAtOnce_EachInKeyOrder_HandlesStayValid()
    {
        using var world = World.Create(chunkSizeInBytes: 1024, minimumAmountOfEntitiesPerChunk: 8);
        var entities = Enumerable.Range(0, 200).Select(i => world.Create(new Position((i * 37) % 200, i), new Health(i))).ToList();
        var archetype = world.GetArchetype(entities[0]);
        var xs = RowsX(archetype);
        var cut = 90; // not on a chunk boundary
        var (low, high) = (new RowSorter(), new RowSorter());
        var lowKeys = xs.Take(cut).Select(x => (long)x).ToArray();
        var highKeys = xs.Skip(cut).Select(x => (long)x).ToArray();
        Parallel.Invoke(() => low.Sort(world, archetype, 0, lowKeys), () => high.Sort(world, archetype, cut, highKeys));

        var sorted = RowsX(archetype);
        Assert.That(sorted.Take(cut), Is.Ordered.Ascending, "the first range in key order");
        Assert.That(sorted.Skip(cut), Is.Ordered.Ascending, "the second range in key order");
        Assert.That(sorted.Take(cut), Is.EquivalentTo(xs.Take(cut)), "rows stay within their range");
        foreach (var entity in entities)
        {
            Assert.That(world.Get<Health>(entity).Value, Is.EqualTo((int)world.Get<Position>(entity).Y), "each handle finds its own row");
        }

        Assert.Throws<ArgumentException>(() => low.Sort(world, archetype, 150, new long[51]));
    }

    private static void SortByX(World world, Archetype archetype)
    {
        var keys = RowsX(archetype).Select(x => (long)(x * 10)).ToArray();
        world.SortRows(archetype, keys);
    }

    private static List<double> RowsX(Archetype archetype)
    {
        var xs = new List<double>();
        for (var k = 0; k < archetype.ChunkCount; k++)
        {
            ref var chunk = ref archetype.GetChunk(k);
            var positions = chunk.GetSpan<Position>();
            for (var r = 0; r < chunk.Count; r++)
            {
                xs.Add(positions[r].X);
            }
        }

        return xs;
    }
}
