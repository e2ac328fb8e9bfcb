using CityTwin.Simulation.Lighting;

namespace CityTwin.Simulation.Coupling;

/// <summary>Presence detection and boost expiry of <see cref="TrafficLighting"/>.</summary>
public sealed partial class TrafficLighting
{
    /// <summary>Steps between scans for ended boosts (any value gives the same ledger; tests compare 1 and 16).</summary>
    internal int ExpiryBatchSteps { get; init; } = 16;

    /// <summary>Books every boost that ended by <paramref name="nowMs"/> (its boost no longer holds at that time).</summary>
    private void ExpireUntil(long nowMs)
    {
        var control = Program.Presence;
        if (control is null)
        {
            return;
        }

        for (var k = _active.Count - 1; k >= 0; k--)
        {
            var i = _active[k];
            if (control.IsBoosted(i, nowMs))
            {
                continue;
            }

            Expire(control, i);
            _inActive[i] = false;
            _active[k] = _active[^1];
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>
    /// Books a lamp's ended boost up to the step in which it ended: the first step end at or after the boost's end is the
    /// first step in which the lamp no longer shows as boosted, and it was at the boost level until the step before — the
    /// same booking as checking every step.
    /// </summary>
    private void Expire(PresenceAdaptiveControl control, int lamp)
    {
        var stepMs = _traffic.Clock.Step.Milliseconds;
        var endedMs = (control.BoostUntilMs(lamp) + stepMs - 1) / stepMs * stepMs;
        Book(lamp, endedMs - stepMs);
        _boosted[lamp] = false;
    }

    private void Detect(PresenceAdaptiveControl control, long nowMs, long stepMs)
    {
        var range = Presence!.DetectionRangeM;
        var lanes = _traffic.Lanes;
        var occupied = lanes.OccupiedLanes;
        var network = _traffic.Network.Lanes;
        for (var o = 0; o < occupied.Count; o++)
        {
            var lane = occupied[o];
            var edge = network[lane].Edge;
            var offsets = _offsetsByEdge[edge];
            var slots = lanes.Slots(lane);
            if (offsets.Length == 0 || slots.IsEmpty)
            {
                continue;
            }

            // A lamp detects when any vehicle's body is within range. Vehicles are listed front first, so their detection
            // windows [back − range, front + range] come in falling order: merge overlapping ones and visit each lamp of
            // the union once (a queue of ten cars covers a lamp once, not ten times).
            var hi = slots[0].PosM + range;
            var lo = slots[0].BackM - range;
            for (var v = 1; v < slots.Length; v++)
            {
                var vHi = slots[v].PosM + range;
                if (vHi >= lo)
                {
                    lo = Math.Min(lo, slots[v].BackM - range);
                    continue;
                }

                DetectBetween(control, offsets, _controlsByEdge[edge], lo, hi, nowMs, stepMs);
                (lo, hi) = (slots[v].BackM - range, vHi);
            }

            DetectBetween(control, offsets, _controlsByEdge[edge], lo, hi, nowMs, stepMs);
        }
    }

    /// <summary>Registers a detection at every lamp of an edge whose offset lies in [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    private void DetectBetween(PresenceAdaptiveControl control, double[] offsets, int[] controls, double lo, double hi, long nowMs, long stepMs)
    {
        var from = Array.BinarySearch(offsets, lo);
        for (var i = from < 0 ? ~from : LowerBoundFrom(offsets, from, lo); i < offsets.Length && offsets[i] <= hi; i++)
        {
            var index = controls[i];
            var last = control.LastDetectionMs(index);
            if (last == nowMs)
            {
                continue; // already detected in this step (a lamp of a two-way street serves both directions' lanes)
            }

            Detections++;
            if (last != nowMs - stepMs || control.HoldTimeMs < stepMs)
            {
                // Not detected in the previous step: its neighbours may need to be boosted. (When it was, they were
                // boosted then and are held past now; the detection below extends their hold.)
                BoostAround(control, index, nowMs, stepMs);
            }

            control.DetectUnchecked(index, nowMs);
        }
    }

    /// <summary>First index at or before <paramref name="found"/> whose offset equals <paramref name="value"/> (ties).</summary>
    private static int LowerBoundFrom(double[] offsets, int found, double value)
    {
        while (found > 0 && offsets[found - 1] >= value)
        {
            found--;
        }

        return found;
    }

    /// <summary>Boosts a detecting lamp and its neighbours along the road (booking their time at the common level first).</summary>
    private void BoostAround(PresenceAdaptiveControl control, int index, long nowMs, long stepMs)
    {
        var first = Math.Max(0, index - control.NeighbourSpread);
        var last = Math.Min(_lampCount - 1, index + control.NeighbourSpread);
        for (var j = first; j <= last; j++)
        {
            if (_boosted[j] && !control.IsBoosted(j, nowMs))
            {
                // Its boost ended in an earlier step not yet booked (expiry is batched): book it first. It stays in the
                // active list; the next expiry scan sees it boosted again.
                Expire(control, j);
            }

            if (!_boosted[j])
            {
                Book(j, nowMs - stepMs);
                _boosted[j] = true;
                if (!_inActive[j])
                {
                    _inActive[j] = true;
                    _active.Add(j);
                }
            }
        }
    }
}
