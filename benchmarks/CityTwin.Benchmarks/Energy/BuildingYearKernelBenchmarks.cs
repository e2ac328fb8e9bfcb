using BenchmarkDotNet.Attributes;
using CityTwin.IO.Osm;
using CityTwin.Model;
using CityTwin.Ecs.Core;
using CityTwin.Ecs.Timing;
using CityTwin.Simulation.Energy;
using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Systems;
using CityTwin.Simulation.Energy.Pv;
using CityTwin.Simulation.Energy.Weather;
using ModelUse = CityTwin.Model.Buildings.BuildingUse;

namespace CityTwin.Benchmarks.Energy;

/// <summary>
/// The 5R1C year kernel on 100,000 buildings × 8,760 hours (issue 6 target: under 10 s on 2 cores, i.e. at least
/// 20 M building-hours per second). The Monaco sample city's buildings are replicated (with their use, storeys, year
/// and footprint; façade orientation varied per copy) up to 100,000, under the synthetic weather year for Monaco,
/// grouped into 100 feeders whose hourly net loads are aggregated as in a real run.
/// </summary>
[MemoryDiagnoser]
public class BuildingYearKernelBenchmarks
{
    private const int BuildingCount = 100_000;
    private const int Feeders = 100;

    private const int NaiveBuildings = 10_000;

    private BuildingSet _set = null!;
    private BuildingThermalModel[] _naive = null!;
    private HourlyDrivers _drivers = null!;
    private BuildingYearResults _results = null!;
    private int[] _groups = null!;
    private double[] _feederLoads = null!;
    private World _world = null!;
    private BuildingEnergySystem _system = null!;
    private long _tick;

    /// <summary>Imports Monaco, replicates its buildings and builds the drivers (not timed).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "CityTwin.sln")))
        {
            root = root.Parent;
        }

        if (root == null)
        {
            throw new InvalidOperationException("CityTwin.sln not found above " + AppContext.BaseDirectory);
        }

        CityModel monaco = OsmCityImporter.Import(Path.Combine(root.FullName, "scenarios", "sample-city", "monaco-2016.osm.pbf"));
        ReadOnlySpan<CityTwin.Model.Buildings.Building> source = monaco.Buildings.Buildings;
        _set = new BuildingSet(BuildingCount);
        var descriptions = new BuildingDescription[BuildingCount];
        for (int i = 0; i < BuildingCount; i++)
        {
            CityTwin.Model.Buildings.Building m = source[i % source.Length];
            var d = new BuildingDescription
            {
                FootprintAreaM2 = Math.Max(m.AreaM2, 10.0),
                Storeys = Math.Max((int)m.Levels, 1),
                HeightM = m.HeightM,
                Use = Map(m.Use),
                ConstructionYear = m.StartYear > 0 ? m.StartYear : ArchetypeResolver.DefaultYear(Map(m.Use)),
                FacadeAzimuthDeg = (i / source.Length) * 7.0,
                X = (i % 300) * 20.0,
                Y = (i / 300) * 20.0,
            };
            descriptions[i] = d;
            _set.Set(i, BuildingThermalModel.Create(d), i % 4 == 0 ? RoofPv.CapacityKWp(RoofPv.UsableRoofAreaM2(d.FootprintAreaM2)) : 0.0);
        }

        _naive = new BuildingThermalModel[NaiveBuildings];
        for (int i = 0; i < NaiveBuildings; i++)
        {
            CityTwin.Model.Buildings.Building m = source[i % source.Length];
            _naive[i] = BuildingThermalModel.Create(new BuildingDescription
            {
                FootprintAreaM2 = Math.Max(m.AreaM2, 10.0),
                Storeys = Math.Max((int)m.Levels, 1),
                HeightM = m.HeightM,
                Use = Map(m.Use),
                ConstructionYear = m.StartYear > 0 ? m.StartYear : ArchetypeResolver.DefaultYear(Map(m.Use)),
            });
        }

        _drivers = HourlyDrivers.Create(SyntheticWeather.Create(43.73, 7.42, 1.0));
        _results = new BuildingYearResults(BuildingCount);
        _groups = Enumerable.Range(0, Feeders + 1).Select(g => g * (BuildingCount / Feeders)).ToArray();
        _feederLoads = new double[Feeders * _drivers.HourCount];

        // The same buildings as ECS entities (k-means feeders of 1,000 buildings, a quarter with PV), as a run uses them.
        _world = World.Create();
        _system = BuildingEnergySystem.Create(_world, descriptions, SyntheticWeather.Create(43.73, 7.42, 1.0),
            new EnergyYearOptions { BuildingsPerFeeder = BuildingCount / Feeders, PvAdoptionShare = 0.25 });
    }

    /// <summary>Disposes the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => _world.Dispose();

    /// <summary>Both cores, through the ECS: warm-up, then the year as one tick of the building energy system, results
    /// added to the building, PV and feeder entities.</summary>
    [Benchmark]
    public double EcsYearParallel()
    {
        _system.Initialize();
        var hours = SimTime.FromHours(_system.HourCount);
        _system.Update(new SimTick(_tick, hours * _tick, hours));
        _tick++;
        return _system.FeederHourlyNetLoadW[0];
    }

    private static BuildingUse Map(ModelUse use) => use switch
    {
        ModelUse.Office or ModelUse.Public or ModelUse.Religious => BuildingUse.Office,
        ModelUse.Commercial => BuildingUse.Retail,
        ModelUse.Industrial => BuildingUse.Industrial,
        ModelUse.Education => BuildingUse.School,
        ModelUse.Health => BuildingUse.Hospital,
        ModelUse.Hospitality => BuildingUse.Hotel,
        ModelUse.Parking or ModelUse.Minor => BuildingUse.Unconditioned,
        _ => BuildingUse.MultiResidential,
    };

    /// <summary>Both cores, with feeder aggregation.</summary>
    [Benchmark(Baseline = true)]
    public double YearParallel()
    {
        BuildingYearKernel.Run(_set, _drivers, _results, new KernelOptions { Parallel = true }, _groups, _feederLoads);
        return _results.HeatingKWh[0];
    }

    /// <summary>One core, with feeder aggregation (the per-core rate).</summary>
    [Benchmark]
    public double YearSerial()
    {
        BuildingYearKernel.Run(_set, _drivers, _results, new KernelOptions { Parallel = false }, _groups, _feederLoads);
        return _results.HeatingKWh[0];
    }

    /// <summary>
    /// Baseline for the per-building-hour cost: the readable ISO 13790 step (<see cref="Rc5R1CModel.Step"/>, up to three
    /// node solves per hour, as a straightforward port would do) on 10,000 buildings × 8,760 h, one core.
    /// </summary>
    [Benchmark]
    public double NaiveStepSerial10k()
    {
        double total = 0.0;
        for (int b = 0; b < _naive.Length; b++)
        {
            BuildingThermalModel m = _naive[b];
            double[] use = _drivers.UseDrivers[(int)m.Description.Use];
            double[] solar = _drivers.FacadeSolarWm2[0];
            double theta = 20.0;
            for (int h = 0; h < _drivers.HourCount; h++)
            {
                Rc5R1CStep s = Rc5R1CModel.Step(
                    m.Zone, _drivers.OutdoorC[h], _drivers.OutdoorC[h], theta, m.ConditionedFloorAreaM2 * use[4 * h],
                    m.SolarAperturePerFacadeM2 * solar[h], use[(4 * h) + 1], use[(4 * h) + 2]);
                theta = s.MassTemperatureEndC;
                total += s.HeatingCoolingW;
            }
        }

        return total;
    }
}
