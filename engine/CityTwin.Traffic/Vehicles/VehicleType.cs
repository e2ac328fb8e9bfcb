using CityTwin.Model.Roads;
using CityTwin.Traffic.CarFollowing;

namespace CityTwin.Traffic.Vehicles;

/// <summary>
/// Parameters shared by the vehicles of one type (SUMO's <c>vType</c>). Defaults are SUMO 1.15's passenger car
/// (traffic.md §1.2) except the car-following model, which is IDM with the book's city parameters unless set.
/// </summary>
public sealed record VehicleType
{
    /// <summary>Type id, as written in outputs.</summary>
    public string Id { get; init; } = "passenger";

    /// <summary>Vehicle class (decides which lanes the type may use).</summary>
    public VehicleClasses VehicleClass { get; init; } = VehicleClasses.Passenger;

    /// <summary>Car-following model.</summary>
    public CarFollowModel Model { get; init; } = CarFollowModel.Idm;

    /// <summary>Length, metres.</summary>
    public double LengthM { get; init; } = 5.0;

    /// <summary>Gap kept to the leader when stopped, metres (IDM s0, SUMO minGap).</summary>
    public double MinGapM { get; init; } = 2.5;

    /// <summary>Maximum acceleration, m/s² (IDM a).</summary>
    public double AccelMps2 { get; init; } = 2.6;

    /// <summary>Comfortable deceleration, m/s² (IDM b).</summary>
    public double DecelMps2 { get; init; } = 4.5;

    /// <summary>Largest deceleration physically possible, m/s².</summary>
    public double EmergencyDecelMps2 { get; init; } = 9.0;

    /// <summary>Desired time headway, seconds (IDM T, Krauss tau).</summary>
    public double TauS { get; init; } = 1.0;

    /// <summary>Krauss driver imperfection (dawdling) in [0, 1].</summary>
    public double Sigma { get; init; } = 0.5;

    /// <summary>IDM acceleration exponent δ.</summary>
    public double Delta { get; init; } = 4.0;

    /// <summary>Maximum speed of the vehicle, m/s.</summary>
    public double MaxSpeedMps { get; init; } = 55.55;

    /// <summary>Mean of the per-vehicle speed factor (multiplies the lane's speed limit).</summary>
    public double SpeedFactorMean { get; init; } = 1.0;

    /// <summary>Standard deviation of the speed factor (SUMO draws normc(mean, dev, 0.2, 2)).</summary>
    public double SpeedFactorDev { get; init; } = 0.1;

    /// <summary>MOBIL politeness p in [0, 1].</summary>
    public double Politeness { get; init; } = 0.25;

    /// <summary>MOBIL changing threshold Δa_th, m/s².</summary>
    public double ChangeThresholdMps2 { get; init; } = 0.1;

    /// <summary>MOBIL keep-right bias Δa_bias, m/s².</summary>
    public double KeepRightBiasMps2 { get; init; } = 0.3;

    /// <summary>How readily the vehicle changes to the right for speed, relative to the left (SUMO's
    /// <c>lcSpeedGainRight</c>): a change to the right needs a MOBIL gain of <see cref="ChangeThresholdMps2"/> divided by
    /// this. 1 is symmetric (textbook MOBIL).</summary>
    public double SpeedGainRight { get; init; } = 1.0;

    /// <summary>MOBIL safe deceleration b_safe imposed on the new follower, m/s².</summary>
    public double SafeDecelMps2 { get; init; } = 4.0;

    /// <summary>Emission class name (e.g. HBEFA3/PC_G_EU4), for the emission models.</summary>
    public string EmissionClass { get; init; } = "HBEFA3/PC_G_EU4";

    /// <summary>SUMO's default passenger car with the Krauss model (for like-for-like runs against SUMO).</summary>
    public static VehicleType SumoDefault { get; } = new()
    {
        Model = CarFollowModel.Krauss,
        // SUMO's LC2013 moves right only when the right lane is free far ahead, which in town traffic it rarely is; a
        // constant MOBIL bias instead loaded the right lanes of Bologna's approaches (210_0: 1,142 vehicles against
        // SUMO's 662). Without it the loop counts come closer (parity.md).
        KeepRightBiasMps2 = 0,
        // LC2013's default: a change to the right for speed takes ten times the deliberation of one to the left.
        SpeedGainRight = 0.1,
    };

    /// <summary>Checks every parameter is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range; the message names it.</exception>
    public void Validate()
    {
        Positive(LengthM, nameof(LengthM));
        NonNegative(MinGapM, nameof(MinGapM));
        Positive(AccelMps2, nameof(AccelMps2));
        Positive(DecelMps2, nameof(DecelMps2));
        if (EmergencyDecelMps2 < DecelMps2)
        {
            throw new ArgumentOutOfRangeException(nameof(EmergencyDecelMps2), EmergencyDecelMps2,
                $"vType '{Id}': emergencyDecel must be at least decel ({DecelMps2}).");
        }

        Positive(TauS, nameof(TauS));
        Positive(MaxSpeedMps, nameof(MaxSpeedMps));
        Positive(SpeedGainRight, nameof(SpeedGainRight));
        Positive(SpeedFactorMean, nameof(SpeedFactorMean));
        NonNegative(SpeedFactorDev, nameof(SpeedFactorDev));
        if (Sigma is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Sigma), Sigma, $"vType '{Id}': sigma must be in [0, 1].");
        }

        if (Politeness is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Politeness), Politeness, $"vType '{Id}': politeness must be in [0, 1].");
        }
    }

    private void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"vType '{Id}': {name} must be positive and finite.");
        }
    }

    private void NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"vType '{Id}': {name} must be non-negative and finite.");
        }
    }
}
