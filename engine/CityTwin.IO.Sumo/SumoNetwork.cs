using CityTwin.Model;
using CityTwin.Traffic.Signals;

namespace CityTwin.IO.Sumo;

/// <summary>
/// A SUMO network imported as a <see cref="CityModel"/>, with the id tables needed to read demand and additional
/// files against it, and the full signal plans (offsets, min/max durations, actuation) the model's fixed-time
/// programs cannot hold.
/// </summary>
public sealed class SumoNetwork
{
    private readonly Dictionary<string, int> _edges;
    private readonly Dictionary<string, int> _lanes;
    private readonly Dictionary<string, int> _trafficLights;

    internal SumoNetwork(
        CityModel model, string[] edgeIds, string[] laneIds, string[] junctionIds, string[] trafficLightIds, SignalPlan[] signalPlans,
        SumoReport report, double originXM, double originYM)
    {
        Model = model;
        EdgeIds = edgeIds;
        JunctionIds = junctionIds;
        TrafficLightIds = trafficLightIds;
        SignalPlans = signalPlans;
        Report = report;
        OriginXM = originXM;
        OriginYM = originYM;
        _edges = Index(edgeIds);
        _lanes = Index(laneIds);
        _trafficLights = Index(trafficLightIds);
    }

    /// <summary>The city model (roads only; buildings and lamps are empty).</summary>
    public CityModel Model { get; }

    /// <summary>SUMO id of each model edge.</summary>
    public IReadOnlyList<string> EdgeIds { get; }

    /// <summary>SUMO id of each model junction.</summary>
    public IReadOnlyList<string> JunctionIds { get; }

    /// <summary>SUMO <c>tlLogic</c> id of each model signal program.</summary>
    public IReadOnlyList<string> TrafficLightIds { get; }

    /// <summary>Full plan of each signal program (offset, min/max durations, actuation), to pass to <see cref="SignalControllers.SetPlan"/>.</summary>
    public IReadOnlyList<SignalPlan> SignalPlans { get; }

    /// <summary>What was skipped, approximated or not understood (also in <see cref="CityModel.Report"/>).</summary>
    public SumoReport Report { get; }

    /// <summary>SUMO x of the model origin, metres: model x = SUMO x − this.</summary>
    public double OriginXM { get; }

    /// <summary>SUMO y of the model origin, metres: model y = SUMO y − this.</summary>
    public double OriginYM { get; }

    /// <summary>The model edge of a SUMO edge id.</summary>
    /// <param name="id">SUMO edge id.</param>
    /// <param name="edge">Edge index.</param>
    /// <returns>False when the network has no such normal edge.</returns>
    public bool TryGetEdge(string id, out int edge) => _edges.TryGetValue(id, out edge);

    /// <summary>The model lane of a SUMO lane id (<c>edge_index</c>).</summary>
    /// <param name="id">SUMO lane id.</param>
    /// <param name="lane">Lane index.</param>
    /// <returns>False when the network has no such lane on a normal edge.</returns>
    public bool TryGetLane(string id, out int lane) => _lanes.TryGetValue(id, out lane);

    /// <summary>The model signal program of a SUMO traffic-light id.</summary>
    /// <param name="id">SUMO tlLogic id.</param>
    /// <param name="program">Program index.</param>
    /// <returns>False when the network has no such program.</returns>
    public bool TryGetTrafficLight(string id, out int program) => _trafficLights.TryGetValue(id, out program);

    /// <summary>Installs every full plan (offsets, min/max, actuation) on a simulation's controllers.</summary>
    /// <param name="controllers">The controllers of a simulation on <see cref="Model"/>'s roads.</param>
    public void ApplySignalPlans(SignalControllers controllers)
    {
        ArgumentNullException.ThrowIfNull(controllers);
        for (var p = 0; p < SignalPlans.Count; p++)
        {
            controllers.SetPlan(p, SignalPlans[p]);
        }
    }

    private static Dictionary<string, int> Index(string[] ids)
    {
        var d = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            d.TryAdd(ids[i], i);
        }

        return d;
    }
}
