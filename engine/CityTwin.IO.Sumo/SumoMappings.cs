using CityTwin.Model.Roads;
using CityTwin.Model.Signals;

namespace CityTwin.IO.Sumo;

/// <summary>How SUMO's vocabulary (vClass, node types, link states, directions, signal states) maps onto the model.</summary>
public static class SumoMappings
{
    private static readonly string[] PassengerLike =
        ["passenger", "private", "taxi", "evehicle", "emergency", "authority", "army", "vip", "hov", "custom1", "custom2"];

    /// <summary>
    /// The model class of one SUMO vClass: passenger-like classes → Passenger, bus/coach → Bus, truck/trailer/delivery →
    /// Truck, motorcycle/moped → Motorcycle, bicycle, pedestrian; rail, rail_urban, rail_electric, rail_fast → Rail;
    /// tram → Tram; ship and other classes → None.
    /// </summary>
    /// <param name="vClass">SUMO vClass name.</param>
    /// <returns>The class, or <see cref="VehicleClasses.None"/> when the model has no equivalent.</returns>
    public static VehicleClasses VehicleClass(string vClass) => vClass switch
    {
        "bus" or "coach" => VehicleClasses.Bus,
        "truck" or "trailer" or "delivery" => VehicleClasses.Truck,
        "motorcycle" or "moped" => VehicleClasses.Motorcycle,
        "bicycle" => VehicleClasses.Bicycle,
        "pedestrian" => VehicleClasses.Pedestrian,
        "rail" or "rail_urban" or "rail_electric" or "rail_fast" => VehicleClasses.Rail,
        "tram" => VehicleClasses.Tram,

        // SUMO's "ignoring" class may use every lane whatever its permissions: every modelled class at once.
        "ignoring" => All,
        _ => Array.IndexOf(PassengerLike, vClass) >= 0 ? VehicleClasses.Passenger : VehicleClasses.None,
    };

    /// <summary>Every class the model knows.</summary>
    public static VehicleClasses All => VehicleClasses.Passenger | VehicleClasses.Bus | VehicleClasses.Truck |
        VehicleClasses.Bicycle | VehicleClasses.Pedestrian | VehicleClasses.Motorcycle | VehicleClasses.Rail | VehicleClasses.Tram;

    /// <summary>Allowed classes of a lane from SUMO's <c>allow</c>/<c>disallow</c> lists (neither: everything).</summary>
    /// <param name="allow">Space-separated allow list, or null.</param>
    /// <param name="disallow">Space-separated disallow list, or null.</param>
    /// <returns>The allowed classes.</returns>
    public static VehicleClasses Permissions(string? allow, string? disallow)
    {
        if (allow is not null)
        {
            return allow.Trim() == "all" ? All : Union(allow);
        }

        return disallow is null ? All : All & ~Union(disallow);
    }

    /// <summary>
    /// Junction kind of a SUMO node type: traffic_light* → TrafficSignals; right_before_left and left_before_right →
    /// RightBeforeLeft; allway_stop → AllWayStop; dead_end → DeadEnd; priority, priority_stop, zipper, unregulated,
    /// rail_signal, rail_crossing and anything else → Priority (the per-link controls and the request matrix carry the
    /// actual rule).
    /// </summary>
    /// <param name="type">SUMO junction type.</param>
    /// <returns>The kind.</returns>
    public static JunctionKind JunctionKindOf(string type) => type switch
    {
        "traffic_light" or "traffic_light_unregulated" or "traffic_light_right_on_red" => JunctionKind.TrafficSignals,
        "right_before_left" or "left_before_right" => JunctionKind.RightBeforeLeft,
        "allway_stop" => JunctionKind.AllWayStop,
        "dead_end" => JunctionKind.DeadEnd,
        _ => JunctionKind.Priority,
    };

    /// <summary>
    /// Control of an unsignalised link from its SUMO state: M (major), O/o (signal off) and '-' (dead end) → Major;
    /// m (minor) and Z/z (zipper) → Minor; s → Stop; w → AllWayStop; '=' → RightBeforeLeft. Links with a <c>tl</c>
    /// are <see cref="LinkControl.Signal"/> regardless of state.
    /// </summary>
    /// <param name="state">SUMO link state.</param>
    /// <param name="signalled">Whether the connection has a <c>tl</c>.</param>
    /// <returns>The control.</returns>
    public static LinkControl LinkControlOf(string? state, bool signalled)
    {
        if (signalled)
        {
            return LinkControl.Signal;
        }

        return state switch
        {
            "m" or "Z" or "z" => LinkControl.Minor,
            "s" => LinkControl.Stop,
            "w" => LinkControl.AllWayStop,
            "=" => LinkControl.RightBeforeLeft,
            _ => LinkControl.Major,
        };
    }

    /// <summary>Turn direction from SUMO's <c>dir</c>: s, l, r, t (turn round), L/R (partially left/right); else Through.</summary>
    /// <param name="dir">SUMO direction letter.</param>
    /// <returns>Exactly one direction bit.</returns>
    public static TurnDirections Direction(string? dir) => dir switch
    {
        "l" => TurnDirections.Left,
        "r" => TurnDirections.Right,
        "t" => TurnDirections.UTurn,
        "L" => TurnDirections.SlightLeft,
        "R" => TurnDirections.SlightRight,
        _ => TurnDirections.Through,
    };

    /// <summary>
    /// Signal state of one character of a tlLogic state string: G → GreenMajor; g, s (stop then go) and o (off,
    /// blinking: yield) → GreenMinor; O (off, no signal) → GreenMajor; y → Yellow; r and u (red+yellow) → Red.
    /// </summary>
    /// <param name="c">The character.</param>
    /// <param name="state">The state.</param>
    /// <returns>False for characters SUMO does not define.</returns>
    public static bool TrySignalState(char c, out SignalState state)
    {
        switch (c)
        {
            case 'G': case 'O': state = SignalState.GreenMajor; return true;
            case 'g': case 's': case 'o': state = SignalState.GreenMinor; return true;
            case 'y': case 'Y': state = SignalState.Yellow; return true;
            case 'r': case 'u': state = SignalState.Red; return true;
            default: state = SignalState.Red; return false;
        }
    }

    /// <summary>Road class from a netconvert edge type such as <c>highway.primary</c>; others → Road.</summary>
    /// <param name="type">SUMO edge type id, or null.</param>
    /// <returns>The class.</returns>
    public static RoadClass RoadClassOf(string? type)
    {
        if (type is null)
        {
            return RoadClass.Road;
        }

        var dot = type.LastIndexOf('.');
        RoadClasses.TryParseHighway(dot >= 0 ? type.AsSpan(dot + 1) : type, out var roadClass);
        return roadClass;
    }

    private static VehicleClasses Union(string list)
    {
        var v = VehicleClasses.None;
        foreach (var name in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            v |= VehicleClass(name);
        }

        return v;
    }
}
