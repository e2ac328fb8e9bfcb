namespace CityTwin.Ecs.Systems;

/// <summary>A system bound to a world, with empty default hooks (Arch.System's <c>BaseSystem&lt;W, T&gt;</c>).</summary>
/// <typeparam name="TWorld">The world type.</typeparam>
/// <typeparam name="T">The per-update state.</typeparam>
/// <param name="world">The world the system works on.</param>
public abstract class BaseSystem<TWorld, T>(TWorld world) : ISystem<T>
{
    /// <summary>The world the system works on.</summary>
    public TWorld World { get; } = world;

    /// <inheritdoc />
    public virtual void Initialize()
    {
    }

    /// <inheritdoc />
    public virtual void BeforeUpdate(in T t)
    {
    }

    /// <inheritdoc />
    public virtual void Update(in T t)
    {
    }

    /// <inheritdoc />
    public virtual void AfterUpdate(in T t)
    {
    }

    /// <inheritdoc />
    public virtual void Dispose() => GC.SuppressFinalize(this);
}
