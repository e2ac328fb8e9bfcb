using CityTwin.Model.Reporting;

namespace CityTwin.IO.Sumo;

/// <summary>
/// Collects what a SUMO reader skipped, approximated or did not understand, keyed by (category, reason), with a few
/// example ids each, so every unsupported element or attribute is reported once with its count.
/// </summary>
public sealed class SumoReport
{
    private const int MaxExamples = 3;
    private readonly Dictionary<(string Category, string Reason), Entry> _entries = [];
    private readonly List<(string Category, string Reason)> _order = [];

    /// <summary>Counts one occurrence.</summary>
    /// <param name="category">Area: input, roads, signals, demand, detectors.</param>
    /// <param name="reason">Why, in a few words (the same text for the same cause).</param>
    /// <param name="severity">Info or warning.</param>
    /// <param name="exampleId">An example id, or null.</param>
    public void Add(string category, string reason, ReportSeverity severity, string? exampleId = null)
    {
        var key = (category, reason);
        if (!_entries.TryGetValue(key, out var e))
        {
            e = new Entry(severity);
            _entries[key] = e;
            _order.Add(key);
        }

        e.Count++;
        if (exampleId is not null && e.Examples.Count < MaxExamples)
        {
            e.Examples.Add(exampleId);
        }
    }

    /// <summary>Count of one reason, or 0.</summary>
    /// <param name="category">Category.</param>
    /// <param name="reason">Reason, exactly as reported.</param>
    /// <returns>The count.</returns>
    public long CountOf(string category, string reason) => _entries.TryGetValue((category, reason), out var e) ? e.Count : 0;

    /// <summary>The entries in the order they were first seen.</summary>
    /// <returns>The entries.</returns>
    public IReadOnlyList<ReportEntry> ToEntries() =>
        _order.Select(k => new ReportEntry(k.Category, k.Reason, _entries[k].Severity, _entries[k].Count, _entries[k].Examples.ToArray())).ToArray();

    /// <inheritdoc/>
    public override string ToString() => string.Join(Environment.NewLine, ToEntries());

    private sealed class Entry(ReportSeverity severity)
    {
        public ReportSeverity Severity { get; } = severity;

        public long Count { get; set; }

        public List<string> Examples { get; } = [];
    }
}
