using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

public sealed partial class TrafficSimulation
{
    /// <summary>Captures the dynamic state at the start of the next step (see <see cref="TrafficSnapshot"/>).</summary>
    /// <returns>The snapshot.</returns>
    public TrafficSnapshot Capture()
    {
        if (!_scheduleSorted)
        {
            SortSchedule();
        }

        var vehicles = new List<(Kinematics, VehicleRoute, TripStats)>(Running);
        var tripOf = new Dictionary<Entity, int>();
        foreach (var lane in _lanes.OccupiedLanes)
        {
            foreach (ref var slot in _lanes.Slots(lane))
            {
                vehicles.Add((World.Get<Kinematics>(slot.Vehicle), World.Get<VehicleRoute>(slot.Vehicle), World.Get<TripStats>(slot.Vehicle)));
                tripOf[slot.Vehicle] = slot.Trip;
            }
        }

        var (phase, elapsed) = Signals.Capture();
        var (barriers, barrierChecks, closures, downMs) = _crossings.Capture();
        return new TrafficSnapshot
        {
            StepIndex = Clock.StepIndex,
            TimeMs = Clock.Now.Milliseconds,
            Counters = [Inserted, Arrived, Removed, LeaderOverlaps, StopLineOvershoots],
            LongCounters = [VehicleUpdates, LaneChanges],
            NextScheduled = _nextScheduled,
            Queues = _busyEdges.Select(e => (e, _edgeQueues[e].ToArray())).ToArray(),
            Vehicles = vehicles.ToArray(),
            SignalPhase = phase,
            SignalElapsedMs = elapsed,
            BarrierPhase = barriers,
            BarrierNextCheckMs = barrierChecks,
            BarrierClosures = closures,
            BarrierDownMs = downMs,
            ClearUntilMs = (long[])_clearUntilMs.Clone(),
            LaneGapS = Enumerable.Range(0, _laneEdge.Length).Select(lane => _stopLineMs[lane * StopLineStride])
                .Select(ms => ms == NeverMs ? double.PositiveInfinity : (Clock.Now.Milliseconds - ms) / 1000.0).ToArray(),
            HoldBack = _holdBack.Select(h => (tripOf[h.Key], h.Value)).OrderBy(h => h.Item1).ToArray(),
            TripInfos = TripInfos.ToArray(),
            ScheduledRoutes = _schedule.Count,
            ExtraRoutes = Enumerable.Range(_schedule.Count, Routes.Count - _schedule.Count).Select(Routes.Edges).ToArray(),
            Reroutes = Reroutes,
            Summary = Summary.ToArray(),
            EdgeData = EdgeData.Capture(),
            Detectors = Detectors.Select(d => d.Capture()).ToArray(),
        };
    }

    /// <summary>
    /// Replaces this simulation's dynamic state with a snapshot. The simulation must have been built with the same
    /// network, vehicle types, trips (in the same order), signal plans and detectors as the one captured.
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="InvalidOperationException">The set-up does not match the snapshot.</exception>
    public void Restore(TrafficSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.ClearUntilMs.Length != _clearUntilMs.Length || snapshot.LaneGapS.Length != _laneEdge.Length ||
            snapshot.Detectors.Length != Detectors.Count || snapshot.NextScheduled > _schedule.Count ||
            snapshot.BarrierPhase.Length != _crossings.Count)
        {
            throw new InvalidOperationException(
                "The snapshot was taken on a different set-up (network, level crossings, trips or detectors differ from this simulation's).");
        }

        _blockArchetype = null; // the vehicles are created anew: blocks start again at the next re-sort
        if (!_scheduleSorted)
        {
            SortSchedule();
        }

        if (snapshot.ScheduledRoutes != _schedule.Count)
        {
            throw new InvalidOperationException(
                $"The snapshot was taken with {snapshot.ScheduledRoutes} scheduled trips; this simulation has {_schedule.Count}.");
        }

        Routes.Truncate(_schedule.Count);
        foreach (var route in snapshot.ExtraRoutes)
        {
            Routes.Add(route);
        }

        Reroutes = snapshot.Reroutes;
        _departReach.Clear(); // derived from routes, which the restore may replace
        Array.Clear(_approach); // announcements from after the snapshot's time must not count when that step comes again
        Array.Clear(_minorAheadMemo); // nor answers kept for those steps
        World.Clear();
        _lanes.Clear();
        var entityOf = new Dictionary<int, Entity>();
        foreach (var (k, r, s) in snapshot.Vehicles)
        {
            var entity = World.Create(k, r, s);
            entityOf[r.Trip] = entity;
            _lanes.Append(k.Lane, new Lanes.LaneSlot { Vehicle = entity, PosM = k.PosM, SpeedMps = k.SpeedMps, LengthM = _params[r.Type].LengthM, Trip = r.Trip,
                WaitsAtLink = k.WaitsAtLink });
        }

        _lanes.SortAll();
        Clock.Restore(snapshot.StepIndex);
        (Inserted, Arrived, Removed, LeaderOverlaps, StopLineOvershoots) =
            (snapshot.Counters[0], snapshot.Counters[1], snapshot.Counters[2], snapshot.Counters[3], snapshot.Counters[4]);
        (VehicleUpdates, LaneChanges) = (snapshot.LongCounters[0], snapshot.LongCounters[1]);
        _nextScheduled = snapshot.NextScheduled;
        foreach (var edge in _busyEdges)
        {
            _edgeQueues[edge].Clear();
        }

        _busyEdges.Clear();
        foreach (var (edge, trips) in snapshot.Queues)
        {
            var queue = _edgeQueues[edge] ??= [];
            foreach (var trip in trips)
            {
                queue.Add(trip);
            }

            _busyEdges.Add(edge);
        }

        Signals.Restore(snapshot.SignalPhase, snapshot.SignalElapsedMs);
        _crossings.Restore(snapshot.BarrierPhase, snapshot.BarrierNextCheckMs, snapshot.BarrierClosures, snapshot.BarrierDownMs);
        snapshot.ClearUntilMs.CopyTo(_clearUntilMs, 0);
        for (var lane = 0; lane < _laneEdge.Length; lane++)
        {
            // Stored as the gap at the end of the last step (the time of the snapshot).
            var gapS = snapshot.LaneGapS[lane];
            _stopLineMs[lane * StopLineStride] = double.IsPositiveInfinity(gapS) ? NeverMs : Clock.Now.Milliseconds - (long)Math.Round(gapS * 1000);
        }

        _holdBack.Clear();
        foreach (var (trip, pos) in snapshot.HoldBack)
        {
            _holdBack[entityOf[trip]] = pos;
        }

        TripInfos.Clear();
        TripInfos.AddRange(snapshot.TripInfos);
        Summary.Clear();
        Summary.AddRange(snapshot.Summary);
        EdgeData.Restore(snapshot.EdgeData);
        for (var i = 0; i < Detectors.Count; i++)
        {
            Detectors[i].Restore(snapshot.Detectors[i]);
        }
    }
}
