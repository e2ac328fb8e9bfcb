using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.IO.Sumo;

/// <summary>Demand read from SUMO route files: vehicle types and trips sorted by departure.</summary>
/// <param name="Types">Vehicle types; index 0 is SUMO's <c>DEFAULT_VEHTYPE</c>, the rest in file order.</param>
/// <param name="Trips">Trips, sorted by departure (stable: file order within one departure time).</param>
/// <param name="Report">What was skipped or approximated.</param>
public sealed record SumoDemand(IReadOnlyList<VehicleType> Types, IReadOnlyList<TripRequest> Trips, SumoReport Report)
{
    /// <summary>Number of <c>vehicle</c> elements read (before flows are expanded).</summary>
    public int VehicleElements { get; init; }

    /// <summary>Number of <c>trip</c> elements read.</summary>
    public int TripElements { get; init; }

    /// <summary>Number of <c>flow</c> elements read.</summary>
    public int FlowElements { get; init; }

    /// <summary>Number of named <c>route</c> definitions (top level or in distributions).</summary>
    public int RouteDefinitions { get; init; }

    /// <summary>Number of <c>vType</c> elements read.</summary>
    public int VTypeElements { get; init; }
}
