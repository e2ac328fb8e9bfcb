using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

/// <summary>
/// The junction-blocking (keep-clear) rule, as SUMO's <c>MSVehicle::checkRewindLinkLanes</c>: a vehicle enters a junction
/// only if the road beyond it, up to the first vehicle that halts or expects to wait at its own next link, has room for
/// it and for the vehicles queued ahead of it on its lane.
/// </summary>
public sealed partial class TrafficSimulation
{
    /// <summary>Whether the junction-blocking rule applies to a connection: SUMO keeps a junction clear only on links
    /// with foes (<c>MSVehicle::keepClear</c>: <c>link->hasFoes()</c>) and not where the network says
    /// <c>keepClear="0"</c> (<see cref="Connection.MayBlock"/>); elsewhere a vehicle may queue on the path across.</summary>
    private static bool KeptClear(in Connection c) => c.ConflictCount > 0 && !c.MayBlock;

    /// <summary>
    /// Keeps vehicles out of a junction they cannot leave (so the network does not lock up): a vehicle enters only if,
    /// beyond the stop line, the free space up to the first halted vehicle along its route, less what the moving
    /// vehicles there and the vehicles queued ahead of it on its own lane will take, fits it (SUMO's junction-blocking
    /// rule, <c>checkRewindLinkLanes</c>). The walk also ends at a lane whose last vehicle (front on the lane) expects to
    /// wait at its next link (<see cref="WaitsAtLink"/>, <see cref="MinorLinkAhead"/>): the space beyond it does not count.
    /// </summary>
    /// <remarks>
    /// Moving vehicles do not block: a queue that has started to discharge is followed closely, across short lanes
    /// too (Bologna's streets are pieces of 8–20 m between joined signals; a rule on the next lane alone let one vehicle
    /// at a time through them). Free space is summed over up to four lanes along the route, so a lane shorter than a car
    /// is looked through. A vehicle that expects to wait does block: at Wildau's actuated signal <c>gneJ5</c> the 17 m
    /// lane beyond holds vehicles bound for a give-way turn 100 m on, and SUMO lets through about two vehicles in three
    /// there in mid-green (274 of 393 in 50 minutes); without this the trips were 28% shorter than SUMO's.
    /// </remarks>
    private bool RoomToLeave(int toLane, in VehicleRoute route, in CarFollowing.CarFollowParameters type, double queuedAheadM)
    {
        var neededM = type.LengthM + type.MinGapM + queuedAheadM;
        var freeM = 0.0;
        var lane = toLane;
        var step = route.Step + 1;
        for (var hop = 0; hop < 4; hop++)
        {
            var slots = _lanes.Slots(lane);
            var movingM = 0.0;
            for (var k = slots.Length - 1; k >= 0; k--)
            {
                if (slots[k].SpeedMps < HaltingSpeedMps)
                {
                    return freeM + slots[k].BackM - type.MinGapM - movingM >= neededM;
                }

                movingM += slots[k].LengthM + type.MinGapM;
            }

            freeM += _laneLengthM[lane] - movingM;
            if (freeM >= neededM)
            {
                return true;
            }

            // The last vehicle expects to wait at its link: what is beyond does not count (SUMO's hadStoppedVehicle).
            // (Vehicles still on the junction path, at negative positions, are on SUMO's internal lane and do not count.)
            var last = slots.Length - 1;
            while (last >= 0 && slots[last].PosM < 0)
            {
                last--;
            }

            if (last >= 0 && (slots[last].WaitsAtLink || MinorLinkAhead(slots[last].Vehicle)))
            {
                return false;
            }

            var next = ExitConnectionOf(lane, route.Route, step, route.Type);
            if (next < 0)
            {
                return true; // the route ends on this lane: nothing halted ahead of the vehicle's arrival
            }

            lane = Network.Connections[next].ToLane;
            step++;
        }

        return true;
    }

    /// <summary>
    /// SUMO's "has to wait on next link" (<c>MSVehicle::processLinkApproaches</c>), which the junction-blocking rule of
    /// the vehicles behind reads (<see cref="RoomToLeave"/>): a vehicle held at its link that brakes or stands for it;
    /// or one allowed through that is "very slow": its speed without dawdling is below its deceleration value, below what
    /// free acceleration would give (something ahead holds it) and no higher than the speed at which it could still stop
    /// at the line. With slow-accelerating vehicles (Wildau's 0.8 m/s²) a platoon leaving a queue counts as waiting for
    /// several seconds, and SUMO lets the next vehicle into the junction only if the lane beyond holds it besides them.
    /// </summary>
    private static bool WaitsAtLink(double speed, double plannedMps, double distanceM, bool opened, double stepS,
        in CarFollowing.CarFollowParameters type)
    {
        if (!opened)
        {
            return plannedMps < speed || plannedMps < HaltingSpeedMps;
        }

        if (plannedMps >= type.DecelMps2 || plannedMps >= Math.Min(speed + type.AccelMps2 * stepS, type.MaxSpeedMps))
        {
            return false;
        }

        return plannedMps <= CarFollowing.CarFollowing.StoppingSpeedMps(Math.Max(0, distanceM), type.DecelMps2, type.TauS);
    }

    /// <summary>Distance from which a driver sees all foes of a minor link and need not slow down for it further, metres
    /// (SUMO's default foe visibility distance).</summary>
    private const double FoeVisibilityM = 4.5;

    /// <summary>Look-ahead of SUMO's junction-blocking rule, in vehicle lengths of road beyond the vehicle
    /// (<c>CRLL_LOOK_AHEAD</c>).</summary>
    private const double BlockingLookAheadLengths = 5;

    /// <summary>
    /// Whether a vehicle has a give-way link (minor, stop, all-way stop, right-before-left, permissive green) within its
    /// look-ahead and further than <see cref="FoeVisibilityM"/>: SUMO then has it slow down so that it could stop there
    /// and counts it as one that "has to wait on its next link" (<c>processLinkApproaches</c>), even while it is still
    /// moving freely. Its look-ahead runs at least until the road beyond (junction paths excluded) is longer than five
    /// vehicle lengths and than one length plus the junction paths seen. Reads the start-of-step state only.
    /// </summary>
    private bool MinorLinkAhead(Entity vehicle)
    {
        ref readonly var route = ref World.Get<VehicleRoute>(vehicle);
        // Every vehicle approaching the junction behind asks about the same last vehicle in a step: the answer is kept for
        // the step, in one 64-bit word (step and answer), so that partitions asking at once read either nothing or both.
        ref var memo = ref _minorAheadMemo[route.Trip]; // sized for every trip before the phase (EnsureTripCaches)
        var stamp = 2 * (Clock.StepIndex + 1);
        var known = Volatile.Read(ref memo);
        if ((known & ~1L) == stamp)
        {
            return (known & 1) != 0;
        }

        var ahead = MinorLinkAheadUncached(vehicle, in route);
        Volatile.Write(ref memo, stamp | (ahead ? 1L : 0L));
        return ahead;
    }

    /// <summary>Answers of <see cref="MinorLinkAhead"/> for the current step, by trip: 2 × (step + 1), plus 1 when true.</summary>
    private long[] _minorAheadMemo = [];

    private bool MinorLinkAheadUncached(Entity vehicle, in VehicleRoute route)
    {
        ref readonly var kinematics = ref World.Get<Kinematics>(vehicle);
        ref readonly var type = ref _params[route.Type];
        var seenM = _laneLengthM[kinematics.Lane] - kinematics.PosM;
        var seenRoadM = seenM;
        var seenPathsM = 0.0;
        var stepS = Options.StepMs / 1000.0;
        var maxV = Math.Min(kinematics.SpeedMps + type.AccelMps2 * stepS, type.MaxSpeedMps);
        var brakeLookAheadM = maxV * stepS + maxV * maxV / (2 * type.DecelMps2);
        var connection = route.ExitConnection;
        var step = route.Step;
        for (var hop = 0; hop < 8 && connection >= 0; hop++)
        {
            var c = Network.Connections[connection];
            if (seenM > FoeVisibilityM && GivesWay(c))
            {
                return true;
            }

            if (seenM > brakeLookAheadM && seenRoadM > Math.Max(BlockingLookAheadLengths * type.LengthM, type.LengthM + seenPathsM))
            {
                return false;
            }

            seenPathsM += c.LengthM;
            seenRoadM += _laneLengthM[c.ToLane];
            seenM += c.LengthM + _laneLengthM[c.ToLane];
            step++;
            connection = ExitConnectionOf(c.ToLane, route.Route, step, route.Type);
        }

        return false;
    }

    /// <summary>Whether a connection is a give-way link in SUMO's sense (its state letter is lower case).</summary>
    private bool GivesWay(in Connection c) => c.Control switch
    {
        LinkControl.Minor or LinkControl.Stop or LinkControl.AllWayStop or LinkControl.RightBeforeLeft => true,
        LinkControl.Signal or LinkControl.RailCrossing => LightState(in c) == SignalState.GreenMinor,
        _ => false,
    };
}
