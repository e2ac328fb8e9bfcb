using System.Globalization;
using CityTwin.Scenarios.Running;
using MathNet.Numerics.Distributions;

namespace CityTwin.Scenarios.Comparing;

/// <summary>
/// Compares two finished runs KPI by KPI: means over replications and the difference B − A with a 95% confidence
/// interval. When both runs used the same seeds (common random numbers, the default: replication r uses seed + r − 1),
/// replication r of A and of B share their random draws, so the interval is the paired t interval of the per-replication
/// differences — much tighter for edits that leave most of the city alone. Otherwise it is Welch's t interval. With a
/// single replication on either side there is no interval (shown as zero width, never significant).
/// </summary>
public static class RunComparer
{
    /// <summary>KPIs not compared (identifiers and machine-dependent timings).</summary>
    public static readonly string[] Skipped = ["seed", "replications", "wallSeconds", "realTimeFactor"];

    /// <summary>Compares two run folders (each with <c>kpis.json</c> and, with replications, <c>replications.csv</c>).</summary>
    /// <param name="runA">Folder of run A (the baseline).</param>
    /// <param name="runB">Folder of run B (the variant).</param>
    /// <returns>One row per KPI both runs have.</returns>
    /// <exception cref="InvalidDataException">A folder is not a finished run.</exception>
    public static List<KpiDifference> Compare(string runA, string runB)
    {
        var a = Samples(runA);
        var b = Samples(runB);
        var seedsA = Seeds(runA);
        return Compare(a, b, paired: seedsA.Length >= 2 && seedsA.SequenceEqual(Seeds(runB)));
    }

    /// <summary>Compares per-replication KPI samples.</summary>
    /// <param name="a">KPI name → values over replications, run A.</param>
    /// <param name="b">The same for run B.</param>
    /// <param name="paired">Replication r of A and B used the same seed: use the paired interval.</param>
    /// <returns>One row per KPI both runs have, in A's order.</returns>
    public static List<KpiDifference> Compare(IReadOnlyDictionary<string, double[]> a, IReadOnlyDictionary<string, double[]> b, bool paired = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rows = new List<KpiDifference>();
        foreach (var (name, xa) in a)
        {
            if (Skipped.Contains(name) || !b.TryGetValue(name, out var xb) || xa.Length == 0 || xb.Length == 0)
            {
                continue;
            }

            var ma = xa.Average();
            var mb = xb.Average();
            var d = mb - ma;
            var (low, high) = (d, d);
            if (paired && xa.Length == xb.Length && xa.Length >= 2)
            {
                var diffs = xa.Zip(xb, (x, y) => y - x).ToArray();
                var se = Math.Sqrt(Variance(diffs) / diffs.Length);
                var t = StudentT.InvCDF(0, 1, diffs.Length - 1, 0.975);
                (low, high) = (d - t * se, d + t * se);
            }
            else if (xa.Length >= 2 && xb.Length >= 2)
            {
                var va = Variance(xa) / xa.Length;
                var vb = Variance(xb) / xb.Length;
                var se = Math.Sqrt(va + vb);
                if (se > 0)
                {
                    // Welch–Satterthwaite degrees of freedom.
                    var df = (va + vb) * (va + vb) / (va * va / (xa.Length - 1) + vb * vb / (xb.Length - 1));
                    var t = StudentT.InvCDF(0, 1, df, 0.975);
                    (low, high) = (d - t * se, d + t * se);
                }
            }

            rows.Add(new KpiDifference(name, ma, mb, d, low, high, xa.Length, xb.Length) { Paired = paired && xa.Length == xb.Length });
        }

        return rows;
    }

    /// <summary>Per-replication KPI values of a run folder.</summary>
    /// <param name="runDirectory">The folder.</param>
    /// <returns>KPI name → values.</returns>
    public static Dictionary<string, double[]> Samples(string runDirectory)
    {
        var kpiPath = Path.Combine(runDirectory, "kpis.json");
        if (!File.Exists(kpiPath))
        {
            throw new InvalidDataException($"{runDirectory}: not a finished run (no kpis.json); run the scenario first with citytwin run");
        }

        var reps = Path.Combine(runDirectory, "replications.csv");
        if (!File.Exists(reps))
        {
            return KpiSet.Load(kpiPath).Numbers.ToDictionary(p => p.Key, p => new[] { p.Value });
        }

        var lines = File.ReadAllLines(reps);
        var header = lines[0].Split(',');
        var values = header.ToDictionary(h => h, _ => new List<double>());
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidDataException($"{reps}:{i + 1}: expected {header.Length} cells, found {cells.Length}");
            }

            for (var c = 0; c < cells.Length; c++)
            {
                values[header[c]].Add(cells[c].Length == 0 ? double.NaN : double.Parse(cells[c], CultureInfo.InvariantCulture));
            }
        }

        return values.Where(p => p.Key is not ("replication" or "seed")).ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>The seeds of a run's replications (from <c>replications.csv</c>, else <c>kpis.json</c>).</summary>
    /// <param name="runDirectory">The folder.</param>
    /// <returns>Seeds in replication order.</returns>
    public static double[] Seeds(string runDirectory)
    {
        var reps = Path.Combine(runDirectory, "replications.csv");
        return File.Exists(reps)
            ? IO.Tables.CsvTableReader.Read(reps).Numbers("seed")
            : [KpiSet.Load(Path.Combine(runDirectory, "kpis.json")).TryGet("seed", out var s) ? s : double.NaN];
    }

    /// <summary>Writes the comparison as CSV.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="path">Destination.</param>
    public static void WriteCsv(IReadOnlyList<KpiDifference> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        IO.Tables.TableWriter.WriteCsv(rows.Select(r => new
        {
            kpi = r.Name, meanA = r.MeanA, meanB = r.MeanB, difference = r.Difference, ci95Low = r.Ci95Low, ci95High = r.Ci95High,
            relativeDifference = r.RelativeDifference, significant = r.Significant, paired = r.Paired, replicationsA = r.ReplicationsA, replicationsB = r.ReplicationsB,
        }), path);
    }

    private static double Variance(double[] x)
    {
        var m = x.Average();
        return x.Sum(v => (v - m) * (v - m)) / (x.Length - 1);
    }
}
