namespace CityTwin.Model.Reporting;

/// <summary>What an importer read, kept, skipped and why. Travels with the model (and its cache).</summary>
public sealed class ImportReport
{
    /// <summary>Creates a report.</summary>
    /// <param name="sourceName">File name of the source.</param>
    /// <param name="nodesRead">OSM nodes read.</param>
    /// <param name="waysRead">OSM ways read.</param>
    /// <param name="relationsRead">OSM relations read.</param>
    /// <param name="entries">Skipped or changed elements, by reason.</param>
    public ImportReport(string sourceName, long nodesRead, long waysRead, long relationsRead, IReadOnlyList<ReportEntry> entries)
    {
        SourceName = sourceName;
        NodesRead = nodesRead;
        WaysRead = waysRead;
        RelationsRead = relationsRead;
        Entries = entries;
    }

    /// <summary>An empty report (for models built in code).</summary>
    public static ImportReport Empty { get; } = new(string.Empty, 0, 0, 0, []);

    /// <summary>File name of the source.</summary>
    public string SourceName { get; }

    /// <summary>OSM nodes read.</summary>
    public long NodesRead { get; }

    /// <summary>OSM ways read.</summary>
    public long WaysRead { get; }

    /// <summary>OSM relations read.</summary>
    public long RelationsRead { get; }

    /// <summary>Skipped or changed elements, by reason.</summary>
    public IReadOnlyList<ReportEntry> Entries { get; }

    /// <summary>Count of one reason, or 0 if the report has no such entry.</summary>
    /// <param name="category">Category.</param>
    /// <param name="reason">Reason, exactly as reported.</param>
    /// <returns>The count.</returns>
    public long CountOf(string category, string reason)
    {
        foreach (var e in Entries)
        {
            if (e.Category == category && e.Reason == reason)
            {
                return e.Count;
            }
        }

        return 0;
    }
}
