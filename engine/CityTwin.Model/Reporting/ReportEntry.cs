namespace CityTwin.Model.Reporting;

/// <summary>One line of an import report: what was skipped or changed, why, how often, with example OSM ids.</summary>
public sealed class ReportEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="category">Area: input, roads, signals, buildings, lamps.</param>
    /// <param name="reason">Why, in a few words.</param>
    /// <param name="severity">Info or warning.</param>
    /// <param name="count">How many elements.</param>
    /// <param name="exampleIds">Up to a few example OSM element ids (e.g. "way 123").</param>
    public ReportEntry(string category, string reason, ReportSeverity severity, long count, IReadOnlyList<string> exampleIds)
    {
        Category = category;
        Reason = reason;
        Severity = severity;
        Count = count;
        ExampleIds = exampleIds;
    }

    /// <summary>Area: input, roads, signals, buildings, lamps.</summary>
    public string Category { get; }

    /// <summary>Why, in a few words.</summary>
    public string Reason { get; }

    /// <summary>Info or warning.</summary>
    public ReportSeverity Severity { get; }

    /// <summary>How many elements.</summary>
    public long Count { get; }

    /// <summary>Example OSM element ids such as "way 123" or "relation 9".</summary>
    public IReadOnlyList<string> ExampleIds { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var ids = ExampleIds.Count == 0 ? string.Empty : $" (e.g. {string.Join(", ", ExampleIds)})";
        var tag = Severity == ReportSeverity.Warning ? "warning" : "info";
        return FormattableString.Invariant($"[{tag}] {Category}: {Count} {Reason}{ids}");
    }
}
