using CityTwin.Traffic.Demand;
using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>Random-draw purpose: the speed factor drawn at insertion.</summary>
    private const int SpeedFactorPurpose = 2;

    /// <summary>Random-draw purposes of the depart rules.</summary>
    private const int DepartLanePurpose = 3;

    private const int DepartPosPurpose = 4;

    private const int DepartSpeedPurpose = 5;

    /// <summary>Insertion waits while an upstream vehicle is due at the lane's start within this time, seconds.</summary>
    private const double InsertionClearanceS = 4.0;

    /// <summary>Waiting trips looked at per edge and step (the head and those behind it, for free lanes).</summary>
    private const int InsertionScanLimit = 32;

    /// <summary>
    /// Phase 5: trips due by the end of this step join their first edge's queue; each edge inserts in depart order
    /// while its lanes have room (a trip that cannot go blocks its lane for the step, see <see cref="InsertFrom"/>), and
    /// waiting time counts as depart delay.
    /// </summary>
    private void Insert()
    {
        var endMs = Clock.Now.Milliseconds + Options.StepMs;
        while (_nextScheduled < _schedule.Count && _schedule[_nextScheduled].DepartMs <= endMs)
        {
            var trip = _schedule[_nextScheduled];
            var edge = trip.Edges[0];
            var queue = _edgeQueues[edge] ??= [];
            if (queue.Count == 0)
            {
                _busyEdges.Add(edge);
            }

            queue.Add(_nextScheduled);
            _nextScheduled++;
        }

        if (_busyEdges.Count == 0)
        {
            return;
        }

        // Edges in index order, so insertion order never depends on when queues filled.
        _busyEdges.Sort();
        _buffer.Clear();
        foreach (var edge in _busyEdges)
        {
            InsertFrom(edge, _edgeQueues[edge], endMs);
            if (_edgeQueues[edge].Count > 0)
            {
                _buffer.Add(edge);
            }
        }

        _busyEdges.Clear();
        _busyEdges.AddRange(_buffer);
    }

    /// <summary>
    /// Inserts from an edge's queue in depart order. A trip that cannot be inserted blocks its lane for the rest of the
    /// step, not the edge: later trips whose lane is another one still go (as SUMO, which remembers the lanes where an
    /// insertion failed in a step). At most <see cref="InsertionScanLimit"/> waiting trips are looked at per edge and
    /// step, and none once every lane is blocked.
    /// </summary>
    private void InsertFrom(int edgeIndex, List<int> queue, long endMs)
    {
        ref readonly var edge = ref Network.Edges[edgeIndex];
        var blocked = 0UL;
        var all = edge.LaneCount >= 64 ? ulong.MaxValue : (1UL << edge.LaneCount) - 1;
        var looked = 0;
        for (var i = 0; i < queue.Count && blocked != all && looked < InsertionScanLimit; looked++)
        {
            var tripIndex = queue[i];
            var trip = _schedule[tripIndex];
            var lane = ChooseLane(trip, tripIndex, edge, Types[trip.Type].VehicleClass);
            var bit = lane < 0 ? 0UL : 1UL << Math.Min(lane - edge.FirstLane, 63);
            if (lane >= 0 && (blocked & bit) == 0 && TryInsert(tripIndex, endMs, lane))
            {
                if (_departReach.Count > 0)
                {
                    for (var index = 0; index < edge.LaneCount; index++)
                    {
                        _departReach.Remove((tripIndex, index));
                    }
                }

                queue.RemoveAt(i);
                continue;
            }

            blocked |= bit;
            i++;
        }
    }

    /// <summary>A trip's speed factor. SUMO: speedFactor ~ normc(mean, dev, 0.2, 2), a normal draw clipped by
    /// resampling; the draws hash the trip, so the factor is the same at every insertion attempt.</summary>
    private double SpeedFactorOf(int tripIndex, int type)
    {
        var mean = Types[type].SpeedFactorMean;
        var dev = Types[type].SpeedFactorDev;
        for (var attempt = 0; dev > 0 && attempt < 16; attempt++)
        {
            var u1 = StepRandom.Uniform(Options.Seed, tripIndex, attempt, SpeedFactorPurpose);
            var u2 = StepRandom.Uniform(Options.Seed, tripIndex, attempt + 1000, SpeedFactorPurpose);
            var normal = Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
            var candidate = mean + dev * normal;
            if (candidate is >= 0.2 and <= 2)
            {
                return candidate;
            }
        }

        return mean;
    }

    private bool TryInsert(int tripIndex, long endMs, int bestLane)
    {
        var trip = _schedule[tripIndex];
        ref readonly var type = ref _params[trip.Type];

        // Do not drop a vehicle in front of one about to arrive from an upstream lane (it could not stop in time).
        if (_incoming[bestLane] is { } incoming)
        {
            foreach (var connection in incoming)
            {
                if (_approach[connection].Step == ApproachStep && !_approach[connection].Blocked && _approach[connection].ArrivalS < InsertionClearanceS)
                {
                    return false;
                }

                if (_clearUntilMs[connection] > Clock.Now.Milliseconds)
                {
                    return false;
                }
            }
        }

        var speedFactor = SpeedFactorOf(tripIndex, trip.Type);
        var laneLength = _laneLengthM[bestLane];
        var pos = trip.DepartPos.Kind switch
        {
            DepartPosKind.Given => trip.DepartPos.ResolveFixedM(laneLength, type.LengthM), // negative: from the lane's end, as SUMO
            DepartPosKind.Random => type.LengthM + (laneLength - type.LengthM) * StepRandom.Uniform(Options.Seed, tripIndex, 0, DepartPosPurpose),
            DepartPosKind.Free => FreePosition(bestLane, in type),
            _ => type.LengthM,
        };
        pos = Math.Clamp(pos, Math.Min(type.LengthM, laneLength), laneLength);
        var desired = Math.Min(type.MaxSpeedMps, _laneSpeedMps[bestLane] * speedFactor);
        var strictSpeed = trip.DepartSpeed.Kind is DepartSpeedKind.Given or DepartSpeedKind.Desired;
        var speed = trip.DepartSpeed.Kind switch
        {
            DepartSpeedKind.Given => trip.DepartSpeed.SpeedMps,
            DepartSpeedKind.Random => desired * StepRandom.Uniform(Options.Seed, tripIndex, 0, DepartSpeedPurpose),
            DepartSpeedKind.Max or DepartSpeedKind.Desired => desired,
            _ => 0.0,
        };

        // Room: the vehicle ahead must be at least minGap beyond our front and we must be able to follow it safely;
        // the vehicle behind (if any) must not overlap our back and must be able to stop behind us.
        var stepS = Options.StepMs / 1000.0;
        var slots = _lanes.Slots(bestLane);
        for (var k = 0; k < slots.Length; k++)
        {
            if (slots[k].BackM >= pos)
            {
                var gap = slots[k].BackM - pos;
                if (gap < type.MinGapM)
                {
                    return false;
                }

                var safe = CarFollowing.CarFollowing.MaxSafeSpeedMps(gap - type.MinGapM, slots[k].SpeedMps, stepS, in type);
                if (strictSpeed && speed > safe + 1e-9)
                {
                    return false;
                }

                speed = Math.Min(speed, safe);
                continue;
            }

            var followerGap = pos - type.LengthM - slots[k].PosM;
            if (followerGap < type.MinGapM ||
                CarFollowing.CarFollowing.MaxSafeSpeedMps(followerGap, speed, stepS, in _params[World.Get<VehicleRoute>(slots[k].Vehicle).Type]) < slots[k].SpeedMps)
            {
                return false;
            }

            break;
        }

        var arrivalPos = trip.ArrivalPosM ?? double.PositiveInfinity;
        var entity = World.Create(
            new Kinematics { Lane = bestLane, PosM = pos, SpeedMps = speed, NextSpeedMps = speed, LastLaneChangeMs = long.MinValue / 2 },
            new VehicleRoute
            {
                Trip = tripIndex, Type = trip.Type, Route = trip.Route, Step = 0,
                ExitConnection = ExitConnectionOf(bestLane, trip.Route, 0, trip.Type), SpeedFactor = speedFactor, ArrivalPosM = arrivalPos,
            },
            new TripStats { PlannedDepartMs = trip.DepartMs, DepartMs = Math.Max(endMs, trip.DepartMs) });
        OnVehicleCreated(entity, bestLane);
        _lanes.Insert(bestLane, new LaneSlot { Vehicle = entity, PosM = pos, SpeedMps = speed, LengthM = type.LengthM, Trip = tripIndex });
        EdgeData.Departed(trip.Edges[0]);
        Inserted++;
        return true;
    }

    /// <summary>The first lane the class may use, from <paramref name="index"/> leftwards, wrapping round (−1 if none).</summary>
    private int FirstAllowedFrom(in Model.Roads.Edge edge, int index, Model.Roads.VehicleClasses vehicleClass)
    {
        for (var i = 0; i < edge.LaneCount; i++)
        {
            var lane = edge.FirstLane + (index + i) % edge.LaneCount;
            if (Network.LaneAllows(lane, vehicleClass))
            {
                return lane;
            }
        }

        return -1;
    }

    /// <summary>The lane a trip departs on, by its depart-lane rule (−1 when no allowed lane exists).</summary>
    private int ChooseLane(ScheduledTrip trip, int tripIndex, in Model.Roads.Edge edge, Model.Roads.VehicleClasses vehicleClass)
    {
        if ((edge.Allowed & vehicleClass) == 0)
        {
            return -1;
        }

        switch (trip.DepartLane.Kind)
        {
            case DepartLaneKind.First:
                return FirstAllowedFrom(edge, 0, vehicleClass);
            case DepartLaneKind.Given:
                return trip.DepartLane.Index < edge.LaneCount && Network.LaneAllows(edge.FirstLane + trip.DepartLane.Index, vehicleClass)
                    ? edge.FirstLane + trip.DepartLane.Index : -1;
            case DepartLaneKind.Random:
                return FirstAllowedFrom(edge, (int)(edge.LaneCount * StepRandom.Uniform(Options.Seed, tripIndex, 0, DepartLanePurpose)), vehicleClass);
        }

        // Free: most room; Best (as SUMO's MSEdge::getDepartLane): the lane that continues furthest along the route
        // without a lane change, compared over SUMO's best-lane look-ahead of 3,000 m (beyond it all lanes are as good),
        // then the most room. (Compared over the 500 m lane-change look-ahead before, lanes that split off 500–3,000 m
        // ahead counted as best: Bologna acosta's 210 loops had 898/694 vehicles on lanes 0/1 against SUMO's 662/934.)
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < edge.LaneCount; i++)
        {
            var lane = edge.FirstLane + i;
            if (!Network.LaneAllows(lane, vehicleClass))
            {
                continue;
            }

            var room = _lanes.TryGetLast(lane, out var last) ? last.BackM : _laneLengthM[lane];
            var score = room + (trip.DepartLane.Kind == DepartLaneKind.Best ? 1e4 * DepartReachM(tripIndex, trip, i) : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = lane;
            }
        }

        return best;
    }

    /// <summary>SUMO's <c>BEST_LANE_LOOKAHEAD</c>: for <c>departLane="best"</c>, lanes that continue at least this far
    /// along the route are equally good, metres.</summary>
    private const double BestLaneLookAheadM = 3000;

    /// <summary>Reaches of waiting trips' first-edge lanes, by trip and lane index on the edge (a trip that cannot be
    /// inserted asks again every step; dropped when it is inserted).</summary>
    private readonly Dictionary<(int Trip, int Index), double> _departReach = [];

    /// <summary>How far lane <paramref name="index"/> of a trip's first edge continues along its route, up to
    /// <see cref="BestLaneLookAheadM"/>, metres.</summary>
    private double DepartReachM(int tripIndex, ScheduledTrip trip, int index)
    {
        if (!_departReach.TryGetValue((tripIndex, index), out var reach))
        {
            var lane = Network.Edges[trip.Edges[0]].FirstLane + index;
            reach = Math.Min(ReachAlongRouteM(lane, trip.Route, 0, trip.Type, BestLaneLookAheadM, maxHops: 64, firstExits: false),
                BestLaneLookAheadM);
            _departReach[(tripIndex, index)] = reach;
        }

        return reach;
    }

    /// <summary>Front position in the middle of the largest free stretch of a lane (SUMO departPos "free").</summary>
    private double FreePosition(int lane, in CarFollowing.CarFollowParameters type)
    {
        var slots = _lanes.Slots(lane);
        var ahead = _laneLengthM[lane];
        var bestGap = -1.0;
        var bestFront = type.LengthM;
        for (var k = 0; k <= slots.Length; k++)
        {
            var behind = k < slots.Length ? slots[k].PosM : 0;
            var gap = ahead - behind;
            if (gap > bestGap)
            {
                bestGap = gap;
                bestFront = Math.Min(ahead - type.MinGapM, behind + 0.5 * (gap + type.LengthM));
            }

            if (k < slots.Length)
            {
                ahead = slots[k].BackM;
            }
        }

        return bestFront;
    }
}
