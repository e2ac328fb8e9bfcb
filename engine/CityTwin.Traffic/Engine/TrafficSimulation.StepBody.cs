using System.Diagnostics;

namespace CityTwin.Traffic.Engine;

// A whole step as one body per partition: the phases are separated by the partitions' marks, not by barriers.
public sealed partial class TrafficSimulation
{
    /// <summary>Points of a step that each partition marks (see <see cref="StepMark"/>): its approaches announced, its
    /// vehicles decided, its vehicles moved.</summary>
    private const int AnnouncedMark = 1, DecidedMark = 2, MovedMark = 3;

    /// <summary>The partition workers' slot for whole-step bodies (phases 0–3 and the block sort use 0–4).</summary>
    private const int StepSlot = 5;

    /// <summary>Ticks each partition worked per phase (0–3) in whole-step bodies, at <c>16 * partition + phase</c>
    /// (a cache line per partition, written only by its thread); waiting at a mark is not work.</summary>
    private long[] _stepPhaseTicks = [];

    /// <summary>When the caller's partition (0) passed the decided and moved marks of the last step (for
    /// <see cref="PhaseTicks"/>).</summary>
    private long _decidedAt, _movedAt;

    /// <summary>A mark of this step, larger than every mark of earlier steps.</summary>
    private long StepMark(int point) => 4 * ApproachStep + point;

    /// <summary>
    /// One partition's whole step: announce approaches, decide, move, change lanes. Before moving, a partition waits for
    /// every other to have decided (their decisions read its vehicles and lanes); before changing lanes, for every other
    /// to have moved (they hand over the vehicles that crossed onto its lanes). Between announcing and deciding there is
    /// no wait: a decision reads another partition's announcements only at a junction on the cut, and waits there for
    /// that partition's mark (<c>MayEnter</c>). So the phases are ordered as with a barrier after each, with one hand-over
    /// per phase instead of the caller's release and join (two), and none after announcing.
    /// </summary>
    /// <remarks>Measured on Monaco with two threads, alternating with the phase-per-barrier version: TODO.</remarks>
    private void StepPartition(int p)
    {
        var workers = _workers!;
        var start = Stopwatch.GetTimestamp();
        _approachBody!(p); // marks AnnouncedMark
        var announced = Stopwatch.GetTimestamp();
        DecideLanes(p);
        var decided = Stopwatch.GetTimestamp();
        AwaitAll(workers, p, StepMark(DecidedMark));
        var moveStart = Stopwatch.GetTimestamp();
        MoveLanes(p, _parts[p]);
        var moved = Stopwatch.GetTimestamp();
        AwaitAll(workers, p, StepMark(MovedMark));
        var changeStart = Stopwatch.GetTimestamp();
        _laneChangeBody!(p);
        var end = Stopwatch.GetTimestamp();

        var ticks = _stepPhaseTicks;
        ticks[16 * p] += announced - start;
        ticks[16 * p + 1] += decided - announced;
        ticks[16 * p + 2] += moved - moveStart;
        ticks[16 * p + 3] += end - changeStart;
        if (p == 0)
        {
            (_decidedAt, _movedAt) = (moveStart, changeStart);
        }
    }

    /// <summary>Marks <paramref name="mark"/> for partition <paramref name="p"/> and waits until every other partition has
    /// marked it too.</summary>
    private void AwaitAll(PartitionWorkers workers, int p, long mark)
    {
        workers.Mark(p, mark);
        for (var q = 0; q < _parts.Length; q++)
        {
            if (q != p)
            {
                workers.AwaitMark(q, mark);
            }
        }
    }
}
