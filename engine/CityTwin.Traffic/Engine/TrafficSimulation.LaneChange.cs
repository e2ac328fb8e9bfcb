using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>
    /// Phase 4: lane changes, applied one vehicle at a time in lane and slot order (deterministic). A vehicle whose
    /// lane does not continue along its route moves towards one that does (strategic); otherwise MOBIL decides
    /// (Kesting, Treiber, Helbing 2007) among neighbouring lanes that also continue along the route, so a vehicle never
    /// changes into a lane that ends its route.
    /// </summary>
    /// <remarks>A partition holds whole edges, so a lane change stays within it; hold-back requests and its count are
    /// handed over in <see cref="MergePartitions"/>.</remarks>
    private void ChangeLanes(int p, PartitionState part)
    {
        var stepS = Options.StepMs / 1000.0;
        // Lane changes add lanes to the occupied list while it is walked: index loop over a snapshot count.
        var occupied = _lanes.OccupiedIn(p);
        var count = occupied.Count;
        for (var i = 0; i < count; i++)
        {
            var lane = occupied[i];
            if (Network.Edges[_laneEdge[lane]].LaneCount < 2)
            {
                continue;
            }

            var k = 0;
            while (k < _lanes.Count(lane))
            {
                var slot = _lanes.Slots(lane)[k];
                if (!TryChangeLane(part, lane, k, slot, stepS))
                {
                    k++;
                }
            }
        }
    }

    private bool TryChangeLane(PartitionState part, int lane, int k, in LaneSlot slot, double stepS)
    {
        var laneInfo = Network.Lanes[lane];
        var edge = Network.Edges[laneInfo.Edge];
        if (edge.LaneCount < 2)
        {
            return false;
        }

        ref var route = ref World.Get<VehicleRoute>(slot.Vehicle);
        ref readonly var type = ref _params[route.Type];
        var sinceLastMs = Clock.Now.Milliseconds - World.Get<Kinematics>(slot.Vehicle).LastLaneChangeMs;
        if (sinceLastMs < Options.StepMs)
        {
            return false;
        }

        var vehicleClass = Types[route.Type].VehicleClass;
        var index = lane - edge.FirstLane;
        int target;
        if (route.ExitConnection == VehicleRoute.NoConnection)
        {
            target = StrategicTarget(edge.FirstLane, edge.LaneCount, index, route.Route, route.Step, route.Type);
            if (target < 0)
            {
                return false;
            }

            // Closer to the end, accept harder braking of the new follower (urgency grows as the lane runs out).
            var remaining = _laneLengthM[lane] - slot.PosM;
            var tolerance = remaining < 50 ? type.EmergencyDecelMps2 : type.SafeDecelMps2;
            if (Safe(target, slot, in type, stepS, tolerance))
            {
                return Apply(part, lane, k, target, slot, ref route);
            }

            // Cooperation (as SUMO's LC2013): the vehicle behind on the target lane holds back behind this one's rear,
            // so that a vehicle stuck before the end of its lane can get in instead of blocking both lanes.
            if (Options.CooperativeLaneChanges && remaining < CooperationDistanceM)
            {
                AskToHoldBack(part, target, slot);
            }

            return false;
        }

        // Look-ahead (as SUMO's best lanes over several edges): this lane continues onto the next edges, but not far
        // enough; on short pieces ahead there is no room to change lanes (Bologna splits streets into 8–20 m pieces at
        // every junction), so move now towards a lane that leads on further, harder as the lane runs out.
        var toEnd = _laneLengthM[lane] - slot.PosM;
        var reachLimitM = LookAheadM - toEnd; // reaches at or beyond it are all "far enough": stop counting there
        var reachM = reachLimitM > 0 ? CachedReachM(lane, 0, in route) : double.PositiveInfinity;
        if (reachM < reachLimitM && AheadTarget(index, edge.FirstLane, edge.LaneCount, reachM, reachLimitM, in route) is var ahead && ahead >= 0)
        {
            var urgent = toEnd + reachM < UrgentM;
            if (Safe(ahead, slot, in type, stepS, urgent ? type.EmergencyDecelMps2 : type.SafeDecelMps2))
            {
                return Apply(part, lane, k, ahead, slot, ref route);
            }

            if (urgent && Options.CooperativeLaneChanges)
            {
                AskToHoldBack(part, ahead, slot);
            }

            return false;
        }

        // No lane change for speed within braking distance of the junction (right of way was settled for this lane), nor
        // before the vehicle is wholly on its lane (its front on the path across the junction, SUMO's internal lanes, or
        // its rear still there), nor within MinDiscretionaryIntervalMs of its last lane change or of entering the lane
        // (SUMO's LC2013 lets a speed gain build up over steps before it acts). Slow and queued vehicles may change (to a
        // shorter queue, as LC2013 does). Together these brought Bologna's loop counts by lane close to SUMO's
        // (parity.md).
        if (!Options.DiscretionaryLaneChanges || slot.PosM < slot.LengthM || sinceLastMs < MinDiscretionaryIntervalMs ||
            toEnd < slot.SpeedMps * slot.SpeedMps / (2 * type.DecelMps2) + slot.SpeedMps * stepS + 10)
        {
            return false;
        }

        var bestTarget = -1;
        var bestGain = 0.0;
        for (var direction = -1; direction <= 1; direction += 2)
        {
            var candidateIndex = index + direction;
            if (candidateIndex < 0 || candidateIndex >= edge.LaneCount)
            {
                continue;
            }

            var candidate = edge.FirstLane + candidateIndex;
            // Whether the candidate connects at all (which connection does not matter here: the cheap first one).
            if (FirstExitConnection(candidate, route.Route, route.Step, route.Type, out _) == VehicleRoute.NoConnection ||
                (reachLimitM > 0 && CachedReachM(candidate, direction, in route) is var candidateReachM && candidateReachM < reachLimitM &&
                 candidateReachM < reachM) ||
                !Network.LaneAllows(candidate, vehicleClass) || !Safe(candidate, slot, in type, stepS, type.SafeDecelMps2))
            {
                continue;
            }

            var gain = MobilGain(lane, k, candidate, slot, in route, in type, stepS);
            // Keep-right: a change to the right needs less incentive, to the left more (direction −1 is right).
            gain += direction < 0 ? type.KeepRightBiasMps2 : -type.KeepRightBiasMps2;
            var threshold = direction < 0 ? type.ChangeThresholdMps2 / type.SpeedGainRight : type.ChangeThresholdMps2;
            if (gain > threshold && gain > bestGain)
            {
                bestGain = gain;
                bestTarget = candidate;
            }
        }

        return bestTarget >= 0 && Apply(part, lane, k, bestTarget, slot, ref route);
    }

    /// <summary>Look-ahead distance: a vehicle whose lanes stop continuing along its route within this distance moves
    /// towards a lane that continues further, metres. (SUMO's LC2013 looks further still; 250 m left vehicles on
    /// Bologna's congested approaches in the wrong lane: acosta's mean trip took 550 s against 240 s at 500 m.)</summary>
    private const double LookAheadM = 500;

    /// <summary>Per trip, its own and neighbouring lanes' reach, see <see cref="CachedReachM"/> (derived data, not part of
    /// snapshots).</summary>
    private ReachCacheEntry[] _reachCache = [];

    /// <summary>Within this distance of where its lanes stop continuing along its route, a vehicle changing lanes for the
    /// look-ahead accepts its new follower braking as hard as for a lane that ends, metres.</summary>
    private const double UrgentM = 50;

    /// <summary>
    /// The neighbouring lane towards the nearest lane whose continuation along the route reaches further than
    /// <paramref name="reachM"/> (the vehicle's own lane's, counted up to <paramref name="reachLimitM"/>), or −1.
    /// </summary>
    private int AheadTarget(int index, int firstLane, int laneCount, double reachM, double reachLimitM, in VehicleRoute route)
    {
        for (var distance = 1; distance < laneCount; distance++)
        {
            foreach (var candidate in (ReadOnlySpan<int>)[index - distance, index + distance])
            {
                // Neighbours' reaches are cached (a vehicle that cannot change yet asks again every step).
                if (candidate >= 0 && candidate < laneCount && Network.LaneAllows(firstLane + candidate, _typeClass[route.Type]) &&
                    (distance == 1 ? CachedReachM(firstLane + candidate, candidate - index, in route) : ReachM(firstLane + candidate, in route, reachLimitM)) > reachM)
                {
                    return firstLane + index + Math.Sign(candidate - index);
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// How far beyond the end of <paramref name="lane"/> (on the vehicle's current edge) the vehicle can drive along its
    /// route without changing lanes, following at each junction the connection <see cref="ExitConnectionOf"/> picks:
    /// 0 if the lane does not lead onto the next edge, +∞ if the route ends before it must change; counted up to
    /// <paramref name="limitM"/> (any value at or above it means "far enough"), metres.
    /// </summary>
    private double ReachM(int lane, in VehicleRoute route, double limitM) =>
        ReachAlongRouteM(lane, route.Route, route.Step, route.Type, limitM, maxHops: 16, firstExits: false);

    /// <summary>
    /// The walk behind <see cref="ReachM"/> and the fan-out choice of <see cref="ExitConnectionOf"/>: from
    /// <paramref name="lane"/> at route step <paramref name="step"/>, the length of the lanes driven without a lane
    /// change, leaving each junction by <see cref="ExitConnectionOf"/> or, with <paramref name="firstExits"/>, by
    /// <see cref="FirstExitConnection"/> (no further fan-out choices: bounded work); +∞ when the route ends first.
    /// </summary>
    private double ReachAlongRouteM(int lane, int route, int step, int type, double limitM, int maxHops, bool firstExits)
    {
        var reach = 0.0;
        for (var hop = 0; hop < maxHops && reach < limitM; hop++)
        {
            var exit = firstExits ? FirstExitConnection(lane, route, step, type, out _) : ExitConnectionOf(lane, route, step, type);
            if (exit == VehicleRoute.LastEdge)
            {
                return double.PositiveInfinity;
            }

            if (exit < 0)
            {
                return reach;
            }

            lane = Network.Connections[exit].ToLane;
            reach += _laneLengthM[lane];
            step++;
        }

        return reach;
    }

    /// <summary><see cref="ReachM"/> up to <see cref="LookAheadM"/> of the vehicle's own lane (<paramref name="side"/> 0) or
    /// a neighbouring one (−1 right, +1 left), computed once per lane, route and route step of the trip (it changes only
    /// when one of them does; walking along the route for every vehicle every step cost 5–8% of a Monaco run).</summary>
    private double CachedReachM(int lane, int side, in VehicleRoute route)
    {
        var index = 3 * route.Trip + side + 1; // sized for every trip before the phase (EnsureTripCaches)

        ref var cached = ref _reachCache[index];
        if (cached.LanePlus1 != lane + 1 || cached.Step != route.Step || cached.Route != route.Route)
        {
            cached = new ReachCacheEntry(lane + 1, route.Step, route.Route, ReachM(lane, in route, LookAheadM));
        }

        return cached.ReachM;
    }

    /// <summary>A cached reach and what it was computed for.</summary>
    private readonly record struct ReachCacheEntry(int LanePlus1, int Step, int Route, double ReachM);

    /// <summary>Cooperation (as SUMO's LC2013): the vehicle behind on the target lane holds back behind this one's rear,
    /// so that a vehicle that must change lanes can get in instead of blocking both lanes.</summary>
    private void AskToHoldBack(PartitionState part, int target, in LaneSlot slot)
    {
        var (_, follower) = Neighbours(target, slot.PosM);
        if (follower >= 0 && _lanes.Slots(target)[follower].PosM < slot.BackM - 0.5)
        {
            // Only a vehicle truly behind can make room; one alongside has to drive on first.
            part.HoldBack[_lanes.Slots(target)[follower].Vehicle] = slot.BackM;
        }
    }

    /// <summary>The neighbouring lane in the direction of the nearest lane that continues along the route.</summary>
    private int StrategicTarget(int firstLane, int laneCount, int index, int route, int step, int type)
    {
        for (var distance = 1; distance < laneCount; distance++)
        {
            foreach (var candidate in (ReadOnlySpan<int>)[index - distance, index + distance])
            {
                if (candidate >= 0 && candidate < laneCount &&
                    FirstExitConnection(firstLane + candidate, route, step, type, out _) != VehicleRoute.NoConnection)
                {
                    return firstLane + index + Math.Sign(candidate - index);
                }
            }
        }

        return -1;
    }

    /// <summary>Safety criterion: no overlap, and the new follower need not brake harder than <paramref name="maxDecelMps2"/>.</summary>
    private bool Safe(int target, in LaneSlot me, in CarFollowParameters type, double stepS, double maxDecelMps2)
    {
        var (leader, follower) = Neighbours(target, me.PosM);
        if (leader >= 0)
        {
            var ahead = _lanes.Slots(target)[leader];
            var gap = ahead.BackM - me.PosM;
            if (gap < type.MinGapM * 0.5 || CarFollowing.CarFollowing.MaxSafeSpeedMps(gap, ahead.SpeedMps, stepS, in type) < me.SpeedMps)
            {
                return false;
            }
        }

        if (follower >= 0)
        {
            var behind = _lanes.Slots(target)[follower];
            var gap = me.BackM - behind.PosM;
            ref readonly var followerType = ref _params[World.Get<VehicleRoute>(behind.Vehicle).Type];
            if (gap < followerType.MinGapM * 0.5)
            {
                return false;
            }

            var next = CarFollowing.CarFollowing.NextSpeedMps(behind.SpeedMps, Math.Max(behind.SpeedMps, 1), gap, me.SpeedMps, stepS, 0, in followerType);
            if ((next - behind.SpeedMps) / stepS < -maxDecelMps2)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>MOBIL incentive: own acceleration gain plus politeness times the followers' gains, m/s².</summary>
    private double MobilGain(int lane, int k, int target, in LaneSlot me, in VehicleRoute route, in CarFollowParameters type, double stepS)
    {
        var desired = Math.Min(type.MaxSpeedMps, _laneSpeedMps[lane] * route.SpeedFactor);
        var slots = _lanes.Slots(lane);
        var current = k > 0 ? Accel(me.SpeedMps, desired, slots[k - 1].BackM - me.PosM, slots[k - 1].SpeedMps, in type, stepS)
            : Accel(me.SpeedMps, desired, double.PositiveInfinity, 0, in type, stepS);
        var (leader, follower) = Neighbours(target, me.PosM);
        var targetSlots = _lanes.Slots(target);
        var after = leader >= 0
            ? Accel(me.SpeedMps, desired, targetSlots[leader].BackM - me.PosM, targetSlots[leader].SpeedMps, in type, stepS)
            : Accel(me.SpeedMps, desired, double.PositiveInfinity, 0, in type, stepS);
        var others = 0.0;
        if (follower >= 0)
        {
            // The new follower: behind its old leader (or free) before, behind me after.
            var behind = targetSlots[follower];
            ref readonly var ft = ref _params[World.Get<VehicleRoute>(behind.Vehicle).Type];
            var before = leader >= 0 ? Accel(behind.SpeedMps, desired, targetSlots[leader].BackM - behind.PosM, targetSlots[leader].SpeedMps, in ft, stepS)
                : Accel(behind.SpeedMps, desired, double.PositiveInfinity, 0, in ft, stepS);
            others += Accel(behind.SpeedMps, desired, me.BackM - behind.PosM, me.SpeedMps, in ft, stepS) - before;
        }

        if (k + 1 < slots.Length)
        {
            // The old follower: behind me before, behind my old leader (or free) after.
            var behind = slots[k + 1];
            ref readonly var ft = ref _params[World.Get<VehicleRoute>(behind.Vehicle).Type];
            var before = Accel(behind.SpeedMps, desired, me.BackM - behind.PosM, me.SpeedMps, in ft, stepS);
            var afterOld = k > 0 ? Accel(behind.SpeedMps, desired, slots[k - 1].BackM - behind.PosM, slots[k - 1].SpeedMps, in ft, stepS)
                : Accel(behind.SpeedMps, desired, double.PositiveInfinity, 0, in ft, stepS);
            others += afterOld - before;
        }

        return after - current + type.Politeness * others;
    }

    private static double Accel(double speed, double desired, double gap, double leaderSpeed, in CarFollowParameters type, double stepS) =>
        type.Model == CarFollowModel.Idm
            ? IdmModel.Acceleration(speed, desired, gap, leaderSpeed, in type)
            : (CarFollowing.CarFollowing.NextSpeedMps(speed, desired, gap, leaderSpeed, stepS, 0, in type) - speed) / stepS;

    /// <summary>Slot indices of the would-be leader and follower on a lane for a vehicle whose front is at <paramref name="posM"/>.</summary>
    private (int Leader, int Follower) Neighbours(int lane, double posM)
    {
        var slots = _lanes.Slots(lane);
        var i = 0;
        while (i < slots.Length && slots[i].PosM >= posM)
        {
            i++;
        }

        return (i - 1, i < slots.Length ? i : -1);
    }

    private bool Apply(PartitionState part, int lane, int k, int target, in LaneSlot slot, ref VehicleRoute route)
    {
        _lanes.RemoveAt(lane, k);
        _lanes.Insert(target, slot);
        ref var kinematics = ref World.Get<Kinematics>(slot.Vehicle);
        kinematics.Lane = target;
        kinematics.LastLaneChangeMs = Clock.Now.Milliseconds;
        kinematics.MayPass = false;
        route.ExitConnection = ExitConnectionOf(target, route.Route, route.Step, route.Type);
        part.LaneChanges++;
        return true;
    }

    /// <summary>Within this distance of its lane's end, a vehicle that must change lanes asks the target lane's
    /// follower to let it in, metres.</summary>
    private const double CooperationDistanceM = 60;

    /// <summary>Shortest time between two discretionary lane changes of one vehicle, ms (damps ping-pong).</summary>
    private const long MinDiscretionaryIntervalMs = 3000;

    /// <summary>Lane changes performed so far.</summary>
    public long LaneChanges { get; private set; }
}
