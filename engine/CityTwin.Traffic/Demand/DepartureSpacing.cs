namespace CityTwin.Traffic.Demand;

/// <summary>How the departures of an OD cell are placed in its interval.</summary>
public enum DepartureSpacing : byte
{
    /// <summary>
    /// Independent uniform draws in [begin, end) (od2trips' default). For a fixed count this is exactly a Poisson
    /// process conditioned on that count, so it also stands for Poisson arrivals.
    /// </summary>
    Random = 0,

    /// <summary>Evenly spread: departure k of n at begin + (k + ½)·(end − begin)/n (od2trips <c>--spread.uniform</c>).</summary>
    Even = 1,
}
