using System.Diagnostics.CodeAnalysis;
using System.Text;
using Parquet;
using Parquet.Schema;
using CityTwin.Model.Files;

namespace CityTwin.IO.Tables;

/// <summary>
/// Writes rows of a record type as a table: CSV (RFC 4180, invariant culture, header of property names) or Parquet
/// (one column per property, via Parquet.Net's column writer). Files are written to a temporary name and moved into place, so a
/// failed or interrupted write never leaves a half-written table.
/// </summary>
public static class TableWriter
{
    /// <summary>Writes a CSV table.</summary>
    /// <typeparam name="T">The row type; its public instance properties are the columns, in declaration order.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="path">Destination file.</param>
    public static void WriteCsv<[DynamicallyAccessedMembers(Columns)] T>(IEnumerable<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = ColumnsOf<T>.All;
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine(string.Join(',', columns.Select(c => c.Name)));
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                line.Clear();
                for (var i = 0; i < columns.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    columns[i].AppendCsv(row, line);
                }

                writer.WriteLine(line);
            }
        });
    }

    /// <summary>Writes a Parquet table: one row group, one column per property (numbers and bools required, strings
    /// optional, enums as their integer value).</summary>
    /// <typeparam name="T">The row type; its public instance properties are the columns.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="path">Destination file.</param>
    public static void WriteParquet<[DynamicallyAccessedMembers(Columns)] T>(IEnumerable<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IList<T> ?? rows.ToList();
        var columns = ColumnsOf<T>.All;
        AtomicFile.Write(path, stream => WriteRowGroup(stream, columns.Select(c => c.Field), group =>
        {
            foreach (var column in columns)
            {
                column.WriteParquet(group, list);
            }
        }));
    }

    /// <summary>Writes a Parquet file of one row group: the schema of <paramref name="fields"/>, then the columns
    /// <paramref name="writeColumns"/> writes into the group, in the same order.</summary>
    internal static void WriteRowGroup(Stream stream, IEnumerable<DataField> fields, Action<ParquetRowGroupWriter> writeColumns)
    {
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields.Cast<Field>()), stream).GetAwaiter().GetResult();
        try
        {
            using var group = writer.CreateRowGroup();
            writeColumns(group);
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Writes <c>name.csv</c> and <c>name.parquet</c> in a folder.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="directory">Destination folder (created if missing).</param>
    /// <param name="name">Table name (file name without extension).</param>
    public static void WriteBoth<[DynamicallyAccessedMembers(Columns)] T>(IEnumerable<T> rows, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var list = rows as IList<T> ?? rows.ToList();
        WriteCsv(list, Path.Combine(directory, name + ".csv"));
        WriteParquet(list, Path.Combine(directory, name + ".parquet"));
    }

    /// <summary>The column names a row type produces (its public instance properties, in declaration order).</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <returns>The names.</returns>
    public static string[] ColumnNames<[DynamicallyAccessedMembers(Columns)] T>() => [.. ColumnsOf<T>.All.Select(c => c.Name)];

    /// <summary>What a row type must keep in a trimmed build for its columns to be found.</summary>
    internal const DynamicallyAccessedMemberTypes Columns = DynamicallyAccessedMemberTypes.PublicProperties;

    /// <summary>The columns of a row type, built once (not in a static initializer: an unsupported column type must
    /// surface as its own exception, not as a TypeInitializationException).</summary>
    private static class ColumnsOf<[DynamicallyAccessedMembers(Columns)] T>
    {
        private static TableColumn<T>[]? _all;

        public static TableColumn<T>[] All => _all ??= TableColumn<T>.Of();
    }

    /// <summary>Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180).</summary>
    internal static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
