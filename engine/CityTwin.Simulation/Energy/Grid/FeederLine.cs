namespace CityTwin.Simulation.Energy.Grid;

/// <summary>One line (branch) of a feeder: a series impedance between two buses, numbered from 0.</summary>
public readonly struct FeederLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="fromBus">One end.</param>
    /// <param name="toBus">The other end.</param>
    /// <param name="resistanceOhm">Series resistance, Ω (per phase).</param>
    /// <param name="reactanceOhm">Series reactance, Ω (per phase).</param>
    public FeederLine(int fromBus, int toBus, double resistanceOhm, double reactanceOhm)
    {
        FromBus = fromBus;
        ToBus = toBus;
        ResistanceOhm = resistanceOhm;
        ReactanceOhm = reactanceOhm;
    }

    /// <summary>One end.</summary>
    public int FromBus { get; }

    /// <summary>The other end.</summary>
    public int ToBus { get; }

    /// <summary>Series resistance, Ω.</summary>
    public double ResistanceOhm { get; }

    /// <summary>Series reactance, Ω.</summary>
    public double ReactanceOhm { get; }
}
