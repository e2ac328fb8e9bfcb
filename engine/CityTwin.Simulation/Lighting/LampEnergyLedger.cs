namespace CityTwin.Simulation.Lighting;

/// <summary>
/// Per-lamp energy and time accounting (struct-of-arrays): energy, burning time, time dimmed below full output and
/// time boosted by presence. City and road totals are sums over lamps, so they always equal the per-lamp figures.
/// </summary>
public sealed class LampEnergyLedger
{
    private readonly Luminaire[] _luminaires;

    /// <summary>Creates a ledger.</summary>
    /// <param name="luminaires">One luminaire per lamp.</param>
    public LampEnergyLedger(Luminaire[] luminaires)
    {
        ArgumentNullException.ThrowIfNull(luminaires);
        _luminaires = luminaires;
        EnergyWh = new double[luminaires.Length];
        BurningS = new double[luminaires.Length];
        DimmedS = new double[luminaires.Length];
        BoostedS = new double[luminaires.Length];
    }

    /// <summary>Number of lamps.</summary>
    public int LampCount => _luminaires.Length;

    /// <summary>Energy per lamp, Wh.</summary>
    public double[] EnergyWh { get; }

    /// <summary>Burning time per lamp, s.</summary>
    public double[] BurningS { get; }

    /// <summary>Time burning below full output per lamp, s.</summary>
    public double[] DimmedS { get; }

    /// <summary>Time boosted by presence per lamp, s.</summary>
    public double[] BoostedS { get; }

    /// <summary>Records one step of one lamp.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <param name="level">Commanded level, 0–1.</param>
    /// <param name="stepS">Step length, s.</param>
    /// <param name="boosted">Whether presence boosted the lamp in this step.</param>
    public void Record(int lamp, double level, double stepS, bool boosted = false)
    {
        if (level <= 0.0)
        {
            return;
        }

        EnergyWh[lamp] += _luminaires[lamp].PowerW(level) * stepS / 3600.0;
        BurningS[lamp] += stepS;
        if (level < 1.0)
        {
            DimmedS[lamp] += stepS;
        }

        if (boosted)
        {
            BoostedS[lamp] += stepS;
        }
    }

    /// <summary>Total energy of a set of lamps (e.g. one road), kWh.</summary>
    /// <param name="lamps">Lamp indices.</param>
    /// <returns>kWh.</returns>
    public double TotalKWh(ReadOnlySpan<int> lamps)
    {
        double sum = 0.0;
        foreach (int l in lamps)
        {
            sum += EnergyWh[l];
        }

        return sum / 1000.0;
    }

    /// <summary>Total energy of all lamps, kWh.</summary>
    /// <returns>kWh.</returns>
    public double TotalKWh()
    {
        double sum = 0.0;
        foreach (double e in EnergyWh)
        {
            sum += e;
        }

        return sum / 1000.0;
    }
}
