using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

// The partitions' strips of the map (where the cuts fall) and the vehicles' storage order that follows them.
public sealed partial class TrafficSimulation
{
    /// <summary>Steps between re-sorts of the vehicles' storage (see <see cref="SortVehiclesByLane"/>). Each arrival
    /// moves the last row into its hole and each departure appends, so the two partitions' rows soon interleave again,
    /// and then threads write to each other's cache lines. On Monaco with the two vCPUs far apart (a 400 ns round trip),
    /// re-sorting every 16 steps instead of every 256 took two threads from 436–577 ms to 338–387 ms; it costs one
    /// thread about 1% (4 ms of 390).</summary>
    private const int SortEverySteps = 16;

    /// <summary>Whether the partitions are re-cut at this step (often while the network fills, then every 256 steps).</summary>
    private static bool RebalanceDue(long step) => step % 256 == 0 || (step < 256 && (step & (step - 1)) == 0);

    /// <summary>Edges from west to east (by the mid-point of their end junctions): partitions are runs of it, and vehicles
    /// are stored in it (see <see cref="_laneSortKey"/>).</summary>
    private int[]? _edgesWestToEast;

    /// <summary>Per lane, the high bits of its vehicles' storage sort keys (edge rank, then lane within the edge; see
    /// <see cref="SortVehiclesByLane"/>): one read per vehicle instead of three.</summary>
    private long[] _laneSortKey = [];

    private int[] EdgesWestToEast()
    {
        if (_edgesWestToEast is null)
        {
            var edges = Network.Edges;
            var x = new double[edges.Length];
            for (var e = 0; e < edges.Length; e++)
            {
                x[e] = Network.Junctions[edges[e].FromJunction].Position.XM + Network.Junctions[edges[e].ToJunction].Position.XM;
            }

            _edgesWestToEast = Enumerable.Range(0, edges.Length).OrderBy(e => x[e]).ThenBy(e => e).ToArray();
            _laneSortKey = new long[_laneEdge.Length];
            for (var i = 0; i < _edgesWestToEast.Length; i++)
            {
                var edge = _edgesWestToEast[i];
                for (var lane = edges[edge].FirstLane; lane < edges[edge].FirstLane + edges[edge].LaneCount; lane++)
                {
                    _laneSortKey[lane] = ((long)i << 40) | ((long)(lane - edges[edge].FirstLane) << 32);
                }
            }
        }

        return _edgesWestToEast;
    }

    private int[] _edgeWeight = [];

    /// <summary>Each partition's share of the weight at the last cut (summing to 1), adjusted at every cut by the time
    /// the partitions took since the one before (see <see cref="RebalancePartitions"/>).</summary>
    private double[] _partitionShare = [];

    /// <summary>Fixed shares of the weight per partition instead of measured ones (tests: any cut gives the same results).</summary>
    internal double[]? FixedPartitionShares { get; set; }

    /// <summary>Each partition's working ticks (all phases) at the last cut.</summary>
    private long[] _ticksAtCut = [];

    /// <summary>
    /// Re-cuts the partitions into strips of the map from west to east, of whole edges. Strips keep neighbours together:
    /// a vehicle's leader on the next lane and the foes at its junction are then mostly in its own partition, so threads
    /// rarely read what another thread wrote (with partitions as runs of lane indices, which the importers number in no
    /// spatial order, two threads were slower than one).
    /// </summary>
    /// <remarks>The strips first hold about as many vehicles each (as many lanes while the network is empty). Vehicles do
    /// not all cost the same, though (multi-lane edges have lane changes to weigh, junctions more foes), nor does every
    /// core run as fast (on a shared VM one thread's data can sit further away), so from then on each cut moves weight
    /// from the partition that worked longest since the last cut to the others, by the ratio of their times (damped).
    /// Where the cuts fall never changes results (they are the same for any partitioning, tested), only speed.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs every 256 steps: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    private void RebalancePartitions()
    {
        var parts = _parts.Length;
        if (parts == 1)
        {
            return;
        }

        var edges = Network.Edges;
        if (_edgeWeight.Length != edges.Length)
        {
            _edgeWeight = new int[edges.Length];
        }

        Array.Clear(_edgeWeight);
        var total = 0L;
        foreach (var lane in _lanes.OccupiedLanes)
        {
            var weight = 1 + _lanes.Count(lane); // a lane costs something of its own
            _edgeWeight[_laneEdge[lane]] += weight;
            total += weight;
        }

        if (total == 0)
        {
            for (var e = 0; e < edges.Length; e++)
            {
                _edgeWeight[e] = edges[e].LaneCount;
                total += edges[e].LaneCount;
            }
        }

        UpdateShares(parts);
        var partOfLane = new byte[_laneEdge.Length];
        var p = 0;
        var seen = 0L;
        var bound = _partitionShare[0] * total;
        foreach (var e in EdgesWestToEast())
        {
            seen += _edgeWeight[e];
            for (var lane = edges[e].FirstLane; lane < edges[e].FirstLane + edges[e].LaneCount; lane++)
            {
                partOfLane[lane] = (byte)p;
            }

            if (p < parts - 1 && seen >= bound)
            {
                p++;
                bound += _partitionShare[p] * total;
            }
        }

        _lanes.SetPartitions(partOfLane, parts);
    }

    /// <summary>Moves weight between partitions by the time each worked since the last cut: a partition that took
    /// <c>r</c> times the mean time gets its share divided by √r (a damped step towards equal times), within 1/(4n) and
    /// 4/n of the whole.</summary>
    private void UpdateShares(int parts)
    {
        if (_partitionShare.Length != parts)
        {
            _partitionShare = Enumerable.Repeat(1.0 / parts, parts).ToArray();
            _ticksAtCut = new long[parts];
        }

        if (FixedPartitionShares is { } fixedShares)
        {
            fixedShares.AsSpan(0, parts).CopyTo(_partitionShare);
            return;
        }

        Span<double> worked = stackalloc double[parts];
        var phaseTicks = PartitionPhaseTicks;
        var sum = 0.0;
        for (var p = 0; p < parts; p++)
        {
            var ticks = 0L;
            for (var phase = 0; phase < 4; phase++)
            {
                ticks += phaseTicks[phase * parts + p];
            }

            worked[p] = ticks - _ticksAtCut[p];
            _ticksAtCut[p] = ticks;
            sum += worked[p];
        }

        if (sum <= 0)
        {
            return;
        }

        var shares = 0.0;
        for (var p = 0; p < parts; p++)
        {
            var ratio = Math.Max(worked[p], 1) * parts / sum;
            _partitionShare[p] = Math.Clamp(_partitionShare[p] / Math.Sqrt(ratio), 0.25 / parts, 4.0 / parts);
            shares += _partitionShare[p];
        }

        for (var p = 0; p < parts; p++)
        {
            _partitionShare[p] /= shares;
        }
    }

    private long[] _sortKeys = [];
    private readonly Ecs.Core.RowSorter _sorter = new();

    /// <summary>
    /// Sorts the vehicles' component rows by their edge's place from west to east, then lane and trip, so that the
    /// vehicles of a lane, and of a partition (a run of that order), sit next to each other in memory: a phase then walks
    /// memory in order, and two partitions' threads do not write to the same cache lines (with vehicles in creation order
    /// they did in every phase, and two threads were slower than one). Between sorts each partition's vehicles are kept
    /// in a block of rows (see <see cref="StartBlocks"/>). Storage order never changes results: traffic outputs walk
    /// lanes, not rows, and the coupled observers read the vehicles in trip order.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs every 16 steps: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    private void SortVehiclesByLane()
    {
        EdgesWestToEast();
        Ecs.Core.Archetype? vehicles = null;
        var vehicleArchetypes = 0;
        foreach (var archetype in World.Archetypes)
        {
            var n = archetype.EntityCount;
            if (!archetype.Has<Kinematics>() || !archetype.Has<VehicleRoute>())
            {
                continue;
            }

            vehicles = archetype;
            vehicleArchetypes++;
            SortRowsByLane(archetype, 0, n, ref _sortKeys, _sorter);
        }

        StartBlocks(vehicleArchetypes == 1 ? vehicles : null);
    }

    /// <summary>Sorts <paramref name="n"/> rows of <paramref name="archetype"/> from <paramref name="first"/> on into
    /// west-to-east order (the key of <see cref="SortVehiclesByLane"/>), through <paramref name="keys"/> (grown as
    /// needed) and <paramref name="sorter"/>: all rows on the caller's thread, or one partition's block on its own.</summary>
    private void SortRowsByLane(Ecs.Core.Archetype archetype, int first, int n, ref long[] keys, Ecs.Core.RowSorter sorter)
    {
        if (n < 2)
        {
            return;
        }

        if (keys.Length < n)
        {
            keys = new long[2 * n];
        }

        var perChunk = archetype.EntitiesPerChunk;
        for (var i = 0; i < n;)
        {
            var row = first + i;
            ref var chunk = ref archetype.GetChunk(row / perChunk);
            var kinematics = chunk.GetSpan<Kinematics>();
            var routes = chunk.GetSpan<VehicleRoute>();
            var end = Math.Min(chunk.Count, row % perChunk + n - i);
            for (var r = row % perChunk; r < end; r++, i++)
            {
                keys[i] = _laneSortKey[kinematics[r].Lane] | (uint)routes[r].Trip;
            }
        }

        sorter.Sort(World, archetype, first, keys.AsSpan(0, n));
    }
}
