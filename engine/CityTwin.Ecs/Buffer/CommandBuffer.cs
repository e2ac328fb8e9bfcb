using CityTwin.Ecs.Core;

namespace CityTwin.Ecs.Buffer;

/// <summary>
/// Records structural changes (create, destroy, add, remove) and component writes during a query, and applies them
/// to a world afterwards with <see cref="Playback"/>.
/// </summary>
/// <remarks>
/// <para>Mirrors Arch 2.x's <c>CommandBuffer</c>. Commands are applied in the order they were recorded, so playback
/// is deterministic. Entities returned by <see cref="Create"/> are placeholders (negative ids) that later commands of
/// the same buffer may address; they become real entities at playback.</para>
/// <para>Destroying an entity that is already dead at playback is a no-op (two systems may both retire a vehicle);
/// any other command on a dead entity throws, naming the command.</para>
/// <para>Not thread-safe: in a parallel query, keep one buffer per chunk or record in a serial pass, and play back
/// in a fixed order so that results do not depend on the thread count.</para>
/// </remarks>
public sealed class CommandBuffer : IDisposable
{
    private readonly List<Command> _commands;
    private readonly List<ComponentType[]> _createTypes = [];
    private readonly Dictionary<int, BufferedValues> _values = [];
    private Entity[] _created = [];
    private int _createdCount;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="initialCapacity">Initial command capacity.</param>
    public CommandBuffer(int initialCapacity = 128) => _commands = new List<Command>(initialCapacity);

    /// <summary>Number of recorded commands.</summary>
    public int Size => _commands.Count;

    /// <summary>Records the creation of an entity with default components.</summary>
    /// <param name="types">The component types.</param>
    /// <returns>A placeholder entity that later commands of this buffer may use.</returns>
    public Entity Create(ComponentType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var index = _createTypes.Count;
        _createTypes.Add((ComponentType[])types.Clone());
        _commands.Add(new Command(CommandKind.Create, Entity.Null, index, 0));
        return new Entity(-2 - index, 0);
    }

    /// <summary>Records the destruction of an entity.</summary>
    /// <param name="entity">A live entity or a placeholder of this buffer.</param>
    public void Destroy(in Entity entity) => _commands.Add(new Command(CommandKind.Destroy, entity, 0, 0));

    /// <summary>Records a component write.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">The entity (it must have the component at playback).</param>
    /// <param name="component">The value.</param>
    public void Set<T>(in Entity entity, in T component = default!) =>
        _commands.Add(new Command(CommandKind.Set, entity, Component<T>.ComponentType.Id, Store(in component)));

    /// <summary>Records adding a component.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">The entity (it must not have the component at playback).</param>
    /// <param name="component">The initial value.</param>
    public void Add<T>(in Entity entity, in T component = default!) =>
        _commands.Add(new Command(CommandKind.Add, entity, Component<T>.ComponentType.Id, Store(in component)));

    /// <summary>Records removing a component.</summary>
    /// <typeparam name="T">The component type.</typeparam>
    /// <param name="entity">The entity (it must have the component at playback).</param>
    public void Remove<T>(in Entity entity) =>
        _commands.Add(new Command(CommandKind.Remove, entity, Component<T>.ComponentType.Id, 0));

    /// <summary>Applies the recorded commands in order.</summary>
    /// <param name="world">The world (no query may be iterating it).</param>
    /// <param name="dispose">Clear the buffer afterwards (Arch's default).</param>
    public void Playback(World world, bool dispose = true)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (_created.Length < _createTypes.Count)
        {
            _created = new Entity[_createTypes.Count];
        }

        _createdCount = 0;
        for (var n = 0; n < _commands.Count; n++)
        {
            var command = _commands[n];
            if (command.Kind == CommandKind.Create)
            {
                _created[_createdCount++] = world.Create(_createTypes[command.ComponentId]);
                continue;
            }

            var entity = Resolve(command.Entity, n);
            if (command.Kind == CommandKind.Destroy)
            {
                if (world.IsAlive(entity))
                {
                    world.Destroy(entity);
                }

                continue;
            }

            if (!world.IsAlive(entity))
            {
                throw new InvalidOperationException(
                    $"CommandBuffer command #{n} ({command.Kind} {ComponentRegistry.TypeOf(command.ComponentId).Name}) " +
                    $"targets {entity}, which is not alive at playback.");
            }

            switch (command.Kind)
            {
                case CommandKind.Set:
                    _values[command.ComponentId].Set(world, entity, command.ValueIndex);
                    break;
                case CommandKind.Add:
                    _values[command.ComponentId].Add(world, entity, command.ValueIndex);
                    break;
                default:
                    world.Remove(entity, ComponentRegistry.Get(command.ComponentId));
                    break;
            }
        }

        if (dispose)
        {
            Clear();
        }
    }

    /// <summary>Forgets every recorded command, keeping storage for reuse.</summary>
    public void Clear()
    {
        _commands.Clear();
        _createTypes.Clear();
        foreach (var values in _values.Values)
        {
            values.Clear();
        }

        _createdCount = 0;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Clear();
        _values.Clear();
    }

    private Entity Resolve(Entity entity, int commandIndex)
    {
        if (entity.Id >= -1)
        {
            return entity;
        }

        var index = -2 - entity.Id;
        if (index >= _createdCount)
        {
            throw new InvalidOperationException(
                $"CommandBuffer command #{commandIndex} uses placeholder {entity} before its Create was played back.");
        }

        return _created[index];
    }

    private int Store<T>(in T component)
    {
        var id = Component<T>.ComponentType.Id;
        if (!_values.TryGetValue(id, out var values))
        {
            values = new BufferedValues<T>();
            _values.Add(id, values);
        }

        return ((BufferedValues<T>)values).Append(in component);
    }

    private enum CommandKind : byte
    {
        Create,
        Destroy,
        Set,
        Add,
        Remove,
    }

    /// <summary>One recorded command; values live in typed side lists so no command boxes.</summary>
    private readonly record struct Command(CommandKind Kind, Entity Entity, int ComponentId, int ValueIndex);

    private abstract class BufferedValues
    {
        public abstract void Set(World world, Entity entity, int index);

        public abstract void Add(World world, Entity entity, int index);

        public abstract void Clear();
    }

    private sealed class BufferedValues<T> : BufferedValues
    {
        private T[] _items = new T[16];
        private int _count;

        public int Append(in T value)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _count * 2);
            }

            _items[_count] = value;
            return _count++;
        }

        public override void Set(World world, Entity entity, int index) => world.Set(entity, in _items[index]);

        public override void Add(World world, Entity entity, int index) => world.Add(entity, in _items[index]);

        public override void Clear()
        {
            Array.Clear(_items, 0, _count);
            _count = 0;
        }
    }
}
