// Sweeps the signal cycle of one junction of the Monaco baseline from C#, and prints a table of KPIs.
//   dotnet run -c Release --project scenarios/examples/SignalCycleSweep [-- junction-osm-node]
// Loads the scenario file, changes it in code (an added signal edit, shorter run, no building energy), runs each variant
// with two replications, and reads the KPIs as objects.
using System.Globalization;
using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Editing;
using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Running;

var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "CityTwin.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run from inside the CityTwin repository.");
}

var junctionNode = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 1397731651L; // a signalised junction on the Moyenne Corniche
var baseline = ScenarioLoader.Load(Path.Combine(root, "scenarios", "monaco", "baseline.yaml")) with
{
    Time = new TimeWindow { DurationS = 1800 },
    Demand = new DemandSettings { RandomTrips = new RandomTripSettings { Count = 1800, DepartWindowS = 1500 } },
    Energy = new EnergySettings { Enabled = false },
    Replications = 2,
};

// The city is imported once and shared by every variant.
var city = ScenarioCity.Load(baseline.City);
Console.WriteLine("cycle_s  replications  arrived  mean_trip_s  mean_time_loss_s  co2_kg");
foreach (var cycle in new[] { 40, 60, 90, 120 })
{
    var variant = baseline with
    {
        Name = $"cycle-{cycle}",
        Edits = [.. baseline.Edits, new SignalEdit { CycleS = cycle, Where = new Selector { OsmNodes = [junctionNode] } }],
    };
    var result = ScenarioRunner.Run(ScenarioEditor.Prepare(variant, city.Model), city, new RunOptions());
    var k = result.Kpis;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{cycle,7}  {k["replications"],12}  {k["vehiclesArrived"],7:F0}  {k["meanTripDurationS"],11:F1}  {k["meanTimeLossS"],16:F1}  {k["co2Kg"],6:F0}"));
}

Console.WriteLine("Map data © OpenStreetMap contributors (ODbL).");
