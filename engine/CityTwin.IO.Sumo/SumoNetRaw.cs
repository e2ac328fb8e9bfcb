namespace CityTwin.IO.Sumo;

/// <summary>The elements of a .net.xml as read, before they are turned into model arrays.</summary>
internal sealed class SumoNetRaw
{
    public string? NetOffset { get; set; }

    public string? ConvBoundary { get; set; }

    public string? OrigBoundary { get; set; }

    public string? ProjParameter { get; set; }

    public List<RawEdge> Edges { get; } = [];

    public List<RawJunction> Junctions { get; } = [];

    public List<RawConnection> Connections { get; } = [];

    public List<RawTlLogic> TlLogics { get; } = [];

    public List<string> RoundaboutEdges { get; } = [];

    /// <summary>Internal lane → the internal lane that continues it after an internal junction (from internal connections).</summary>
    public Dictionary<string, string> InternalContinuation { get; } = new(StringComparer.Ordinal);

    /// <summary>Internal lane → its length, metres (the path of a connection across its junction).</summary>
    public Dictionary<string, double> InternalLaneLengthM { get; } = new(StringComparer.Ordinal);

    /// <summary>Internal lane → its speed limit, m/s.</summary>
    public Dictionary<string, double> InternalLaneSpeedMps { get; } = new(StringComparer.Ordinal);
}

internal sealed record RawLane(string Id, int Index, double SpeedMps, double LengthM, double WidthM, string? Allow, string? Disallow, string Shape);

internal sealed class RawEdge(string id, string from, string to, string? name, string? type, string? shape)
{
    public string Id { get; } = id;

    public string From { get; } = from;

    public string To { get; } = to;

    public string? Name { get; } = name;

    public string? Type { get; } = type;

    public string? Shape { get; } = shape;

    public List<RawLane> Lanes { get; } = [];
}

internal sealed record RawRequest(int Index, string Response, string Foes);

internal sealed class RawJunction(string id, string type, double xM, double yM, string[] intLanes)
{
    public string Id { get; } = id;

    public string Type { get; } = type;

    public double XM { get; } = xM;

    public double YM { get; } = yM;

    public string[] IntLanes { get; } = intLanes;

    public List<RawRequest> Requests { get; } = [];
}

internal sealed record RawConnection(
    string From, string To, int FromLane, int ToLane, string? Via, string? Tl, int LinkIndex, string? Dir, string? State, bool KeepClear,
    int Line);

internal sealed record RawPhase(double DurationS, string State, double? MinDurS, double? MaxDurS);

internal sealed class RawTlLogic(string id, string type, string programId, double offsetS)
{
    public string Id { get; } = id;

    public string Type { get; } = type;

    public string ProgramId { get; } = programId;

    public double OffsetS { get; } = offsetS;

    public List<RawPhase> Phases { get; } = [];

    /// <summary>Line of the tlLogic element, for error messages.</summary>
    public int Line { get; init; }
}
