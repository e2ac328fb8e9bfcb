using CityTwin.Ecs.Core;
using CityTwin.Ecs.Randomness;
using CityTwin.Simulation.Emissions;
using CityTwin.Traffic.Engine;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Simulation.Coupling;

/// <summary>
/// Emissions and energy of every simulated vehicle, every step: HBEFA3 per-second emissions (SUMO's coefficients)
/// for combustion vehicles, SUMO's energy model with a battery for electric ones. Call <see cref="Observe"/> after
/// each <see cref="TrafficSimulation.Step"/>; it sums per trip (rows when trips end), per edge and for the city.
/// </summary>
/// <remarks>
/// Implementation note: the observer reads the vehicles' components after the move phase, so a vehicle's last step
/// (the one in which it arrives and is removed) is not counted: at most one step per trip. Which vehicles are electric
/// is a pure function of (seed, trip index), so it does not depend on insertion order or threads.
/// </remarks>
public sealed class TrafficEmissions
{
    private static readonly QueryDescription Vehicles = new QueryDescription().WithAll<Kinematics, VehicleRoute>();
    private static readonly Pollutant[] Pollutants = [Pollutant.CO2, Pollutant.CO, Pollutant.HC, Pollutant.NOx, Pollutant.PMx, Pollutant.Fuel];

    private readonly TrafficSimulation _traffic;
    private readonly Hbefa3Class[] _classByType;
    private readonly double[] _evShareByType;
    private readonly RandomStreams _streams;
    private readonly Dictionary<int, TripAccumulator> _trips = [];
    private int _tripInfosSeen;

    /// <summary>Creates the observer.</summary>
    /// <param name="traffic">The traffic simulation.</param>
    /// <param name="evShareByType">Share of electric vehicles per vehicle type (null: none).</param>
    /// <param name="seed">Seed of the electric/combustion draw.</param>
    public TrafficEmissions(TrafficSimulation traffic, IReadOnlyList<double>? evShareByType = null, ulong seed = 1)
    {
        ArgumentNullException.ThrowIfNull(traffic);
        _traffic = traffic;
        _streams = new RandomStreams(seed);
        _classByType = traffic.Types.Select(t => ClassOf(t.EmissionClass)).ToArray();
        _evShareByType = traffic.Types.Select((_, i) => evShareByType is null ? 0 : evShareByType[i]).ToArray();
        foreach (var share in _evShareByType)
        {
            if (share is < 0 or > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(evShareByType), share, "EV shares must be in [0, 1].");
            }
        }

        EdgeCo2G = new double[traffic.Network.Edges.Length];
    }

    /// <summary>Electric vehicle parameters (SUMO's Kia Soul defaults).</summary>
    public EvParameters Ev { get; init; } = EvParameters.KiaSoul;

    /// <summary>City totals of each pollutant (mg) and of fuel (ml), indexed by <see cref="Pollutant"/> order of
    /// <c>CO2, CO, HC, NOx, PMx, Fuel</c>.</summary>
    public double[] TotalsMg { get; } = new double[6];

    /// <summary>Electricity drawn by electric vehicles from their batteries, Wh (net of recuperation).</summary>
    public double EvEnergyWh { get; private set; }

    /// <summary>CO2 per edge, grams.</summary>
    public double[] EdgeCo2G { get; }

    /// <summary>Per-trip rows, written as trips end.</summary>
    public List<TripEmissionRow> Trips { get; } = [];

    /// <summary>CO2 of the run so far, kg.</summary>
    public double Co2Kg => TotalsMg[0] / 1e6;

    /// <summary>NOx of the run so far, kg.</summary>
    public double NoxKg => TotalsMg[3] / 1e6;

    /// <summary>Whether a trip is driven by an electric vehicle.</summary>
    /// <param name="trip">Trip index.</param>
    /// <param name="type">Vehicle type index.</param>
    /// <returns>True for an electric vehicle.</returns>
    public bool IsElectric(int trip, int type) =>
        _evShareByType[type] > 0 && (_streams.StreamSeed("emissions.ev", trip) >> 11) * (1.0 / (1UL << 53)) < _evShareByType[type];

    /// <summary>Accounts the step that just ended.</summary>
    public void Observe()
    {
        var stepS = _traffic.Clock.Step.Seconds;
        var network = _traffic.Network;
        _traffic.World.Query(in Vehicles, (ref Kinematics k, ref VehicleRoute r) =>
        {
            if (!_trips.TryGetValue(r.Trip, out var acc))
            {
                acc = new TripAccumulator(IsElectric(r.Trip, r.Type), Ev.BatteryCapacityWh);
                _trips.Add(r.Trip, acc);
            }

            var edge = network.Lanes[k.Lane].Edge;
            if (acc.Electric)
            {
                var wh = EvEnergyModel.StepEnergyWh(Ev, k.SpeedMps, Math.Max(0, k.SpeedMps - k.AccelMps2 * stepS), stepS);
                acc.EnergyWh += wh;
                acc.Battery.Apply(wh);
                EvEnergyWh += wh;
                return;
            }

            var vehicleClass = _classByType[r.Type];
            for (var p = 0; p < Pollutants.Length; p++)
            {
                var amount = Hbefa3Model.EmissionMgPerS(vehicleClass, Pollutants[p], k.SpeedMps, k.AccelMps2) * stepS;
                acc.Mg[p] += amount;
                TotalsMg[p] += amount;
            }

            EdgeCo2G[edge] += Hbefa3Model.EmissionMgPerS(vehicleClass, Pollutant.CO2, k.SpeedMps, k.AccelMps2) * stepS / 1000;
        });

        // Close the trips that ended in this step.
        for (; _tripInfosSeen < _traffic.TripInfos.Count; _tripInfosSeen++)
        {
            var info = _traffic.TripInfos[_tripInfosSeen];
            var trip = _traffic.TripIndexOf(info.Id);
            _trips.Remove(trip, out var acc);
            acc ??= new TripAccumulator(false, Ev.BatteryCapacityWh);
            Trips.Add(new TripEmissionRow(info.Id, acc.Electric, acc.Mg[0] / 1000, acc.Mg[1] / 1000, acc.Mg[2] / 1000, acc.Mg[3] / 1000,
                acc.Mg[4] / 1000, acc.Mg[5] / 1000, acc.EnergyWh, acc.Electric ? acc.Battery.StateOfCharge : double.NaN,
                info.RouteLengthM > 0 && acc.Electric ? acc.EnergyWh / (info.RouteLengthM / 1000) : double.NaN));
        }
    }

    private static Hbefa3Class ClassOf(string emissionClass)
    {
        var name = emissionClass.StartsWith("HBEFA3/", StringComparison.OrdinalIgnoreCase) ? emissionClass[7..] : emissionClass;
        return Hbefa3Classes.ByName.TryGetValue(name, out var found)
            ? found
            : throw new ArgumentException($"Unknown emission class '{emissionClass}'; known: {string.Join(", ", Hbefa3Classes.ByName.Keys)}.");
    }

    private sealed class TripAccumulator(bool electric, double capacityWh)
    {
        public readonly bool Electric = electric;
        public readonly double[] Mg = new double[6];
        public EvBattery Battery = new(capacityWh, 0.8);
        public double EnergyWh;
    }
}

/// <summary>Emissions and energy of one trip (grams; fuel in ml; electricity in Wh).</summary>
/// <param name="Id">Trip id.</param>
/// <param name="Electric">Whether the vehicle was electric.</param>
/// <param name="Co2G">CO2.</param>
/// <param name="CoG">CO.</param>
/// <param name="HcG">HC.</param>
/// <param name="NoxG">NOx.</param>
/// <param name="PmxG">PMx.</param>
/// <param name="FuelMl">Fuel.</param>
/// <param name="ElectricityWh">Battery energy used (net of recuperation).</param>
/// <param name="FinalStateOfCharge">Battery state of charge at the end (electric only; starts at 0.8).</param>
/// <param name="WhPerKm">Consumption per km (electric only).</param>
public readonly record struct TripEmissionRow(
    string Id, bool Electric, double Co2G, double CoG, double HcG, double NoxG, double PmxG, double FuelMl, double ElectricityWh,
    double FinalStateOfCharge, double WhPerKm);
