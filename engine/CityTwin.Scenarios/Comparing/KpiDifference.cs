namespace CityTwin.Scenarios.Comparing;

/// <summary>
/// One KPI of two runs side by side: means over replications, the difference B − A with its 95% confidence interval
/// (Welch's t interval when both runs have at least two replications, otherwise a zero-width interval).
/// </summary>
/// <param name="Name">KPI name as in <c>kpis.json</c> (e.g. <c>meanTripDurationS</c>).</param>
/// <param name="MeanA">Mean of run A over its replications.</param>
/// <param name="MeanB">Mean of run B over its replications.</param>
/// <param name="Difference">MeanB − MeanA.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval of the difference.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval of the difference.</param>
/// <param name="ReplicationsA">Replications in run A.</param>
/// <param name="ReplicationsB">Replications in run B.</param>
public sealed record KpiDifference(
    string Name, double MeanA, double MeanB, double Difference, double Ci95Low, double Ci95High, int ReplicationsA, int ReplicationsB)
{
    /// <summary>Whether the interval is the paired one (both runs used the same seeds, replication by replication).</summary>
    public bool Paired { get; init; }

    /// <summary>Relative difference (B − A) / |A|, or NaN when A is zero.</summary>
    public double RelativeDifference => MeanA == 0 ? double.NaN : Difference / Math.Abs(MeanA);

    /// <summary>
    /// Whether the confidence interval excludes zero (the change is significant at 5%); never with a single replication
    /// on either side, where there is no interval.
    /// </summary>
    public bool Significant => ReplicationsA >= 2 && ReplicationsB >= 2 && (Ci95Low > 0 || Ci95High < 0);
}
