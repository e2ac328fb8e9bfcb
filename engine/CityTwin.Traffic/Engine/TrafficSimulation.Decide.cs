using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using CityTwin.Traffic.Junctions;
using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>Random-draw purpose: Krauss dawdling.</summary>
    private const int DawdlePurpose = 1;

    /// <summary>Below this speed a vehicle counts as halted (SUMO's <c>SUMO_const_haltingSpeed</c>), m/s.</summary>
    private const double HaltingSpeedMps = 0.1;

    /// <summary>Phase 1: the nearest vehicle on each connection announces its arrival time to the connection's foes (a
    /// connection is written only by its own lane's partition).</summary>
    private void RegisterApproaches(int p)
    {
        var step = ApproachStep;
        var occupied = _lanes.OccupiedIn(p);
        for (var i = 0; i < occupied.Count; i++)
        {
            var lane = occupied[i];
            var slots = _lanes.Slots(lane);
            var length = _laneLengthM[lane];
            for (var k = 0; k < slots.Length; k++)
            {
                var distance = length - slots[k].PosM;
                if (distance > Options.ApproachDistanceM)
                {
                    break;
                }

                var vehicle = slots[k].Vehicle;
                ref var route = ref World.Get<VehicleRoute>(vehicle);
                var connection = route.ExitConnection;
                if (connection < 0 || _approach[connection].Step == step)
                {
                    continue;
                }

                ref var kinematics = ref World.Get<Kinematics>(vehicle);
                ref var stats = ref World.Get<TripStats>(vehicle);
                var speed = kinematics.SpeedMps;
                _approach[connection] = new Approach
                {
                    Step = step,
                    Trip = route.Trip,
                    ArrivalS = speed > 0.5 ? distance / speed : 1.0 + Math.Sqrt(2 * distance / _params[route.Type].AccelMps2),
                    Blocked = !kinematics.MayPass && speed < 0.5,
                    WaitedS = stats.StoppedS,
                    AtLine = distance < 5 && speed < 0.5,
                };
            }
        }
    }

    /// <summary>Phase 2: every vehicle decides its speed at the end of the step (reads the start-of-step state only; each
    /// lane writes only the components of its own vehicles, so the outcome does not depend on the partitions).</summary>
    private void DecideLanes(int p)
    {
        var stepS = Options.StepMs / 1000.0;
        var lanes = _lanes.OccupiedIn(p);
        for (var i = 0; i < lanes.Count; i++)
        {
            DecideLane(lanes[i], stepS);
        }
    }

    private void DecideLane(int lane, double stepS)
    {
        var slots = _lanes.Slots(lane);
        if (slots.Length == 0)
        {
            return;
        }

        var length = _laneLengthM[lane];
        var stepIndex = Clock.StepIndex;
        var lengthsAheadM = 0.0; // lengths of the vehicles ahead on this lane
        for (var k = 0; k < slots.Length; lengthsAheadM += slots[k].LengthM, k++)
        {
            var vehicle = slots[k].Vehicle;
            ref var kinematics = ref World.Get<Kinematics>(vehicle);
            ref var route = ref World.Get<VehicleRoute>(vehicle);
            ref readonly var type = ref _params[route.Type];
            var speed = kinematics.SpeedMps;
            var desired = Math.Min(type.MaxSpeedMps, _laneSpeedMps[lane] * route.SpeedFactor);
            var distance = length - kinematics.PosM;
            desired = PathSpeedLimited(desired, lane, kinematics.PosM, distance, in route, in type);
            double gap;
            double leaderSpeed;
            var mayPass = false;
            var linkDecided = k == 0;
            if (k > 0)
            {
                gap = slots[k - 1].BackM - kinematics.PosM;
                leaderSpeed = slots[k - 1].SpeedMps;
                if (route.ExitConnection != VehicleRoute.LastEdge && distance < Options.ApproachDistanceM)
                {
                    linkDecided = true;
                    // A follower may reach the line right behind its leader: it needs its own permission, and a stop
                    // line it may not pass limits it like a standing obstacle.
                    mayPass = route.ExitConnection >= 0 &&
                              (MayEnter(route.ExitConnection, in route, speed, distance, in type, World.Get<TripStats>(vehicle).StoppedS, lengthsAheadM + k * type.MinGapM) ||
                               Committed(route.ExitConnection, in route, speed, distance, in type, kinematics.MayPass));
                    if (!mayPass && distance < gap)
                    {
                        gap = distance;
                        leaderSpeed = 0;
                    }
                }
            }
            else
            {
                (gap, leaderSpeed, mayPass) = LookAhead(lane, distance, speed, in route, in type, World.Get<TripStats>(vehicle).StoppedS,
                    stepS, kinematics.MayPass);
            }

            if (_holdBack.Count > 0 && _holdBack.TryGetValue(vehicle, out var holdBackM) && holdBackM - kinematics.PosM < gap &&
                holdBackM - kinematics.PosM > -type.LengthM)
            {
                gap = Math.Max(0, holdBackM - kinematics.PosM);
                leaderSpeed = 0;
            }

            var uniform = type.Model == CarFollowing.CarFollowModel.Krauss
                ? StepRandom.Uniform(Options.Seed, route.Trip, stepIndex, DawdlePurpose)
                : 0;
            kinematics.NextSpeedMps = CarFollowing.CarFollowing.NextSpeedMps(speed, desired, gap, leaderSpeed, stepS, uniform, in type,
                out var planned);
            kinematics.MayPass = mayPass;
            kinematics.WaitsAtLink = route.ExitConnection >= 0 && WaitsAtLink(speed, planned, distance, mayPass || !linkDecided, stepS, in type);
            kinematics.ObstacleM = gap;
        }
    }

    /// <summary>
    /// The desired speed under the speed limits of junction paths (SUMO's internal lanes, slower for turns): on the path
    /// just crossed (still at a negative position on this lane) its limit; before the next one, the speed from which the
    /// vehicle can slow to that limit at its comfortable deceleration by the stop line (as SUMO's free speed towards a
    /// slower lane ahead).
    /// </summary>
    private double PathSpeedLimited(double desired, int lane, double posM, double distanceM, in VehicleRoute route,
        in CarFollowing.CarFollowParameters type)
    {
        if (posM < 0 && route.Step > 0)
        {
            var onPath = ArrivedPathSpeedMps(lane, route.Route, route.Step);
            if (onPath > 0)
            {
                desired = Math.Min(desired, onPath * route.SpeedFactor);
            }
        }

        if (route.ExitConnection >= 0 && Network.Connections[route.ExitConnection].SpeedMps is > 0 and var limit)
        {
            var atLine = limit * route.SpeedFactor;
            if (atLine < desired)
            {
                desired = Math.Min(desired, Math.Sqrt(atLine * atLine + 2 * type.DecelMps2 * Math.Max(0, distanceM)));
            }
        }

        return desired;
    }

    /// <summary>Speed limit of the junction path a vehicle on <paramref name="lane"/> (at route step
    /// <paramref name="step"/>) came by: the lowest among the connections from its previous edge onto the lane.</summary>
    private double ArrivedPathSpeedMps(int lane, int route, int step)
    {
        var previous = Network.Edges[Routes.Edge(route, step - 1)];
        var lowest = 0.0;
        for (var l = previous.FirstLane; l < previous.FirstLane + previous.LaneCount; l++)
        {
            foreach (var c in Network.GetConnections(l))
            {
                if (c.ToLane == lane && c.SpeedMps > 0 && (lowest == 0 || c.SpeedMps < lowest))
                {
                    lowest = c.SpeedMps;
                }
            }
        }

        return lowest;
    }

    /// <summary>Finds what limits the first vehicle of a lane: a vehicle on a lane ahead, a stop line, or nothing.</summary>
    private (double GapM, double LeaderSpeedMps, bool MayPass) LookAhead(int lane, double distance, double speed,
        in VehicleRoute route, in CarFollowing.CarFollowParameters type, double stoppedS, double stepS, bool wasPermitted)
    {
        var horizon = Math.Max(Options.ApproachDistanceM, speed * speed / (2 * type.DecelMps2) + speed * stepS * 2);
        var connection = route.ExitConnection;
        var step = route.Step;
        var mayPass = false;
        for (var hop = 0; hop < 8; hop++)
        {
            if (connection == VehicleRoute.LastEdge)
            {
                return (double.PositiveInfinity, 0, mayPass);
            }

            if (connection == VehicleRoute.NoConnection)
            {
                return (distance, 0, mayPass);
            }

            var permitted = hop == 0
                ? MayEnter(connection, in route, speed, distance, in type, stoppedS, 0) || Committed(connection, in route, speed, distance, in type, wasPermitted)
                : SignalAllows(connection, speed, distance, in type) &&
                  (Network.Connections[connection].Control != LinkControl.RailSignal || BlockClear(connection, route.Route, step, route.Type));
            if (hop == 0)
            {
                mayPass = permitted;
            }

            if (!permitted)
            {
                return (distance, 0, mayPass);
            }

            var next = Network.Connections[connection].ToLane;
            distance += Network.Connections[connection].LengthM; // the path across the junction
            if (_lanes.TryGetLast(next, out var last))
            {
                return (distance + last.BackM, last.SpeedMps, mayPass);
            }

            distance += _laneLengthM[next];
            if (distance > horizon)
            {
                return (double.PositiveInfinity, 0, mayPass);
            }

            step++;
            connection = ExitConnectionOf(next, route.Route, step, route.Type);
        }

        return (double.PositiveInfinity, 0, mayPass);
    }

    /// <summary>Longest block a rail signal guards, metres: the walk along the route stops there (a line without further
    /// signals is clear once this much track beyond the signal is empty).</summary>
    private const double MaxBlockM = 20_000;

    /// <summary>
    /// Whether the block behind rail signal <paramref name="connection"/> is clear for a vehicle on route
    /// <paramref name="routeIndex"/> at route step <paramref name="step"/> (the step of the lane the signal ends): no
    /// vehicle on the lanes from the signal up to the next rail signal along the route, or to the route's end, and no
    /// train's rear still in the block beyond it (SUMO's <c>rail_signal</c>, without its reservations of merging routes
    /// and flank protection).
    /// </summary>
    /// <remarks>Reads only lanes' occupancy, so it belongs to the read phase (Decide); the move phase does not call it.</remarks>
    private bool BlockClear(int connection, int routeIndex, int step, int type)
    {
        var lane = Network.Connections[connection].ToLane;
        var lengthM = 0.0;
        for (var s = step + 1; lengthM < MaxBlockM; s++)
        {
            if (_lanes.Slots(lane).Length > 0)
            {
                return false;
            }

            var next = ExitConnectionOf(lane, routeIndex, s, type);
            if (next < 0)
            {
                return true;
            }

            if (Network.Connections[next].Control == LinkControl.RailSignal)
            {
                return TailClear(next, routeIndex, s + 1, type);
            }

            lengthM += _laneLengthM[lane] + Network.Connections[next].LengthM;
            lane = Network.Connections[next].ToLane;
        }

        return true;
    }

    /// <summary>
    /// Whether no train still stands in a block with its rear after its front has passed the block's end, rail signal
    /// <paramref name="blockEnd"/> (SUMO counts such partial occupation): looks along the route beyond the signal for
    /// as far as the longest vehicle type reaches.
    /// </summary>
    private bool TailClear(int blockEnd, int routeIndex, int step, int type)
    {
        var behindM = (double)Network.Connections[blockEnd].LengthM; // from the signal's stop line to the start of the lane beyond
        var lane = Network.Connections[blockEnd].ToLane;
        for (var s = step; behindM < _longestVehicleM; s++)
        {
            if (_lanes.TryGetLast(lane, out var last))
            {
                return behindM + last.BackM >= 0; // the vehicle nearest the signal: is its rear past the stop line?
            }

            var next = ExitConnectionOf(lane, routeIndex, s, type);
            if (next < 0)
            {
                return true;
            }

            behindM += _laneLengthM[lane] + Network.Connections[next].LengthM;
            lane = Network.Connections[next].ToLane;
        }

        return true;
    }

    /// <summary>Whether a signal ahead lets the vehicle pass (junctions beyond the first are checked for red only).</summary>
    private bool SignalAllows(int connection, double speed, double distance, in CarFollowing.CarFollowParameters type)
    {
        if (LightState(in Network.Connections[connection]) is not { } state)
        {
            return true;
        }

        return state switch
        {
            SignalState.Red => false,
            SignalState.Yellow => speed * speed / (2 * type.DecelMps2) >= distance,
            _ => true,
        };
    }

    /// <summary>Right of way at the stop line: signal state, stop signs, foes with priority, and room to leave.</summary>
    private bool MayEnter(int connection, in VehicleRoute route, double speed, double distance, in CarFollowing.CarFollowParameters type,
        double stoppedS, double queuedAheadM)
    {
        var trip = route.Trip;
        var c = Network.Connections[connection];
        var mustYield = true;
        switch (c.Control)
        {
            case LinkControl.Signal:
            case LinkControl.RailCrossing: // an open crossing is green (major) and still gives way to the tracks (below)
                var state = LightState(in c)!.Value;
                if (state == SignalState.Red || (state == SignalState.Yellow && speed * speed / (2 * type.DecelMps2) < distance))
                {
                    return false;
                }

                mustYield = state == SignalState.GreenMinor;
                break;
            case LinkControl.Major:
                mustYield = false;
                break;
            case LinkControl.RailSignal:
                if (!BlockClear(connection, route.Route, route.Step, route.Type))
                {
                    return false;
                }

                mustYield = false;
                break;
            case LinkControl.Stop:
            case LinkControl.AllWayStop:
                if (!(distance < 5 && speed < 0.5 && stoppedS >= 1))
                {
                    return false;
                }

                break;
        }

        if (KeptClear(in c) && !RoomToLeave(c.ToLane, in route, in type, queuedAheadM))
        {
            return false;
        }

        var myArrivalS = speed > 0.5 ? distance / speed : Math.Sqrt(2 * Math.Max(distance, 0) / type.AccelMps2);
        var myLeaveS = myArrivalS + Options.CrossingTimeS;
        var now = Clock.Now.Milliseconds;
        var allWay = c.Control == LinkControl.AllWayStop;
        foreach (var conflict in Network.GetConflicts(connection))
        {
            var foe = conflict.Foe;
            if (!allWay && !(mustYield && conflict.MustYield) && !(c.Control is (LinkControl.Major or LinkControl.RailCrossing) && conflict.MustYield))
            {
                continue;
            }

            if (!FoeMayGo(foe))
            {
                continue;
            }

            if (_clearUntilMs[foe] > now)
            {
                return false;
            }

            ref readonly var approach = ref _approach[foe];
            if (approach.Step != ApproachStep)
            {
                continue;
            }

            if (approach.Blocked || allWay)
            {
                // A foe held at its line does not come; waiting the longest breaks right-before-left and all-way ties.
                if (approach.AtLine && (approach.WaitedS > stoppedS || (approach.WaitedS == stoppedS && approach.Trip < trip)))
                {
                    return false;
                }

                continue;
            }

            if (approach.ArrivalS < myLeaveS + Options.CriticalGapS)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A vehicle that was allowed through in the last step and can no longer stop at comfortable deceleration keeps
    /// its permission (it is committed, as at the start of an amber), as long as the lane beyond has room.
    /// </summary>
    private bool Committed(int connection, in VehicleRoute route, double speed, double distance, in CarFollowing.CarFollowParameters type,
        bool wasPermitted) =>
        wasPermitted && speed * speed / (2 * type.DecelMps2) > distance &&
        (!KeptClear(in Network.Connections[connection]) || RoomToLeave(Network.Connections[connection].ToLane, in route, in type, 0));

    /// <summary>Whether the foe connection's signal (if any) lets its vehicles go at all.</summary>
    private bool FoeMayGo(int foe)
    {
        return LightState(in Network.Connections[foe]) is not { } state ||
               state is SignalState.GreenMajor or SignalState.GreenMinor or SignalState.Yellow;
    }

    /// <summary>What a connection's light shows: its signal's state, or a level crossing's barriers as a light for the
    /// road (see <see cref="LevelCrossings.RoadState"/>); null for a connection without either.</summary>
    private SignalState? LightState(in Connection c) => c.Control switch
    {
        LinkControl.Signal => Signals.State(Network.Junctions[c.Junction].SignalProgram, c.SignalLink),
        LinkControl.RailCrossing => _crossings.RoadState(_crossingOf[c.Junction]),
        _ => null,
    };
}
