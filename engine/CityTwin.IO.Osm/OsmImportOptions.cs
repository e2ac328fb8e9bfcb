namespace CityTwin.IO.Osm;

/// <summary>Tunable parameters of the OSM import. The defaults follow netconvert where it has an equivalent.</summary>
public sealed class OsmImportOptions
{
    /// <summary>Junction nodes linked by a road piece at most this long are one junction (netconvert: 10 m).</summary>
    public double JoinDistanceM { get; init; } = 12;

    /// <summary>Join distance when both nodes are signalised (divided roads crossing at one controller).</summary>
    public double SignalJoinDistanceM { get; init; } = 25;

    /// <summary>A cluster is never allowed to grow beyond this diagonal, metres.</summary>
    public double MaxClusterSizeM { get; init; } = 50;

    /// <summary>A traffic signal, stop or give-way node this close (along the road) to a junction controls it.</summary>
    public double ApproachControlDistanceM { get; init; } = 30;

    /// <summary>Cycle time of generated signal programs, seconds (SUMO's default is 90 s).</summary>
    public int DefaultCycleS { get; init; } = 90;

    /// <summary>Storey height used to turn levels into heights, metres.</summary>
    public double StoreyHeightM { get; init; } = 3.0;

    /// <summary>Storeys assumed when a building has neither height nor levels.</summary>
    public int DefaultLevels { get; init; } = 2;

    /// <summary>Keep only the largest strongly connected component of the car network (and report the rest).</summary>
    public bool KeepLargestComponent { get; init; } = true;

    /// <summary>Generate lamps along lit roads that have no mapped lamps.</summary>
    public bool GenerateLamps { get; init; } = true;

    /// <summary>
    /// Treat streets with no <c>lit</c> tag as lit (only <c>lit=no</c> stays dark). Many cities tag few streets with
    /// <c>lit</c> although nearly every urban street has lights (Monaco's 2016 extract tags none); a planner studying
    /// street lighting there switches this on.
    /// </summary>
    public bool AssumeLitWhenUntagged { get; init; }
}
