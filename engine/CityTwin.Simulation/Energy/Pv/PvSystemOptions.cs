namespace CityTwin.Simulation.Energy.Pv;

/// <summary>Assumptions for rooftop PV arrays (PVWatts v5 defaults unless stated).</summary>
public sealed class PvSystemOptions
{
    /// <summary>Array tilt, degrees (PVWatts default for fixed open rack is 20°; 30° suits mid-latitude roofs).</summary>
    public double TiltDeg { get; init; } = 30.0;

    /// <summary>Array azimuth, degrees from north; null = facing the equator.</summary>
    public double? AzimuthDeg { get; init; }

    /// <summary>Module power temperature coefficient, 1/°C (PVWatts "standard" module −0.47 %/°C).</summary>
    public double TemperatureCoefficientPerC { get; init; } = -0.0047;

    /// <summary>Total system losses, percent (PVWatts default 14.08 %).</summary>
    public double SystemLossPercent { get; init; } = PvWatts.DefaultSystemLossPercent;

    /// <summary>DC-to-AC ratio (PVWatts default 1.2).</summary>
    public double DcAcRatio { get; init; } = 1.2;

    /// <summary>Nominal inverter efficiency (PVWatts default 0.96).</summary>
    public double InverterEfficiency { get; init; } = PvWatts.DefaultInverterEfficiency;
}
