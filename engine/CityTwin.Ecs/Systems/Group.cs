namespace CityTwin.Ecs.Systems;

/// <summary>
/// Runs systems in a fixed order (Arch.System's <c>Group&lt;T&gt;</c>): each phase (before, update, after) is run
/// for every system in turn, in the order the systems were added.
/// </summary>
/// <typeparam name="T">The per-update state.</typeparam>
public class Group<T> : ISystem<T>
{
    private readonly List<ISystem<T>> _systems = [];

    /// <summary>Creates a group.</summary>
    /// <param name="name">A name for diagnostics.</param>
    /// <param name="systems">The systems, in run order.</param>
    public Group(string name, params ISystem<T>[] systems)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Add(systems);
    }

    /// <summary>The group's name.</summary>
    public string Name { get; }

    /// <summary>The systems in run order.</summary>
    public IReadOnlyList<ISystem<T>> Systems => _systems;

    /// <summary>Appends systems.</summary>
    /// <param name="systems">The systems, in run order.</param>
    /// <returns>This group.</returns>
    public Group<T> Add(params ISystem<T>[] systems)
    {
        ArgumentNullException.ThrowIfNull(systems);
        foreach (var system in systems)
        {
            ArgumentNullException.ThrowIfNull(system, nameof(systems));
            _systems.Add(system);
        }

        return this;
    }

    /// <inheritdoc />
    public void Initialize()
    {
        foreach (var system in _systems)
        {
            system.Initialize();
        }
    }

    /// <inheritdoc />
    public void BeforeUpdate(in T t)
    {
        foreach (var system in _systems)
        {
            system.BeforeUpdate(in t);
        }
    }

    /// <inheritdoc />
    public void Update(in T t)
    {
        foreach (var system in _systems)
        {
            system.Update(in t);
        }
    }

    /// <inheritdoc />
    public void AfterUpdate(in T t)
    {
        foreach (var system in _systems)
        {
            system.AfterUpdate(in t);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"Group {Name} ({_systems.Count} systems)";
}
