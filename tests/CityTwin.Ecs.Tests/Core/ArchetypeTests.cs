namespace CityTwin.Ecs.Tests.Core;

public class ArchetypeTests
{
    [Test]
    public void EntitiesPerChunk_FollowsArchRule()
    {
        using var world = World.Create();
        var e = world.Create(new Position(), new Velocity());
        var archetype = world.GetArchetype(e);

        // Row = Entity (8 B) + Position (16 B) + Velocity (16 B) = 40 B; 16 KiB holds 409 rows (>= 100 minimum).
        Assert.That(archetype.ChunkSizeInBytes, Is.EqualTo(16_384));
        Assert.That(archetype.EntitiesPerChunk, Is.EqualTo(16_384 / 40));
    }

    [Test]
    public void ChunkSize_GrowsInBaseMultiplesForWideRows()
    {
        using var world = World.Create(chunkSizeInBytes: 1024, minimumAmountOfEntitiesPerChunk: 100);
        var e = world.Create(new Position(), new Velocity());
        var archetype = world.GetArchetype(e);
        Assert.That(archetype.ChunkSizeInBytes, Is.EqualTo(4 * 1024), "100 rows of 40 B need 4 KiB");
        Assert.That(archetype.EntitiesPerChunk, Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void Chunks_StayDense_AfterRemovals()
    {
        using var world = World.Create();
        var entities = new Entity[2000];
        world.Create(entities, Component<Position>.Signature, 2000);
        var archetype = world.GetArchetype(entities[0]);
        for (var i = 0; i < 2000; i += 2)
        {
            world.Destroy(entities[i]);
        }

        Assert.That(archetype.EntityCount, Is.EqualTo(1000));
        for (var k = 0; k < archetype.ChunkCount - 1; k++)
        {
            Assert.That(archetype.GetChunk(k).Count, Is.EqualTo(archetype.EntitiesPerChunk), "all chunks but the last are full");
        }

        Assert.That(archetype.ChunkCount, Is.EqualTo((1000 + archetype.EntitiesPerChunk - 1) / archetype.EntitiesPerChunk));
        world.TrimExcess();
        Assert.That(archetype.ChunkCapacity, Is.EqualTo(archetype.ChunkCount));
    }

    [Test]
    public void Archetypes_AreKeptInCreationOrder()
    {
        using var world = World.Create();
        world.Create(new Velocity());
        world.Create(new Position());
        world.Create(new Position(), new Velocity());
        Assert.That(world.Archetypes.Select(a => a.Index), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(world.Archetypes[0].Has<Velocity>() && !world.Archetypes[0].Has<Position>(), Is.True);
    }
}
