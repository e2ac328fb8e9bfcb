namespace CityTwin.Ecs.Systems;

/// <summary>
/// A system: logic run once per update with a state value (our tick), mirroring Arch.System's <c>ISystem&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="T">The per-update state passed to every call (e.g. <see cref="Timing.SimTick"/>).</typeparam>
public interface ISystem<T> : IDisposable
{
    /// <summary>Called once before the first update.</summary>
    void Initialize();

    /// <summary>Called before <see cref="Update"/>.</summary>
    /// <param name="t">The state.</param>
    void BeforeUpdate(in T t);

    /// <summary>Runs the system.</summary>
    /// <param name="t">The state.</param>
    void Update(in T t);

    /// <summary>Called after <see cref="Update"/>.</summary>
    /// <param name="t">The state.</param>
    void AfterUpdate(in T t);
}
