using CityTwin.Ecs.Randomness;
using CityTwin.Traffic.Demand;

namespace CityTwin.Scenarios.Running;

/// <summary>
/// Scales a list of trips by a factor: each trip is kept ⌊f⌋ times and once more with probability f − ⌊f⌋ (seeded),
/// so the expected count is f × n and copies depart at the same time as the original (their ids get <c>#2</c>, <c>#3</c>…).
/// </summary>
public static class DemandScaling
{
    /// <summary>Scales trips.</summary>
    /// <param name="trips">The trips.</param>
    /// <param name="factor">Factor ≥ 0.</param>
    /// <param name="random">Seeded source.</param>
    /// <returns>The scaled list (the same list when the factor is 1).</returns>
    public static List<TripRequest> Scale(List<TripRequest> trips, double factor, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        if (factor == 1)
        {
            return trips;
        }

        var whole = (int)Math.Floor(factor);
        var fraction = factor - whole;
        var result = new List<TripRequest>((int)(trips.Count * factor) + 1);
        foreach (var trip in trips)
        {
            var copies = whole + (random.NextDouble() < fraction ? 1 : 0);
            for (var k = 0; k < copies; k++)
            {
                result.Add(k == 0 ? trip : Copy(trip, $"{trip.Id}#{k + 1}", trip.VehicleType));
            }
        }

        return result;
    }

    /// <summary>A copy of a trip with another id and vehicle type.</summary>
    /// <param name="trip">The trip.</param>
    /// <param name="id">New id.</param>
    /// <param name="vehicleType">New vehicle type index.</param>
    /// <returns>The copy.</returns>
    public static TripRequest Copy(TripRequest trip, string id, int vehicleType)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return new TripRequest(id, trip.DepartMs, trip.FromEdge, trip.ToEdge)
        {
            Edges = trip.Edges, VehicleType = vehicleType, DepartLane = trip.DepartLane, DepartPos = trip.DepartPos,
            DepartSpeed = trip.DepartSpeed, ArrivalPosM = trip.ArrivalPosM,
        };
    }
}
