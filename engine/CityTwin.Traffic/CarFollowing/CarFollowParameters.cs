using System.Runtime.InteropServices;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.CarFollowing;

/// <summary>The hot subset of a <see cref="VehicleType"/>, as a blittable struct for the inner loop.</summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct CarFollowParameters
{
    /// <summary>Copies the parameters of a type.</summary>
    /// <param name="type">The vehicle type.</param>
    public CarFollowParameters(VehicleType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Model = type.Model;
        LengthM = type.LengthM;
        MinGapM = type.MinGapM;
        AccelMps2 = type.AccelMps2;
        DecelMps2 = type.DecelMps2;
        EmergencyDecelMps2 = type.EmergencyDecelMps2;
        TauS = type.TauS;
        Sigma = type.Sigma;
        Delta = type.Delta;
        MaxSpeedMps = type.MaxSpeedMps;
        Politeness = type.Politeness;
        ChangeThresholdMps2 = type.ChangeThresholdMps2;
        KeepRightBiasMps2 = type.KeepRightBiasMps2;
        SpeedGainRight = type.SpeedGainRight;
        SafeDecelMps2 = type.SafeDecelMps2;
    }

    /// <summary>Car-following model.</summary>
    public CarFollowModel Model { get; }

    /// <summary>Length, metres.</summary>
    public double LengthM { get; }

    /// <summary>Minimum gap, metres.</summary>
    public double MinGapM { get; }

    /// <summary>Maximum acceleration, m/s².</summary>
    public double AccelMps2 { get; }

    /// <summary>Comfortable deceleration, m/s².</summary>
    public double DecelMps2 { get; }

    /// <summary>Emergency deceleration, m/s².</summary>
    public double EmergencyDecelMps2 { get; }

    /// <summary>Time headway, seconds.</summary>
    public double TauS { get; }

    /// <summary>Krauss dawdling.</summary>
    public double Sigma { get; }

    /// <summary>IDM exponent.</summary>
    public double Delta { get; }

    /// <summary>Vehicle maximum speed, m/s.</summary>
    public double MaxSpeedMps { get; }

    /// <summary>MOBIL politeness.</summary>
    public double Politeness { get; }

    /// <summary>MOBIL threshold, m/s².</summary>
    public double ChangeThresholdMps2 { get; }

    /// <summary>MOBIL keep-right bias, m/s².</summary>
    public double KeepRightBiasMps2 { get; }

    /// <summary>Willingness to change right for speed relative to left (the right threshold is the threshold over it).</summary>
    public double SpeedGainRight { get; }

    /// <summary>MOBIL safe deceleration, m/s².</summary>
    public double SafeDecelMps2 { get; }
}
