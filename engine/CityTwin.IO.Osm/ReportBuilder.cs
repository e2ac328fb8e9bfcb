using CityTwin.Model.Reporting;

namespace CityTwin.IO.Osm;

/// <summary>Collects report entries (counts per reason with a few example ids) during an import.</summary>
internal sealed class ReportBuilder
{
    private const int MaxExamples = 5;
    private readonly List<(string Category, string Reason, ReportSeverity Severity)> _order = new();
    private readonly Dictionary<(string, string), (long Count, List<string> Ids, ReportSeverity Severity)> _entries = new();

    /// <summary>Counts one element.</summary>
    /// <param name="category">Area.</param>
    /// <param name="reason">Reason.</param>
    /// <param name="severity">Severity.</param>
    /// <param name="id">Element id such as "way 123", or null.</param>
    public void Add(string category, string reason, ReportSeverity severity, string? id) => Add(category, reason, severity, id, 1);

    /// <summary>Counts several elements at once.</summary>
    /// <param name="category">Area.</param>
    /// <param name="reason">Reason.</param>
    /// <param name="severity">Severity.</param>
    /// <param name="id">Example element id, or null.</param>
    /// <param name="count">How many.</param>
    public void Add(string category, string reason, ReportSeverity severity, string? id, long count)
    {
        var key = (category, reason);
        if (!_entries.TryGetValue(key, out var e))
        {
            e = (0, new List<string>(), severity);
            _order.Add((category, reason, severity));
        }

        if (id != null && e.Ids.Count < MaxExamples && !e.Ids.Contains(id))
        {
            e.Ids.Add(id);
        }

        _entries[key] = (e.Count + count, e.Ids, e.Severity);
    }

    /// <summary>Count so far for a reason.</summary>
    /// <param name="category">Area.</param>
    /// <param name="reason">Reason.</param>
    /// <returns>The count.</returns>
    public long CountOf(string category, string reason) =>
        _entries.TryGetValue((category, reason), out var e) ? e.Count : 0;

    /// <summary>The entries in the order first seen.</summary>
    /// <returns>Entries.</returns>
    public List<ReportEntry> Build()
    {
        var list = new List<ReportEntry>(_order.Count);
        foreach (var (category, reason, severity) in _order)
        {
            var e = _entries[(category, reason)];
            list.Add(new ReportEntry(category, reason, severity, e.Count, e.Ids.ToArray()));
        }

        return list;
    }
}
