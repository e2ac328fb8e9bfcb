using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Core;

/// <summary>
/// A registered component type: a dense id (0…<see cref="ComponentRegistry.MaxComponentTypes"/>−1) and its size.
/// </summary>
/// <param name="Id">Dense id, assigned in registration order.</param>
/// <param name="ByteSize">Size of one component value in bytes (an empty tag struct is 1 byte).</param>
public readonly record struct ComponentType(int Id, int ByteSize)
{
    /// <summary>The CLR type of the component.</summary>
    public Type Type => ComponentRegistry.TypeOf(Id);

    /// <summary>Looks up (registering on first use) the component type of a CLR type.</summary>
    /// <param name="type">A struct type.</param>
    [RequiresDynamicCode("Registers a component type from a runtime Type (MakeGenericType); a native build may lack its code. Use Component<T>.ComponentType.")]
    public static implicit operator ComponentType(Type type) => ComponentRegistry.GetOrAdd(type);
}

/// <summary>Per-type cache of the component type and its one-element signature: one static field read.</summary>
/// <typeparam name="T">The component struct.</typeparam>
public static class Component<T>
{
    /// <summary>The component type of <typeparamref name="T"/>.</summary>
    public static readonly ComponentType ComponentType = ComponentRegistry.Add<T>();

    /// <summary>A signature holding only <typeparamref name="T"/>.</summary>
    public static readonly Signature Signature = new(ComponentType);
}

/// <summary>
/// Process-wide registry of component types. Ids are dense and stable for the life of the process.
/// </summary>
/// <remarks>
/// Implementation note: ids depend on registration order, which can differ between runs, so nothing observable may
/// depend on ids (archetype order, query order and outputs follow creation order instead).
/// </remarks>
public static class ComponentRegistry
{
    /// <summary>Most component types a process can register (the signature is a 256-bit set).</summary>
    public const int MaxComponentTypes = Signature.Capacity;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<Type, ComponentType> ByType = [];
    private static Type[] _types = new Type[64];
    private static ComponentType[] _componentTypes = new ComponentType[64];
    private static ComponentOps[] _ops = new ComponentOps[64];

    /// <summary>Number of registered component types.</summary>
    public static int Count { get; private set; }

    /// <summary>Registers <typeparamref name="T"/> (idempotent) and returns its component type.</summary>
    /// <typeparam name="T">The component struct.</typeparam>
    /// <returns>The component type.</returns>
    public static ComponentType Add<T>()
    {
        lock (Gate)
        {
            if (ByType.TryGetValue(typeof(T), out var existing))
            {
                return existing;
            }

            return Register(typeof(T), Unsafe.SizeOf<T>(), new ComponentOps<T>());
        }
    }

    /// <summary>Finds the component type of a CLR type if it is registered.</summary>
    /// <param name="type">The CLR type.</param>
    /// <param name="componentType">The component type when found.</param>
    /// <returns>True when <paramref name="type"/> is registered.</returns>
    public static bool TryGet(Type type, out ComponentType componentType)
    {
        lock (Gate)
        {
            return ByType.TryGetValue(type, out componentType);
        }
    }

    /// <summary>Finds or registers a CLR type through reflection (not for hot paths).</summary>
    /// <param name="type">A value type.</param>
    /// <returns>The component type.</returns>
    [RequiresDynamicCode("Registers a component type from a runtime Type (MakeGenericType); a native build may lack its code. Use Component<T>.ComponentType.")]
    public static ComponentType GetOrAdd(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (TryGet(type, out var found))
        {
            return found;
        }

        if (!type.IsValueType)
        {
            throw new ArgumentException($"Component type {type} must be a struct.", nameof(type));
        }

        // Touching Component<T> registers the type through the generic path, so its ops are typed.
        var holder = typeof(Component<>).MakeGenericType(type);
        return (ComponentType)holder.GetField(nameof(Component<int>.ComponentType))!.GetValue(null)!;
    }

    /// <summary>The CLR type of a component id.</summary>
    /// <param name="id">A registered id.</param>
    /// <returns>The CLR type.</returns>
    public static Type TypeOf(int id) => Volatile.Read(ref _types)[id];

    /// <summary>The component type of a registered id.</summary>
    /// <param name="id">A registered id.</param>
    /// <returns>The component type.</returns>
    public static ComponentType Get(int id) => Volatile.Read(ref _componentTypes)[id];

    /// <summary>Typed array operations of a component id.</summary>
    internal static ComponentOps OpsOf(int id) => Volatile.Read(ref _ops)[id];

    private static ComponentType Register(Type type, int byteSize, ComponentOps ops)
    {
        if (Count >= MaxComponentTypes)
        {
            throw new InvalidOperationException(
                $"Cannot register component {type}: at most {MaxComponentTypes} component types are supported.");
        }

        var componentType = new ComponentType(Count, byteSize);
        if (Count == _types.Length)
        {
            var types = new Type[_types.Length * 2];
            var ops2 = new ComponentOps[_ops.Length * 2];
            var componentTypes = new ComponentType[_componentTypes.Length * 2];
            Array.Copy(_types, types, Count);
            Array.Copy(_ops, ops2, Count);
            Array.Copy(_componentTypes, componentTypes, Count);
            Volatile.Write(ref _types, types);
            Volatile.Write(ref _ops, ops2);
            Volatile.Write(ref _componentTypes, componentTypes);
        }

        _types[Count] = type;
        _componentTypes[Count] = componentType;
        _ops[Count] = ops;
        ByType.Add(type, componentType);
        Count++;
        return componentType;
    }
}
