using CityTwin.Ecs.Core;
using CityTwin.Ecs.Systems;
using CityTwin.Ecs.Timing;
using CityTwin.Simulation.Energy.Buildings;

namespace CityTwin.Simulation.Energy.Systems;

/// <summary>
/// Advances every building entity's 5R1C zone, its rooftop PV entities and the feeder entities over the whole hours a
/// tick covers: the building year kernel runs building by building over the window (eight buildings per vector, the
/// hour-to-hour mass temperature in registers) from each building's <see cref="ThermalState"/>, then adds the window's
/// energy to <see cref="BuildingEnergy"/>, <see cref="PvArray"/> and <see cref="FeederLoad"/>.
/// </summary>
/// <remarks>
/// Implementation note: the per-building constants of the closed-form hour step (<see cref="BuildingSet"/>) are derived
/// from the immutable city model once and referenced by slot, as the architecture has the world refer to the model by
/// index; the entities hold what moves (mass temperature, energy, PV capacity and output, feeder loads). A tick shorter
/// than an hour (the traffic's 1 s clock) advances nothing until an hour is complete, so the system can share the
/// traffic's clock; a whole year in one tick runs the year kernel once. The drivers cover one year: windows that run
/// past its end wrap to its start (hourly feeder rows then hold the latest year).
/// </remarks>
public sealed partial class BuildingEnergySystem : BaseSystem<World, SimTick>
{
    private const long MsPerHour = 3_600_000;
    private static readonly QueryDescription Buildings = new QueryDescription().WithAll<BuildingRef, ThermalState, BuildingEnergy>();
    private static readonly QueryDescription PvArrays = new QueryDescription().WithAll<PvArray>();
    private static readonly QueryDescription FeederEntities = new QueryDescription().WithAll<FeederRef, FeederLoad>();

    private readonly BuildingSet _set;
    private readonly HourlyDrivers _drivers;
    private readonly KernelOptions _kernel;
    private readonly int[] _groupStart;
    private readonly double[] _massC;
    private readonly BuildingYearResults _window;
    private long _hoursDone;

    private BuildingEnergySystem(World world, BuildingSet set, HourlyDrivers drivers, KernelOptions kernel, int[] groupStart,
        int startHourOfYear, bool hourlyBuildingOutput)
        : base(world)
    {
        _set = set;
        _drivers = drivers;
        _kernel = kernel;
        _groupStart = groupStart;
        _massC = new double[set.Count];
        _window = new BuildingYearResults(set.Count);
        StartHourOfYear = startHourOfYear;
        FeederHourlyNetLoadW = new double[(groupStart.Length - 1) * drivers.HourCount];
        BuildingHourlyW = hourlyBuildingOutput ? new double[(long)set.Count * drivers.HourCount] : null;
    }

    /// <summary>Hour of the drivers' year at simulation time zero.</summary>
    public int StartHourOfYear { get; }

    /// <summary>Hours of the drivers' year.</summary>
    public int HourCount => _drivers.HourCount;

    /// <summary>Whole hours simulated so far.</summary>
    public long HoursDone => _hoursDone;

    /// <summary>The buildings' constants, by slot (feeder order).</summary>
    public BuildingSet Set => _set;

    /// <summary>Net load per feeder and hour of the year, W (feeder-major; the latest simulated year).</summary>
    public double[] FeederHourlyNetLoadW { get; }

    /// <summary>Per slot and hour of the year, heating (+) / cooling (−) power, W; null unless asked for.</summary>
    public double[]? BuildingHourlyW { get; }

    /// <summary>Sets every building's mass temperature to the drivers' periodic state (the last two weeks of the year
    /// from 20 °C, <see cref="KernelOptions.WarmupHours"/>).</summary>
    public override void Initialize()
    {
        BuildingYearKernel.WarmUp(_set, _drivers, _massC, _kernel);
        Scatter(null);
    }

    /// <summary>Advances over the whole hours completed by the end of the tick.</summary>
    /// <param name="t">The tick.</param>
    public override void Update(in SimTick t)
    {
        var target = t.EndTime.Milliseconds / MsPerHour;
        while (_hoursDone < target)
        {
            var hourOfYear = (int)((StartHourOfYear + _hoursDone) % HourCount);
            var hours = (int)Math.Min(target - _hoursDone, HourCount - hourOfYear);
            RunWindow(hourOfYear, hourOfYear + hours);
            _hoursDone += hours;
        }
    }

    /// <summary>One window of the drivers' year: gather state, run the kernel, add the results to the entities.</summary>
    private void RunWindow(int fromHour, int toHour)
    {
        Gather();
        _window.Clear();
        var feeders = _groupStart.Length - 1;
        for (var f = 0; f < feeders; f++)
        {
            Array.Clear(FeederHourlyNetLoadW, f * HourCount + fromHour, toHour - fromHour);
        }

        BuildingYearKernel.RunWindow(_set, _drivers, _window, _massC, fromHour, toHour, _kernel, _groupStart, FeederHourlyNetLoadW, BuildingHourlyW);
        Scatter(_window);
        foreach (ref var chunk in World.Query(in FeederEntities))
        {
            var refs = chunk.GetSpan<FeederRef>();
            var loads = chunk.GetSpan<FeederLoad>();
            for (var i = 0; i < chunk.Count; i++)
            {
                ref var load = ref loads[i];
                var row = FeederHourlyNetLoadW.AsSpan(refs[i].Index * HourCount, HourCount);
                var sumW = 0.0;
                for (var h = fromHour; h < toHour; h++)
                {
                    sumW += row[h];
                    if (row[h] > load.PeakNetW)
                    {
                        (load.PeakNetW, load.PeakHour) = (row[h], h);
                    }
                }

                load.NetEnergyKWh += sumW / 1000;
                load.LastHourNetW = row[toHour - 1];
            }
        }
    }

    /// <summary>Mass temperatures and PV capacities from the entities into the kernel's arrays.</summary>
    private void Gather()
    {
        foreach (ref var chunk in World.Query(in Buildings))
        {
            var refs = chunk.GetSpan<BuildingRef>();
            var states = chunk.GetSpan<ThermalState>();
            for (var i = 0; i < chunk.Count; i++)
            {
                _massC[refs[i].Slot] = states[i].MassC;
            }
        }

        // The PV entities are the source of the capacities the kernel uses (edits may add or remove them between ticks).
        Array.Clear(_set.PvCapacityKWp);
        foreach (ref var chunk in World.Query(in PvArrays))
        {
            var pv = chunk.GetSpan<PvArray>();
            for (var i = 0; i < chunk.Count; i++)
            {
                _set.PvCapacityKWp[pv[i].Slot] += pv[i].CapacityKWp;
            }
        }
    }

    /// <summary>Mass temperatures back to the entities, and a window's results added to them (null: temperatures only).</summary>
    private void Scatter(BuildingYearResults? window)
    {
        foreach (ref var chunk in World.Query(in Buildings))
        {
            var refs = chunk.GetSpan<BuildingRef>();
            var states = chunk.GetSpan<ThermalState>();
            var energies = chunk.GetSpan<BuildingEnergy>();
            for (var i = 0; i < chunk.Count; i++)
            {
                var s = refs[i].Slot;
                states[i].MassC = _massC[s];
                if (window is null)
                {
                    continue;
                }

                ref var e = ref energies[i];
                e.HeatingKWh += window.HeatingKWh[s];
                e.CoolingKWh += window.CoolingKWh[s];
                e.PeakHeatingW = Math.Max(e.PeakHeatingW, window.PeakHeatingW[s]);
                e.PeakCoolingW = Math.Max(e.PeakCoolingW, window.PeakCoolingW[s]);
                e.ElectricityKWh += window.ElectricityKWh[s];
            }
        }

        if (window is null)
        {
            return;
        }

        // A building's PV output is shared among its PV arrays by capacity.
        foreach (ref var chunk in World.Query(in PvArrays))
        {
            var pv = chunk.GetSpan<PvArray>();
            for (var i = 0; i < chunk.Count; i++)
            {
                ref var array = ref pv[i];
                var total = _set.PvCapacityKWp[array.Slot];
                array.EnergyKWh += total > 0 ? window.PvKWh[array.Slot] * (array.CapacityKWp / total) : 0;
            }
        }
    }
}
