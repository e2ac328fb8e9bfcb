using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace CityTwin.IO.Tables;

/// <summary>
/// One column of a row type: a public property read through a typed delegate, appended to a CSV line and written as a
/// Parquet column without boxing. Built once per row type.
/// </summary>
/// <remarks>
/// Why typed delegates over the property getters rather than compiled expression trees or a reflection serializer:
/// they cost no code generation at start (a one-second run compiled ~150 methods for expression trees and Parquet.Net's
/// serializer) and they work unchanged in a native (ahead-of-time compiled) build, where expression trees are
/// interpreted and metadata tokens do not exist.
/// </remarks>
/// <typeparam name="T">The row type.</typeparam>
internal abstract class TableColumn<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>
{
    private delegate TValue RefGetter<TValue>(ref T row);

    private protected TableColumn(string name) => Name = name;

    /// <summary>Column name (the property name).</summary>
    public string Name { get; }

    /// <summary>The Parquet field of the column.</summary>
    public abstract DataField Field { get; }

    /// <summary>The columns of <typeparamref name="T"/>: its public instance properties, in declaration order.</summary>
    /// <returns>The columns.</returns>
    /// <exception cref="NotSupportedException">A property has a type no table column can hold.</exception>
    public static TableColumn<T>[] Of()
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null).ToArray();
        // Declaration order: the runtime lists properties in metadata order, but does not promise it; where metadata
        // tokens exist (not in a native build) they fix the order for certain.
        if (properties.All(p => p.HasMetadataToken()))
        {
            properties = [.. properties.OrderBy(p => p.MetadataToken)];
        }

        return [.. properties.Select(Create)];
    }

    /// <summary>Appends the cell of <paramref name="row"/> (CSV syntax, invariant culture, empty for NaN).</summary>
    /// <param name="row">The row.</param>
    /// <param name="line">The line being built.</param>
    public abstract void AppendCsv(T row, StringBuilder line);

    /// <summary>Writes the column of all rows into a Parquet row group.</summary>
    /// <param name="group">The row group.</param>
    /// <param name="rows">The rows.</param>
    public abstract void WriteParquet(ParquetRowGroupWriter group, IList<T> rows);

    private static TableColumn<T> Create(PropertyInfo property)
    {
        var type = property.PropertyType;
        var name = property.Name;
        return type == typeof(double) ? new ValueColumn<double>(name, Getter<double>(property), AppendDouble)
            : type == typeof(float) ? new ValueColumn<float>(name, Getter<float>(property), AppendFloat)
            : type == typeof(int) ? Integer<int>(property)
            : type == typeof(long) ? Integer<long>(property)
            : type == typeof(short) ? Integer<short>(property)
            : type == typeof(byte) ? Integer<byte>(property)
            : type == typeof(uint) ? Integer<uint>(property)
            : type == typeof(ushort) ? Integer<ushort>(property)
            : type == typeof(sbyte) ? Integer<sbyte>(property)
            : type == typeof(bool) ? new ValueColumn<bool>(name, Getter<bool>(property), (l, v) => l.Append(v ? "true" : "false"))
            : type == typeof(string) ? new StringColumn(name, Getter<string?>(property))
            : type.IsEnum && Type.GetTypeCode(Enum.GetUnderlyingType(type)) is >= TypeCode.SByte and <= TypeCode.Int32 ? new EnumColumn(property)
            : throw new NotSupportedException(
                $"Table column {typeof(T).Name}.{name} is of type {type.Name}; a table column holds a number, bool, string or enum (of at most 32 bits).");
    }

    private static ValueColumn<TValue> Integer<TValue>(PropertyInfo property)
        where TValue : struct, ISpanFormattable =>
        new(property.Name, Getter<TValue>(property), (line, value) => line.Append(CultureInfo.InvariantCulture, $"{value}"));

    private static Func<T, TValue> Getter<TValue>(PropertyInfo property)
    {
        var get = property.GetMethod!;
        if (!typeof(T).IsValueType)
        {
            return get.CreateDelegate<Func<T, TValue>>();
        }

        // A struct's getter takes its row by reference: an open delegate over it must too.
        var open = get.CreateDelegate<RefGetter<TValue>>();
        return row => open(ref row);
    }

    private static void AppendDouble(StringBuilder line, double value)
    {
        if (!double.IsNaN(value))
        {
            line.Append(CultureInfo.InvariantCulture, $"{value:R}");
        }
    }

    private static void AppendFloat(StringBuilder line, float value)
    {
        if (!float.IsNaN(value))
        {
            line.Append(CultureInfo.InvariantCulture, $"{value:R}");
        }
    }

    private static void Write<TValue>(ParquetRowGroupWriter group, DataField field, TValue[] values)
        where TValue : struct =>
        group.WriteAsync<TValue>(field, values.AsMemory(), null).GetAwaiter().GetResult();

    private sealed class ValueColumn<TValue>(string name, Func<T, TValue> get, Action<StringBuilder, TValue> append) : TableColumn<T>(name)
        where TValue : struct
    {
        public override DataField Field { get; } = new DataField<TValue>(name);

        public override void AppendCsv(T row, StringBuilder line) => append(line, get(row));

        public override void WriteParquet(ParquetRowGroupWriter group, IList<T> rows)
        {
            var values = new TValue[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = get(rows[i]);
            }

            Write(group, Field, values);
        }
    }

    private sealed class StringColumn(string name, Func<T, string?> get) : TableColumn<T>(name)
    {
        public override DataField Field { get; } = new DataField<string>(name);

        public override void AppendCsv(T row, StringBuilder line)
        {
            if (get(row) is { } value)
            {
                line.Append(TableWriter.Quote(value));
            }
        }

        public override void WriteParquet(ParquetRowGroupWriter group, IList<T> rows) =>
            group.WriteAsync(Field, rows.Select(r => get(r)!).ToArray(), null).GetAwaiter().GetResult();
    }

    /// <summary>An enum column: its name in CSV, its value as its underlying integer type in Parquet (as Parquet.Net's
    /// serializer stores it).</summary>
    private sealed class EnumColumn(PropertyInfo property) : TableColumn<T>(property.Name)
    {
        private readonly TypeCode _underlying = Type.GetTypeCode(Enum.GetUnderlyingType(property.PropertyType));

        public override DataField Field { get; } = new(property.Name, Enum.GetUnderlyingType(property.PropertyType), isNullable: false);

        // Boxed reads: enum columns are a trip's status and the like, one per row of a table of thousands.
        public override void AppendCsv(T row, StringBuilder line) => line.Append(property.GetValue(row)?.ToString());

        public override void WriteParquet(ParquetRowGroupWriter group, IList<T> rows)
        {
            switch (_underlying)
            {
                case TypeCode.Byte: Write(group, Field, Values(rows, Convert.ToByte)); break;
                case TypeCode.SByte: Write(group, Field, Values(rows, Convert.ToSByte)); break;
                case TypeCode.Int16: Write(group, Field, Values(rows, Convert.ToInt16)); break;
                case TypeCode.UInt16: Write(group, Field, Values(rows, Convert.ToUInt16)); break;
                default: Write(group, Field, Values(rows, Convert.ToInt32)); break;
            }
        }

        private TValue[] Values<TValue>(IList<T> rows, Func<object?, IFormatProvider, TValue> convert)
        {
            var values = new TValue[rows.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = convert(property.GetValue(rows[i]), CultureInfo.InvariantCulture);
            }

            return values;
        }
    }
}
