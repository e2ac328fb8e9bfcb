using CityTwin.Model.Geometry;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using CityTwin.Traffic.Signals;

namespace CityTwin.IO.Sumo;

/// <summary>Builds the model's flat road arrays from a parsed SUMO network (edges, lanes and junctions here).</summary>
internal sealed partial class SumoNetBuilder(SumoNetRaw raw, SumoReport report, string fileName, double originXM, double originYM)
{
    private readonly Dictionary<string, int> _junctionIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _edgeIndex = new(StringComparer.Ordinal);
    private readonly List<Junction> _junctions = [];
    private readonly List<Edge> _edges = [];
    private readonly List<PointM> _points = [];
    private readonly List<Lane> _lanes = [];
    private readonly List<string> _laneIds = [];
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _nameIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Allow, string Disallow), VehicleClasses> _permissions = [];

    public string[] EdgeIds { get; private set; } = [];

    public string[] LaneIds { get; private set; } = [];

    public string[] JunctionIds { get; private set; } = [];

    public string[] TrafficLightIds { get; private set; } = [];

    public SignalPlan[] Plans { get; private set; } = [];

    public RoadNetwork Build()
    {
        BuildJunctions();
        BuildEdges();
        var connections = BuildConnections();
        var (programs, phases, states) = BuildSignals(connections);
        var conflicts = BuildConflicts(connections);
        EdgeIds = raw.Edges.Select(e => e.Id).ToArray();
        LaneIds = _laneIds.ToArray();
        JunctionIds = raw.Junctions.Select(j => j.Id).ToArray();
        try
        {
            return new RoadNetwork(_junctions.ToArray(), _edges.ToArray(), _points.ToArray(), _lanes.ToArray(), connections, conflicts,
                programs, phases, states, _names.ToArray());
        }
        catch (InvalidDataException ex)
        {
            throw new SumoFormatException(fileName, 0, ex.Message, ex);
        }
    }

    private void BuildJunctions()
    {
        foreach (var j in raw.Junctions)
        {
            if (!_junctionIndex.TryAdd(j.Id, _junctions.Count))
            {
                throw new SumoFormatException(fileName, 0, $"junction '{j.Id}' is defined twice");
            }

            _junctions.Add(new Junction
            {
                Position = new PointM(j.XM - originXM, j.YM - originYM), OsmNodeId = 0, OsmNodeCount = 1, SignalProgram = -1,
                Kind = SumoMappings.JunctionKindOf(j.Type),
            });
            if (j.Type is "zipper" or "rail_crossing" or "traffic_light_right_on_red" or "left_before_right" or "unregulated")
            {
                report.Add("roads", $"junction type '{j.Type}' approximated", ReportSeverity.Info, j.Id);
            }
        }
    }

    private void BuildEdges()
    {
        var roundabout = new HashSet<string>(raw.RoundaboutEdges, StringComparer.Ordinal);
        foreach (var e in raw.Edges)
        {
            if (e.Lanes.Count is 0 or > byte.MaxValue)
            {
                throw new SumoFormatException(fileName, 0, $"edge '{e.Id}' has {e.Lanes.Count} lanes");
            }

            if (!_junctionIndex.TryGetValue(e.From, out var from) || !_junctionIndex.TryGetValue(e.To, out var to))
            {
                throw new SumoFormatException(fileName, 0, $"edge '{e.Id}' references an unknown junction ('{e.From}' or '{e.To}')");
            }

            _edgeIndex.Add(e.Id, _edges.Count);
            e.Lanes.Sort((a, b) => a.Index.CompareTo(b.Index));
            var firstLane = _lanes.Count;
            var allowed = VehicleClasses.None;
            foreach (var l in e.Lanes)
            {
                allowed |= PermissionsOf(l);
            }

            foreach (var l in e.Lanes)
            {

                if (Math.Abs(l.SpeedMps - e.Lanes[0].SpeedMps) > 1e-6)
                {
                    report.Add("roads", "lane speed differs from the rightmost lane's (model keeps one speed per edge)", ReportSeverity.Info, l.Id);
                }

                _laneIds.Add(l.Id);
                _lanes.Add(new Lane
                {
                    Edge = _edges.Count, WidthM = (float)l.WidthM, IndexFromRight = (byte)(_lanes.Count - firstLane), Turns = TurnDirections.None,

                    // The edge allows the union of its lanes; a lane narrower than that (a bus lane) bars the rest.
                    Disallowed = allowed & ~PermissionsOf(l),
                });
            }

            var firstPoint = _points.Count;
            // The edge's own shape is its centre line between the junctions; without one, the rightmost lane's shape
            // is the best geometry SUMO gives (lane shapes are what vehicles drive on).
            AddShape(e.Shape ?? e.Lanes[0].Shape, firstPoint);
            if (_points.Count - firstPoint < 2)
            {
                _points.RemoveRange(firstPoint, _points.Count - firstPoint);
                _points.Add(_junctions[from].Position);
                _points.Add(_junctions[to].Position);
            }

            var lengthM = e.Lanes[0].LengthM > 0 ? e.Lanes[0].LengthM : GeometryLength(firstPoint);
            _edges.Add(new Edge
            {
                FromJunction = from, ToJunction = to, OsmWayId = 0, NameIndex = NameIndex(e.Name), FirstPoint = firstPoint,
                PointCount = _points.Count - firstPoint, FirstLane = firstLane, LengthM = lengthM, SpeedLimitMps = (float)e.Lanes[0].SpeedMps,
                LaneCount = (byte)e.Lanes.Count, Class = SumoMappings.RoadClassOf(e.Type), Allowed = allowed,
                Flags = roundabout.Contains(e.Id) ? EdgeFlags.Roundabout | EdgeFlags.Oneway : EdgeFlags.Oneway,
            });
        }
    }

    /// <summary>Appends the points of a SUMO shape (<c>x,y[,z] x,y[,z] …</c>), dropping repeated points.</summary>
    /// <remarks>Parsed in place (no string per point): shapes are most of a network file's text.</remarks>
    private void AddShape(string shape, int firstPoint)
    {
        var rest = shape.AsSpan();
        while (true)
        {
            rest = rest.TrimStart(' ');
            if (rest.IsEmpty)
            {
                return;
            }

            var space = rest.IndexOf(' ');
            var p = space < 0 ? rest : rest[..space];
            rest = space < 0 ? default : rest[(space + 1)..];
            var comma = p.IndexOf(',');
            if (comma < 0)
            {
                throw new SumoFormatException(fileName, 0, $"bad shape point '{p}'");
            }

            var afterX = p[(comma + 1)..];
            var z = afterX.IndexOf(',');
            var point = new PointM(SumoXml.ParseDouble(p[..comma]) - originXM, SumoXml.ParseDouble(z < 0 ? afterX : afterX[..z]) - originYM);
            if (_points.Count == firstPoint || _points[^1].DistanceTo(point) > 0)
            {
                _points.Add(point);
            }
        }
    }

    /// <summary>A lane's vehicle classes; the same few allow/disallow lists recur on thousands of lanes, so each is parsed once.</summary>
    private VehicleClasses PermissionsOf(RawLane lane)
    {
        var key = (lane.Allow ?? "\0", lane.Disallow ?? "\0");
        if (!_permissions.TryGetValue(key, out var classes))
        {
            classes = SumoMappings.Permissions(lane.Allow, lane.Disallow);
            _permissions[key] = classes;
        }

        return classes;
    }

    private double GeometryLength(int firstPoint)
    {
        var sum = 0.0;
        for (var i = firstPoint + 1; i < _points.Count; i++)
        {
            sum += _points[i - 1].DistanceTo(_points[i]);
        }

        return sum;
    }

    private int NameIndex(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return -1;
        }

        if (!_nameIndex.TryGetValue(name, out var i))
        {
            i = _names.Count;
            _names.Add(name);
            _nameIndex[name] = i;
        }

        return i;
    }
}
