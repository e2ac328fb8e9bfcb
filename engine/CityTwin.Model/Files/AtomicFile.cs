using System.Text;

namespace CityTwin.Model.Files;

/// <summary>
/// Writes a file through a temporary file in the same folder that is moved over the target only when complete, so an
/// exception or a crash never leaves a half-written file under the real name; on failure the temporary file is removed
/// and the target keeps its old content. Every writer of outputs, caches and reports goes through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>.</summary>
    /// <param name="path">Target file (replaced when complete).</param>
    /// <param name="write">Writes the content; the stream is closed afterwards.</param>
    /// <param name="createDirectory">Whether to create the target's folder when it does not exist.</param>
    public static void Write(string path, Action<FileStream> write, bool createDirectory = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (createDirectory)
        {
            Directory.CreateDirectory(directory);
        }

        // Hidden, unique per writer: two processes writing the same target never share a temporary file.
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
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

    /// <summary>Writes a UTF-8 text file (no byte-order mark) with <paramref name="write"/>.</summary>
    /// <param name="path">Target file (replaced when complete).</param>
    /// <param name="write">Writes the text.</param>
    /// <param name="createDirectory">Whether to create the target's folder when it does not exist.</param>
    public static void WriteText(string path, Action<TextWriter> write, bool createDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            write(writer);
        }, createDirectory);
    }
}
