using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Demand;

/// <summary>Options of <see cref="RandomTripGenerator"/>, named after SUMO's <c>randomTrips.py</c> options.</summary>
public sealed class RandomTripOptions
{
    /// <summary>First departure, seconds (<c>--begin</c>); default 0.</summary>
    public double BeginS { get; init; }

    /// <summary>Departures happen strictly before this time, seconds (<c>--end</c>); default 3,600.</summary>
    public double EndS { get; init; } = 3600;

    /// <summary>Time between departures, seconds (<c>--period</c>); default 1. Ignored when <see cref="VehiclesPerHour"/> is set.</summary>
    public double PeriodS { get; init; } = 1;

    /// <summary>Departures per hour (<c>--insertion-rate</c>); when set, the period is 3,600 / this.</summary>
    public double? VehiclesPerHour { get; init; }

    /// <summary>
    /// Weight multiplier of fringe edges as origin and destination (<c>--fringe-factor</c>); default 1 (no
    /// preference). See <see cref="RandomTripGenerator.IsFringe"/> for what counts as fringe.
    /// </summary>
    public double FringeFactor { get; init; } = 1;

    /// <summary>
    /// Minimum straight-line distance, metres, from the origin edge's start junction to the destination edge's end
    /// junction (<c>--min-distance</c>); default 0.
    /// </summary>
    public double MinDistanceM { get; init; }

    /// <summary>Vehicle class the trips are for: only edges it may use are drawn, and routes are checked for it.</summary>
    public VehicleClasses VehicleClass { get; init; } = VehicleClasses.Passenger;

    /// <summary>Vehicle-type index written into every trip.</summary>
    public int VehicleType { get; init; }

    /// <summary>Prefix of trip ids; the id is the prefix followed by the departure slot number (0, 1, 2…).</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>Depart-lane rule of every trip.</summary>
    public DepartLane DepartLane { get; init; }

    /// <summary>Depart-position rule of every trip.</summary>
    public DepartPos DepartPos { get; init; }

    /// <summary>Depart-speed rule of every trip.</summary>
    public DepartSpeed DepartSpeed { get; init; }

    /// <summary>
    /// Draws per departure before the slot is given up and counted in
    /// <see cref="TripGenerationResult.FailedCount"/>; default 100.
    /// </summary>
    public int MaxAttempts { get; init; } = 100;

    /// <summary>Store the checked route in <see cref="TripRequest.Edges"/> (otherwise trips are routed at insertion); default false.</summary>
    public bool IncludeRoutes { get; init; }

    /// <summary>Time between departures, seconds, after <see cref="VehiclesPerHour"/> is applied.</summary>
    public double EffectivePeriodS => VehiclesPerHour is { } vph ? 3600.0 / vph : PeriodS;

    internal void Validate()
    {
        if (!double.IsFinite(BeginS) || BeginS < 0 || !double.IsFinite(EndS) || EndS < BeginS)
        {
            throw new ArgumentException($"Need 0 ≤ BeginS ≤ EndS (finite); got {BeginS} and {EndS}.");
        }

        if (VehiclesPerHour is { } vph && (!double.IsFinite(vph) || vph <= 0))
        {
            throw new ArgumentException($"VehiclesPerHour must be positive; got {vph}.");
        }

        if (!double.IsFinite(EffectivePeriodS) || EffectivePeriodS <= 0)
        {
            throw new ArgumentException($"PeriodS must be positive; got {EffectivePeriodS}.");
        }

        if (!double.IsFinite(FringeFactor) || FringeFactor < 0 || !double.IsFinite(MinDistanceM) || MinDistanceM < 0)
        {
            throw new ArgumentException("FringeFactor and MinDistanceM must be finite and ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfNegative(VehicleType, nameof(VehicleType));
        ArgumentNullException.ThrowIfNull(IdPrefix, nameof(IdPrefix));
        if (VehicleClass == VehicleClasses.None)
        {
            throw new ArgumentException("VehicleClass must name at least one class.");
        }
    }
}
