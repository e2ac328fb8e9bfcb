using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CityTwin.Model.Cache;

/// <summary>
/// Which bytes of an unmanaged struct belong to its fields and which are alignment padding. The cache writes model
/// structs as raw memory; padding holds whatever was there before (zeros under the JIT, stack leftovers in a native
/// build), so it is cleared on the way out and the same city always gives the same cache bytes.
/// </summary>
/// <typeparam name="T">The struct.</typeparam>
internal static class StructPadding<[DynamicallyAccessedMembers(StructPadding.Members)] T>
    where T : unmanaged
{
    /// <summary>0xFF for each byte of a field, 0 for each padding byte; null when the struct has no padding.</summary>
    public static readonly byte[]? FieldMask = BuildMask();

    private static byte[]? BuildMask()
    {
        // Every field set to a value with no zero byte: the bytes still zero afterwards are padding.
        var filled = (T)Filled(typeof(T));
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in filled));
        var mask = new byte[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            mask[i] = bytes[i] == 0 ? (byte)0 : (byte)0xFF;
        }

        return Array.IndexOf(mask, (byte)0) < 0 ? null : mask;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Nested field types of a model struct are kept with it (DynamicallyAccessedMembers on T covers the top level; model assemblies are not trimmed).")]
    private static object Filled([DynamicallyAccessedMembers(StructPadding.Members)] Type type)
    {
        if (type.IsEnum)
        {
            return Enum.ToObject(type, Filled(Enum.GetUnderlyingType(type)));
        }

        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Boolean: return true;
            case TypeCode.Byte: return (byte)0x01;
            case TypeCode.SByte: return (sbyte)0x01;
            case TypeCode.Int16: return (short)0x0101;
            case TypeCode.UInt16: return (ushort)0x0101;
            case TypeCode.Char: return (char)0x0101;
            case TypeCode.Int32: return 0x01010101;
            case TypeCode.UInt32: return 0x01010101u;
            case TypeCode.Int64: return 0x0101010101010101L;
            case TypeCode.UInt64: return 0x0101010101010101UL;
            case TypeCode.Single: return BitConverter.Int32BitsToSingle(0x01010101);
            case TypeCode.Double: return BitConverter.Int64BitsToDouble(0x0101010101010101L);
        }

        var boxed = Activator.CreateInstance(type)!;
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            field.SetValue(boxed, Filled(field.FieldType));
        }

        return boxed;
    }
}

/// <summary>What <see cref="StructPadding{T}"/> reads of a struct by reflection (kept in a trimmed build).</summary>
internal static class StructPadding
{
    /// <summary>Fields and the default constructor.</summary>
    public const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;
}
