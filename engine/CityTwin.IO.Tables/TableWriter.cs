using System.Globalization;
using System.Reflection;
using System.Text;
using Parquet.Serialization;

namespace CityTwin.IO.Tables;

/// <summary>
/// Writes rows of a record type as a table: CSV (RFC 4180, invariant culture, header of property names) or Parquet
/// (one column per property, via Parquet.Net). Files are written to a temporary name and moved into place, so a
/// failed or interrupted write never leaves a half-written table.
/// </summary>
public static class TableWriter
{
    /// <summary>Writes a CSV table.</summary>
    /// <typeparam name="T">The row type; its public instance properties are the columns, in declaration order.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="path">Destination file.</param>
    public static void WriteCsv<T>(IEnumerable<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var properties = Columns<T>();
        WriteAtomically(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine(string.Join(',', properties.Select(p => p.Name)));
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                line.Clear();
                for (var i = 0; i < properties.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    line.Append(Format(properties[i].GetValue(row)));
                }

                writer.WriteLine(line);
            }
        });
    }

    /// <summary>Writes a Parquet table.</summary>
    /// <typeparam name="T">The row type; its public properties are the columns.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="path">Destination file.</param>
    public static void WriteParquet<T>(IEnumerable<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IList<T> ?? rows.ToList();
        WriteAtomically(path, stream => ParquetSerializer.SerializeAsync(list, stream).GetAwaiter().GetResult());
    }

    /// <summary>Writes <c>name.csv</c> and <c>name.parquet</c> in a folder.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="rows">The rows.</param>
    /// <param name="directory">Destination folder (created if missing).</param>
    /// <param name="name">Table name (file name without extension).</param>
    public static void WriteBoth<T>(IEnumerable<T> rows, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var list = rows as IList<T> ?? rows.ToList();
        WriteCsv(list, Path.Combine(directory, name + ".csv"));
        WriteParquet(list, Path.Combine(directory, name + ".parquet"));
    }

    /// <summary>The column names a row type produces (its public instance properties, in declaration order).</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <returns>The names.</returns>
    public static string[] ColumnNames<T>() => Columns<T>().Select(p => p.Name).ToArray();

    private static PropertyInfo[] Columns<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken).ToArray();

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d when double.IsNaN(d) => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => Quote(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    /// <summary>Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180).</summary>
    internal static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    /// <summary>Writes through a temporary file moved into place, so no half-written file is ever left.</summary>
    internal static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
