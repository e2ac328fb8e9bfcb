namespace CityTwin.Scenarios.Definition;

/// <summary>Where an edit was written (for errors found once the city is loaded).</summary>
/// <param name="File">File.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>One change to the baseline. Kinds are the sealed records below.</summary>
public abstract record Edit
{
    /// <summary>What the edit applies to.</summary>
    public Selector Where { get; init; } = Selector.All;

    /// <summary>Where the edit was written, when loaded from a file.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The edit's name in scenario files.</summary>
    public abstract string Kind { get; }
}

/// <summary>Close roads to all traffic (routes avoid them; trips starting or ending on them are dropped and counted).</summary>
public sealed record CloseRoadEdit : Edit
{
    /// <inheritdoc/>
    public override string Kind => "closeRoad";
}

/// <summary>Change the speed limit of roads.</summary>
public sealed record SpeedLimitEdit : Edit
{
    /// <summary>New limit, km/h.</summary>
    public double SpeedKmh { get; init; }

    /// <inheritdoc/>
    public override string Kind => "speedLimit";
}

/// <summary>Add lanes to (positive) or remove lanes from (negative) roads, on the left side.</summary>
public sealed record LanesEdit : Edit
{
    /// <summary>Lanes to add (&gt; 0) or remove (&lt; 0).</summary>
    public int Delta { get; init; }

    /// <inheritdoc/>
    public override string Kind => "lanes";
}

/// <summary>Make the rightmost lane of roads with two or more lanes bus-only.</summary>
public sealed record BusLaneEdit : Edit
{
    /// <inheritdoc/>
    public override string Kind => "busLane";
}

/// <summary>Retime the signals of junctions: cycle, green splits, offset, or switch to actuated control.</summary>
public sealed record SignalEdit : Edit
{
    /// <summary>New cycle, seconds (green phases are scaled to fit; amber and all-red keep their length), or null.</summary>
    public int? CycleS { get; init; }

    /// <summary>Green durations of the green phases in order, seconds, or empty.</summary>
    public IReadOnlyList<int> GreenSplitsS { get; init; } = [];

    /// <summary>Offset, seconds, or null.</summary>
    public int? OffsetS { get; init; }

    /// <summary>Switch to gap-based actuated control.</summary>
    public bool Actuated { get; init; }

    /// <summary>Minimum green when actuated, seconds.</summary>
    public int MinGreenS { get; init; } = 5;

    /// <summary>Maximum green when actuated, seconds.</summary>
    public int MaxGreenS { get; init; } = 50;

    /// <inheritdoc/>
    public override string Kind => "signal";
}

/// <summary>Replace a share of the (selected) street lamps by LED luminaires.</summary>
public sealed record LedRetrofitEdit : Edit
{
    /// <summary>Share of selected lamps retrofitted, 0–1 (drawn with the seeded random source).</summary>
    public double Share { get; init; } = 1;

    /// <summary>System power of the new LED luminaires, watts; null: typical for the road's lighting class.</summary>
    public double? WattageW { get; init; }

    /// <inheritdoc/>
    public override string Kind => "ledRetrofit";
}

/// <summary>Change the lighting control program (applies to dimmable, i.e. LED, lamps).</summary>
public sealed record LightingControlEdit : Edit
{
    /// <summary>The new settings (control, dimming steps, presence parameters).</summary>
    public required LightingSettings Settings { get; init; }

    /// <inheritdoc/>
    public override string Kind => "lightingControl";
}

/// <summary>Rooftop PV adoption share.</summary>
public sealed record PvEdit : Edit
{
    /// <summary>Share of buildings with PV, 0–1.</summary>
    public double Share { get; init; }

    /// <inheritdoc/>
    public override string Kind => "pv";
}

/// <summary>Share of electric vehicles.</summary>
public sealed record EvShareEdit : Edit
{
    /// <summary>Share, 0–1.</summary>
    public double Share { get; init; }

    /// <inheritdoc/>
    public override string Kind => "ev";
}

/// <summary>Building envelope retrofit: U-values of the selected buildings multiplied by a factor.</summary>
public sealed record EnvelopeEdit : Edit
{
    /// <summary>Factor on wall, roof, floor and window U-values (e.g. 0.5 halves heat loss through the envelope).</summary>
    public double UFactor { get; init; } = 1;

    /// <inheritdoc/>
    public override string Kind => "envelope";
}

/// <summary>Scale the demand (e.g. 1.2 for +20% growth).</summary>
public sealed record DemandScaleEdit : Edit
{
    /// <summary>Factor on the number of trips.</summary>
    public double Factor { get; init; } = 1;

    /// <inheritdoc/>
    public override string Kind => "demandScale";
}
