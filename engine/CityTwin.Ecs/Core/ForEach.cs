namespace CityTwin.Ecs.Core;

/// <summary>Callback for <see cref="World.Query(in QueryDescription, ForEach)"/>: receives each matching entity.</summary>
/// <param name="entity">The entity.</param>
public delegate void ForEach(Entity entity);
