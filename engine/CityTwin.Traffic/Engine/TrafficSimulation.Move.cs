using CityTwin.Model.Roads;
using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Outputs;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>Length of the stop-line zone that counts as detector occupancy for actuated signals, metres.</summary>
    private const double StopLineDetectorM = 5.0;

    /// <summary>Phase 3: apply the decided speeds, cross junctions, arrive, and remove vehicles stuck too long.</summary>
    /// <remarks>A partition writes its own lanes' vehicles and lane lists; what reaches beyond them is addressed to the
    /// owner (vehicles that crossed onto another lane, edge samples and loop observations away from the start lane: see
    /// <see cref="ApplyCrossings"/>) or to the serial end of the step (ended trips: <see cref="MergePartitions"/>).
    /// Edges entered and left are counted in the partition's own arrays of <see cref="EdgeDataCollector"/> (summed when an
    /// interval closes), so no counter is shared between threads.</remarks>
    private void MoveLanes(int p, PartitionState part)
    {
        var stepS = Options.StepMs / 1000.0;
        var endMs = Clock.Now.Milliseconds + Options.StepMs;

        // The lane lists are kept up to date as vehicles move, instead of being rebuilt from every vehicle afterwards:
        // a vehicle that stays on its lane keeps its place (no overtaking within a lane) and its slot is refreshed in
        // place; one that crosses onto another lane joins it after all lanes have moved, at its ordered place; one that
        // ends its trip drops out. The order is the same front-first order a full sort would give.
        var occupied = _lanes.OccupiedIn(p);
        for (var i = 0; i < occupied.Count; i++)
        {
            var lane = occupied[i];
            var slots = _lanes.Slots(lane);
            part.VehicleUpdates += slots.Length; // one update per vehicle moved (per lane: no shared write per vehicle)
            var limitFrontM = double.PositiveInfinity;
            var kept = 0;
            var ordered = true;
            for (var k = 0; k < slots.Length; k++)
            {
                var slot = slots[k];
                limitFrontM = MoveVehicle(part, slot.Vehicle, lane, limitFrontM, stepS, endMs, front: k == 0, out var toLane, out slot.PosM, out slot.SpeedMps,
                    out slot.WaitsAtLink);
                if (toLane == lane)
                {
                    ordered &= kept == 0 || LaneOccupancy.Before(slots[kept - 1], slot);
                    slots[kept++] = slot;
                }
                else if (toLane >= 0)
                {
                    part.CrossersTo[_lanes.PartitionOf(toLane)].Add((toLane, slot));
                }
            }

            _lanes.Truncate(lane, kept, sort: !ordered);
        }
    }

    /// <summary>Moves one vehicle; returns the furthest front position (in its start lane's coordinates) its follower may reach.
    /// <paramref name="front"/>: it is the first vehicle of its lane.
    /// <paramref name="endLane"/>: the lane it ends the step on, with its position and speed there; −1 when its trip ended.
    /// <paramref name="waitsAtLink"/>: its <see cref="Kinematics.WaitsAtLink"/>, for its lane slot.</summary>
    private double MoveVehicle(PartitionState part, Entity vehicle, int startLane, double limitFrontM, double stepS, long endMs, bool front,
        out int endLane, out double endPosM, out double endSpeedMps, out bool waitsAtLink)
    {
        endLane = -1;
        endPosM = 0;
        endSpeedMps = 0;
        ref var kinematics = ref World.Get<Kinematics>(vehicle);
        ref var route = ref World.Get<VehicleRoute>(vehicle);
        ref var stats = ref World.Get<TripStats>(vehicle);
        ref readonly var type = ref _params[route.Type];
        waitsAtLink = kinematics.WaitsAtLink; // decided before the move, read by the vehicles behind in the next step
        var v0 = kinematics.SpeedMps;
        var v1 = kinematics.NextSpeedMps;
        var startPos = kinematics.PosM;
        // Euler (Krauss, as SUMO's default) or ballistic update (see PositionUpdate); ballistically, a vehicle that decides
        // to stop and can do so at comfortable deceleration within the step stops part-way through it (as SUMO's
        // ballistic update does), instead of creeping on for the whole step.
        var euler = _euler[route.Type];
        var pos = euler ? startPos + v1 * stepS
            : startPos + (v1 == 0 ? StopAdvanceM(v0, kinematics.ObstacleM, stepS, in type) : 0.5 * (v0 + v1) * stepS);
        if (pos > limitFrontM)
        {
            // The follower may not end the step inside its leader: cut the move and match the leader's speed.
            part.LeaderOverlaps += pos - limitFrontM > 0.01 ? 1 : 0;
            pos = Math.Max(startPos, limitFrontM);
            v1 = Math.Max(0, Math.Min(v1, euler ? (pos - startPos) / stepS : 2 * (pos - startPos) / stepS - v0));
        }

        var lane = startLane;
        var laneLength = _laneLengthM[lane];
        var desired = Math.Min(type.MaxSpeedMps, _laneSpeedMps[lane] * route.SpeedFactor);
        var offsetInStartLane = 0.0;
        var hops = 0;
        // Lanes with loops that the vehicle enters and leaves within the step (pieces of a few metres between junctions):
        // their loops count it too, as SUMO's loops see every lane a vehicle passes over.
        Span<(int Lane, double OffsetM)> passedOver = stackalloc (int, double)[4];
        var passedOverCount = 0;
        while (true)
        {
            if (route.ExitConnection == VehicleRoute.LastEdge)
            {
                // A negative arrival position counts back from the lane's end (SUMO: arrivalPos="-1").
                var arrivalM = route.ArrivalPosM < 0 ? Math.Max(0, laneLength + route.ArrivalPosM) : Math.Min(route.ArrivalPosM, laneLength);
                if (pos >= arrivalM)
                {
                    FinishStats(part, type.LengthM, ref stats, ref kinematics, lane, v1, desired, pos - startPos + offsetInStartLane, stepS);
                    part.Ended.Add(new EndedTrip(vehicle, route.Trip, route.Type, stats, endMs, startLane, lane, Removed: false));
                    return offsetInStartLane + laneLength - type.LengthM;
                }

                break;
            }

            if (pos < laneLength)
            {
                break;
            }

            var exit = route.ExitConnection;
            // A rail signal reached beyond the first junction of the step is not passed in the same step: whether its block
            // is clear is read in the decide phase (other partitions are moving vehicles now), so the vehicle waits there.
            var permitted = exit >= 0 && (hops == 0 ? kinematics.MayPass
                : SignalAllows(exit, v1, 0, in type) && Network.Connections[exit].Control != LinkControl.RailSignal);
            if (!permitted)
            {
                // Held at the stop line (red, yielding, no room, or a lane change that did not happen in time).
                part.StopLineOvershoots += pos - laneLength > 0.5 && hops == 0 ? 1 : 0;
                pos = laneLength;
                v1 = 0;
                break;
            }

            // Cross the junction onto the next lane of the route.
            if (hops > 0 && passedOverCount < passedOver.Length && _detectorsByLane[lane].Length > 0)
            {
                passedOver[passedOverCount++] = (lane, offsetInStartLane);
            }

            var connection = Network.Connections[exit];
            _stopLineMs[lane * StopLineStride] = endMs; // every writer of this step writes the same value
            _clearUntilMs[exit] = endMs + (long)(Options.CrossingTimeS * 1000);
            EdgeData.Left(part.Index, _laneEdge[lane]);
            // The path across the junction (SUMO's internal lanes) is driven too: the vehicle reaches the next lane after
            // it, so until then its position there is negative.
            pos -= laneLength + connection.LengthM;
            offsetInStartLane += laneLength + connection.LengthM;
            route.Step++;
            lane = connection.ToLane;
            laneLength = _laneLengthM[lane];
            route.ExitConnection = ExitConnectionOf(lane, route.Route, route.Step, route.Type);
            EdgeData.Entered(part.Index, _laneEdge[lane]);
            hops++;
        }

        if (laneLength - pos <= StopLineDetectorM)
        {
            _stopLineMs[lane * StopLineStride] = endMs;
        }

        if (lane != startLane)
        {
            kinematics.LastLaneChangeMs = Clock.Now.Milliseconds; // entering a lane starts the wait before a change for speed
        }

        kinematics.Lane = lane;
        kinematics.PosM = pos;
        FinishStats(part, type.LengthM, ref stats, ref kinematics, lane, v1, desired, pos + offsetInStartLane - startPos, stepS);
        // A loop sees a vehicle that starts or ends the step on its lane, or passes over its lane: only those lanes'
        // loops are asked (a passed lane's loops see the vehicle end beyond that lane's end). Loops away from the start
        // lane may belong to another partition: those observations are deferred.
        var advancedM = pos + offsetInStartLane - startPos;
        ObserveLoops(startLane, startLane, startPos, lane, pos, type.LengthM, v1, stepS, advancedM);
        if (lane != startLane && _detectorsByLane[lane].Length > 0)
        {
            part.LoopsTo[_lanes.PartitionOf(lane)].Add(new LoopObservation(lane, startLane, startPos, lane, pos, type.LengthM, v1, advancedM));
        }

        for (var i = 0; i < passedOverCount; i++)
        {
            var (passedLane, offsetM) = passedOver[i];
            part.LoopsTo[_lanes.PartitionOf(passedLane)].Add(
                new LoopObservation(passedLane, startLane, startPos, passedLane, pos + offsetInStartLane - offsetM, type.LengthM, v1, advancedM));
        }

        // Only the first vehicle of a lane is removed for waiting too long (as SUMO teleports only a lane's leader): a queue
        // behind a blocked vehicle waits for it, and moves up once it is gone, instead of being removed all at once.
        if (front && Options.MaxWaitS > 0 && stats.StoppedS >= Options.MaxWaitS)
        {
            part.Ended.Add(new EndedTrip(vehicle, route.Trip, route.Type, stats, endMs, startLane, lane, Removed: true));
            return double.PositiveInfinity;
        }

        (endLane, endPosM, endSpeedMps) = (lane, pos, v1);
        return offsetInStartLane + pos - type.LengthM;
    }

    /// <summary>Tells the loops of <paramref name="loopLane"/> about one vehicle's move (see <see cref="InductionLoop"/>).</summary>
    private void ObserveLoops(int loopLane, int startLane, double startPosM, int endLane, double endPosM, double lengthM, double speedMps,
        double stepS, double advancedM)
    {
        foreach (var detector in _detectorsByLane[loopLane])
        {
            detector.Observe(startLane, startPosM, endLane, endPosM, lengthM, speedMps, stepS, Clock.Now.Seconds, advancedM);
        }
    }

    /// <summary>
    /// Distance a vehicle that decided to stop covers in the step: at comfortable deceleration when that fits before the
    /// obstacle, else the obstacle distance if emergency braking allows it, else its emergency stopping distance.
    /// </summary>
    private static double StopAdvanceM(double v0, double obstacleM, double stepS, in CarFollowing.CarFollowParameters type)
    {
        var linear = 0.5 * v0 * stepS;
        var comfortable = Math.Min(linear, v0 * v0 / (2 * type.DecelMps2));
        if (comfortable <= obstacleM)
        {
            return comfortable;
        }

        return Math.Min(linear, Math.Max(Math.Max(obstacleM, 0), v0 * v0 / (2 * type.EmergencyDecelMps2)));
    }

    private void FinishStats(PartitionState part, double lengthM, ref TripStats stats, ref Kinematics kinematics, int lane,
        double v1, double desired, double advancedM, double stepS)
    {
        kinematics.AccelMps2 = (v1 - kinematics.SpeedMps) / stepS;
        kinematics.SpeedMps = v1;
        stats.RouteLengthM += advancedM;
        if (v1 <= HaltingSpeedMps)
        {
            stats.WaitingS += stepS;
            stats.StoppedS += stepS;
        }
        else
        {
            stats.StoppedS = 0;
        }

        stats.TimeLossS += stepS * Math.Max(0, 1 - v1 / desired);
        EdgeData.Sample(part.Index, _laneEdge[lane], v1, Options.StepMs, lengthM); // exact sums: any partition may add
    }

    private void EndTrip(in EndedTrip ended)
    {
        var trip = _schedule[ended.Trip];
        var stats = ended.Stats;
        TripInfos.Add(new TripInfo(
            trip.Id, Types[ended.Type].Id, stats.DepartMs / 1000.0, (stats.DepartMs - stats.PlannedDepartMs) / 1000.0,
            ended.EndMs / 1000.0, (ended.EndMs - stats.DepartMs) / 1000.0, stats.RouteLengthM, stats.WaitingS, stats.TimeLossS,
            ended.Removed ? TripStatus.Removed : TripStatus.Arrived));
        if (ended.Removed)
        {
            Removed++;
        }
        else
        {
            Arrived++;
            EdgeData.ArrivedOn(_laneEdge[ended.Lane]);
        }

        BeforeVehicleDestroyed(ended.Vehicle);
        World.Destroy(ended.Vehicle);
    }

    /// <summary>Induction loops by lane (rebuilt when loops are added or removed).</summary>
    private InductionLoop[][] _detectorsByLane = [];

    private int _indexedDetectorCount = -1;

    private void IndexDetectors()
    {
        if (_indexedDetectorCount == Detectors.Count && _detectorsByLane.Length == _laneLengthM.Length)
        {
            return;
        }

        _detectorsByLane = new InductionLoop[_laneLengthM.Length][];
        Array.Fill(_detectorsByLane, []);
        foreach (var group in Detectors.Where(d => d.Lane >= 0 && d.Lane < _laneLengthM.Length).GroupBy(d => d.Lane))
        {
            _detectorsByLane[group.Key] = [.. group];
        }

        _indexedDetectorCount = Detectors.Count;
    }
}
