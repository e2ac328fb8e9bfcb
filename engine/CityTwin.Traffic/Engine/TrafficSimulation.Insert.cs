using CityTwin.Traffic.Lanes;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>Random-draw purpose: the speed factor drawn at insertion.</summary>
    private const int SpeedFactorPurpose = 2;

    /// <summary>Insertion waits while an upstream vehicle is due at the lane's start within this time, seconds.</summary>
    private const double InsertionClearanceS = 4.0;

    /// <summary>
    /// Phase 5: trips due by the end of this step join their first edge's queue; each edge inserts from the head of
    /// its queue while there is room (a blocked head holds the rest, as in SUMO), and waiting time counts as depart
    /// delay.
    /// </summary>
    private void Insert()
    {
        var endMs = Clock.Now.Milliseconds + Options.StepMs;
        while (_nextScheduled < _schedule.Count && _schedule[_nextScheduled].DepartMs <= endMs)
        {
            var trip = _schedule[_nextScheduled];
            var edge = trip.Edges[0];
            var queue = _edgeQueues[edge] ??= new Queue<int>();
            if (queue.Count == 0)
            {
                _busyEdges.Add(edge);
            }

            queue.Enqueue(_nextScheduled);
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
            var queue = _edgeQueues[edge];
            while (queue.Count > 0 && TryInsert(queue.Peek(), endMs))
            {
                queue.Dequeue();
            }

            if (queue.Count > 0)
            {
                _buffer.Add(edge);
            }
        }

        _busyEdges.Clear();
        _busyEdges.AddRange(_buffer);
    }

    private bool TryInsert(int tripIndex, long endMs)
    {
        var trip = _schedule[tripIndex];
        ref readonly var type = ref _params[trip.Type];
        var vehicleClass = Types[trip.Type].VehicleClass;
        var edge = Network.Edges[trip.Edges[0]];
        var dev = Types[trip.Type].SpeedFactorDev;
        // SUMO: speedFactor ~ normc(mean, dev, 0.2, 2): a normal draw clipped by resampling.
        var speedFactor = Types[trip.Type].SpeedFactorMean;
        if (dev > 0)
        {
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var u1 = StepRandom.Uniform(Options.Seed, tripIndex, attempt, SpeedFactorPurpose);
                var u2 = StepRandom.Uniform(Options.Seed, tripIndex, attempt + 1000, SpeedFactorPurpose);
                var normal = Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
                var candidate = Types[trip.Type].SpeedFactorMean + dev * normal;
                if (candidate is >= 0.2 and <= 2)
                {
                    speedFactor = candidate;
                    break;
                }
            }
        }

        var bestLane = -1;
        var bestRoom = double.NegativeInfinity;
        for (var i = 0; i < edge.LaneCount; i++)
        {
            var lane = edge.FirstLane + i;
            if ((Network.Lanes[lane].Edge != trip.Edges[0]) || (edge.Allowed & vehicleClass) == 0)
            {
                continue;
            }

            if (trip.DepartLane >= 0 && i != trip.DepartLane)
            {
                continue;
            }

            var exit = ExitConnectionOf(lane, trip.Route, 0);
            var continues = exit != VehicleRoute.NoConnection;
            var room = _lanes.TryGetLast(lane, out var last) ? last.BackM : _laneLengthM[lane];
            var score = room + (continues ? 1e6 : 0);
            if (score > bestRoom)
            {
                bestRoom = score;
                bestLane = lane;
            }
        }

        if (bestLane < 0)
        {
            return false;
        }

        // Do not drop a vehicle in front of one about to arrive from an upstream lane (it could not stop in time).
        if (_incoming[bestLane] is { } incoming)
        {
            foreach (var connection in incoming)
            {
                if (_approach[connection].Trip >= 0 && !_approach[connection].Blocked && _approach[connection].ArrivalS < InsertionClearanceS)
                {
                    return false;
                }

                if (_clearUntilMs[connection] > Clock.Now.Milliseconds)
                {
                    return false;
                }
            }
        }

        var laneLength = _laneLengthM[bestLane];
        var pos = trip.DepartPosM >= 0 ? Math.Min(trip.DepartPosM, laneLength) : Math.Min(type.LengthM, laneLength);
        var desired = Math.Min(type.MaxSpeedMps, _laneSpeedMps[bestLane] * speedFactor);
        var speed = trip.DepartSpeedMps >= 0 ? Math.Min(trip.DepartSpeedMps, desired) : desired;

        // Room: the vehicle ahead must be at least minGap beyond our front and we must be able to follow it safely;
        // the vehicle behind (if any) must not overlap our back.
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

                var safe = CarFollowing.CarFollowing.MaxSafeSpeedMps(gap - type.MinGapM, slots[k].SpeedMps, Options.StepMs / 1000.0, in type);
                if (trip.DepartSpeedMps >= 0 && speed > safe)
                {
                    return false;
                }

                speed = Math.Min(speed, safe);
                continue;
            }

            if (slots[k].PosM > pos - type.LengthM - type.MinGapM)
            {
                return false;
            }
        }

        var arrivalPos = trip.ArrivalPosM >= 0 ? trip.ArrivalPosM : double.PositiveInfinity;
        var entity = World.Create(
            new Kinematics { Lane = bestLane, PosM = pos, SpeedMps = speed, NextSpeedMps = speed, LastLaneChangeMs = long.MinValue / 2 },
            new VehicleRoute
            {
                Trip = tripIndex, Type = trip.Type, Route = trip.Route, Step = 0,
                ExitConnection = ExitConnectionOf(bestLane, trip.Route, 0), SpeedFactor = speedFactor, ArrivalPosM = arrivalPos,
            },
            new TripStats { PlannedDepartMs = trip.DepartMs, DepartMs = Math.Max(endMs, trip.DepartMs) });
        _lanes.Insert(bestLane, new LaneSlot { Vehicle = entity, PosM = pos, SpeedMps = speed, LengthM = type.LengthM, Trip = tripIndex });
        EdgeData.Departed(trip.Edges[0]);
        Inserted++;
        return true;
    }
}
