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
        var keys = new long[100];
        var row = 0;
        for (var k = 0; k < archetype.ChunkCount; k++)
        {
            ref var chunk = ref archetype.GetChunk(k);
            var positions = chunk.GetSpan<Position>();
            for (var r = 0; r < chunk.Count; r++)
            {
                keys[row++] = (long)positions[r].X;
            }
        }

        world.SortRows(archetype, keys);

        var seen = new List<double>();
        for (var k = 0; k < archetype.ChunkCount; k++)
        {
            ref var chunk = ref archetype.GetChunk(k);
            var positions = chunk.GetSpan<Position>();
            for (var r = 0; r < chunk.Count; r++)
            {
                seen.Add(positions[r].X);
            }
        }

        Assert.That(seen, Is.Ordered.Ascending, "rows in key order");
        for (var i = 0; i < 100; i++)
        {
            Assert.That(world.Get<Health>(entities[i]).Value, Is.EqualTo(i), "a handle still finds its own components");
            Assert.That(world.Get<Position>(entities[i]).Y, Is.EqualTo(i));
        }

        world.Destroy(entities[5]);
        Assert.That(world.Get<Health>(entities[6]).Value, Is.EqualTo(6), "destroy after a sort keeps the bookkeeping right");
        Assert.Throws<ArgumentException>(() => world.SortRows(archetype, new long[3]));
    }
}
