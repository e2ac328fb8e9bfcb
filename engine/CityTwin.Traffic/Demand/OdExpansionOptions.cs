using CityTwin.Model.Roads;

namespace CityTwin.Traffic.Demand;

/// <summary>Options of <see cref="OdMatrix.Expand"/>.</summary>
public sealed class OdExpansionOptions
{
    /// <summary>Vehicle class: only edges it may use are drawn from a zone, and routes are checked for it.</summary>
    public VehicleClasses VehicleClass { get; init; } = VehicleClasses.Passenger;

    /// <summary>Vehicle-type index written into every trip.</summary>
    public int VehicleType { get; init; }

    /// <summary>Prefix of trip ids; the id is the prefix, the cell's index in the matrix, a dot and the trip number in the cell.</summary>
    public string IdPrefix { get; init; } = "od";

    /// <summary>How departures are placed in each cell's interval; default <see cref="DepartureSpacing.Random"/>.</summary>
    public DepartureSpacing Spacing { get; init; }

    /// <summary>Depart-lane rule of every trip.</summary>
    public DepartLane DepartLane { get; init; }

    /// <summary>Depart-position rule of every trip.</summary>
    public DepartPos DepartPos { get; init; }

    /// <summary>Depart-speed rule of every trip.</summary>
    public DepartSpeed DepartSpeed { get; init; }

    /// <summary>Edge draws per trip before it is given up and counted as failed; default 100.</summary>
    public int MaxAttempts { get; init; } = 100;

    /// <summary>Store the checked route in <see cref="TripRequest.Edges"/>; default false (routed at insertion).</summary>
    public bool IncludeRoutes { get; init; }
}
