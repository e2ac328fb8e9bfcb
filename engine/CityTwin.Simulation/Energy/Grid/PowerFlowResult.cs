namespace CityTwin.Simulation.Energy.Grid;

/// <summary>Summary of one radial power-flow solution.</summary>
public readonly struct PowerFlowResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="converged">Whether the voltage change fell below the tolerance.</param>
    /// <param name="iterations">Sweeps done.</param>
    /// <param name="lossesW">Active power lost in the lines, W (three-phase).</param>
    /// <param name="lossesVar">Reactive power lost in the lines, var (three-phase).</param>
    /// <param name="minVoltagePu">Lowest bus voltage magnitude, per unit.</param>
    /// <param name="minVoltageBus">Bus with the lowest voltage.</param>
    /// <param name="sourcePowerW">Active power drawn from the source, W.</param>
    public PowerFlowResult(
        bool converged, int iterations, double lossesW, double lossesVar, double minVoltagePu, int minVoltageBus, double sourcePowerW)
    {
        Converged = converged;
        Iterations = iterations;
        LossesW = lossesW;
        LossesVar = lossesVar;
        MinVoltagePu = minVoltagePu;
        MinVoltageBus = minVoltageBus;
        SourcePowerW = sourcePowerW;
    }

    /// <summary>Whether the voltage change fell below the tolerance.</summary>
    public bool Converged { get; }

    /// <summary>Sweeps done.</summary>
    public int Iterations { get; }

    /// <summary>Active line losses, W.</summary>
    public double LossesW { get; }

    /// <summary>Reactive line losses, var.</summary>
    public double LossesVar { get; }

    /// <summary>Lowest voltage magnitude, per unit.</summary>
    public double MinVoltagePu { get; }

    /// <summary>Bus with the lowest voltage.</summary>
    public int MinVoltageBus { get; }

    /// <summary>Active power drawn from the source (loads + losses), W.</summary>
    public double SourcePowerW { get; }
}
