namespace CityTwin.Ecs.Core;

/// <summary>Where an entity id lives: archetype, chunk and row, and the id's current version.</summary>
internal struct EntityData
{
    /// <summary>The archetype holding the entity, or null when the id is free.</summary>
    public Archetype? Archetype;

    /// <summary>Index of the chunk within the archetype.</summary>
    public int ChunkIndex;

    /// <summary>Row within the chunk.</summary>
    public int Row;

    /// <summary>Current version of the id (bumped when the entity is destroyed).</summary>
    public int Version;
}
