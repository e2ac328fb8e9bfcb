using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.Lanes;

/// <summary>
/// Per-lane ordered vehicle lists: slot 0 is the vehicle furthest along the lane, so a vehicle's leader is the slot
/// before it and its follower the slot after, both O(1).
/// </summary>
/// <remarks><para>The occupied-lane list is kept per partition: the lanes owned by one thread of the traffic engine's
/// parallel phases (<see cref="SetPartitions"/>), which sorts and prunes its own list; with one partition (the default)
/// there is one list.</para>
/// <para>Implementation note: one flat slot array with a fixed region per lane would need re-layout as lanes fill;
/// instead each lane owns a small growable array. The move phase keeps the lists up to date (vehicles never overtake on
/// a lane, so a lane's stayers keep their order and are refreshed in place; vehicles that cross a junction are inserted
/// into their new lane at the ordered place; see <see cref="Truncate"/> and <see cref="DropEmptyLanes(int)"/>); a snapshot
/// restore rebuilds them with <see cref="Append"/> and <see cref="SortAll"/>.</para></remarks>
public sealed class LaneOccupancy
{
    private readonly LaneSlot[][] _slots;

    /// <summary>Per lane, its vehicle count and whether it is in its partition's occupied list, one cache line each.</summary>
    private readonly LaneCounter[] _counters;

    /// <summary>Per partition, the occupied lanes of its lane range; how many leading entries are known to be in
    /// ascending order (lanes newly occupied are appended after them); first lane of each partition.</summary>
    private List<int>[] _occupied = [[]];
    private int[] _sortedPrefix = [0];

    /// <summary>Ints per partition in <see cref="_sortedPrefix"/>: a cache line each, as each partition's thread writes its own.</summary>
    private const int PartitionStride = 16;
    private byte[]? _partitionOf;
    private readonly List<int> _all = [];

    /// <summary>Creates empty lists for every lane.</summary>
    /// <param name="laneCount">Number of lanes in the network.</param>
    public LaneOccupancy(int laneCount)
    {
        _slots = new LaneSlot[laneCount][];
        _counters = new LaneCounter[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            _slots[i] = [];
        }
    }

    /// <summary>Number of lanes.</summary>
    public int LaneCount => _slots.Length;

    /// <summary>Number of partitions (see <see cref="SetPartitions"/>).</summary>
    public int PartitionCount => _occupied.Length;

    /// <summary>Vehicles on a lane.</summary>
    /// <param name="lane">Lane index.</param>
    /// <returns>The count.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Count(int lane) => _counters[lane].Count;

    /// <summary>The vehicles on a lane, front first.</summary>
    /// <param name="lane">Lane index.</param>
    /// <returns>The slots.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<LaneSlot> Slots(int lane) => _slots[lane].AsSpan(0, _counters[lane].Count);

    /// <summary>The last (rearmost) vehicle of a lane, or false when the lane is empty.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="slot">The rearmost slot.</param>
    /// <returns>Whether the lane has a vehicle.</returns>
    public bool TryGetLast(int lane, out LaneSlot slot)
    {
        var n = _counters[lane].Count;
        slot = n > 0 ? _slots[lane][n - 1] : default;
        return n > 0;
    }

    /// <summary>
    /// Lanes that held a vehicle at some point since the last <see cref="Clear"/>, in ascending order after
    /// <see cref="SortOccupied()"/> (a lane may have been emptied since). Phases iterate these instead of every lane.
    /// </summary>
    /// <remarks>With several partitions this is a sorted copy of their lists made at each call (for whole-network passes
    /// between phases, which sum in lane order); a partition's phase uses <see cref="OccupiedIn"/>.</remarks>
    public IReadOnlyList<int> OccupiedLanes
    {
        get
        {
            if (_occupied.Length == 1)
            {
                return _occupied[0];
            }

            _all.Clear();
            foreach (var list in _occupied)
            {
                _all.AddRange(list);
            }

            _all.Sort();
            return _all;
        }
    }

    /// <summary>The occupied lanes of one partition's lane range (ascending after <see cref="SortOccupied(int)"/>).</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>Its list.</returns>
    public IReadOnlyList<int> OccupiedIn(int partition) => _occupied[partition];

    /// <summary>The partition that owns a lane.</summary>
    /// <param name="lane">Lane index.</param>
    /// <returns>The partition index.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PartitionOf(int lane) => _partitionOf is null ? 0 : _partitionOf[lane];

    /// <summary>
    /// Assigns every lane to a partition, each with its own occupied-lane list (rebuilt here, in order).
    /// </summary>
    /// <param name="partitionOfLane">Partition of each lane (0 … <paramref name="count"/> − 1).</param>
    /// <param name="count">Number of partitions.</param>
    public void SetPartitions(byte[] partitionOfLane, int count)
    {
        ArgumentNullException.ThrowIfNull(partitionOfLane);
        if (partitionOfLane.Length != LaneCount || count < 1 || partitionOfLane.Any(p => p >= count))
        {
            throw new ArgumentException($"Expected a partition below {count} for each of the {LaneCount} lanes.", nameof(partitionOfLane));
        }

        SortOccupied();
        var all = OccupiedLanes.ToArray();
        if (_occupied.Length != count)
        {
            _occupied = new List<int>[count];
            for (var p = 0; p < count; p++)
            {
                _occupied[p] = new List<int>(Math.Max(16, all.Length / count + 16));
            }

            _sortedPrefix = new int[count * PartitionStride];
        }

        _partitionOf = (byte[])partitionOfLane.Clone();
        foreach (var list in _occupied)
        {
            list.Clear();
        }

        foreach (var lane in all)
        {
            _occupied[_partitionOf[lane]].Add(lane);
        }

        for (var p = 0; p < count; p++)
        {
            _sortedPrefix[p * PartitionStride] = _occupied[p].Count;
        }
    }

    /// <summary>Empties every lane.</summary>
    public void Clear()
    {
        for (var p = 0; p < _occupied.Length; p++)
        {
            foreach (var lane in _occupied[p])
            {
                _counters[lane].Count = 0;
                _counters[lane].Listed = false;
            }

            _occupied[p].Clear();
            _sortedPrefix[p * PartitionStride] = 0;
        }
    }

    /// <summary>Appends a vehicle without keeping order (call <see cref="SortAll"/> afterwards).</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="slot">The vehicle.</param>
    /// <remarks>From a parallel phase, only for a lane of the caller's partition.</remarks>
    public void Append(int lane, in LaneSlot slot)
    {
        ref var array = ref _slots[lane];
        var n = _counters[lane].Count;
        if (!_counters[lane].Listed)
        {
            _counters[lane].Listed = true;
            _occupied[PartitionOf(lane)].Add(lane);
        }

        if (n == array.Length)
        {
            Array.Resize(ref array, Math.Max(4, n * 2));
        }

        array[n] = slot;
        _counters[lane].Count = n + 1;
    }

    /// <summary>Inserts a vehicle at its ordered place.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="slot">The vehicle.</param>
    /// <returns>The slot index it took.</returns>
    /// <remarks>From a parallel phase, only for a lane of the caller's partition.</remarks>
    public int Insert(int lane, in LaneSlot slot)
    {
        Append(lane, slot);
        var slots = _slots[lane];
        var i = _counters[lane].Count - 1;
        while (i > 0 && Before(slot, slots[i - 1]))
        {
            slots[i] = slots[i - 1];
            i--;
        }

        slots[i] = slot;
        return i;
    }

    /// <summary>Removes the slot at an index, keeping order.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="index">Slot index.</param>
    public void RemoveAt(int lane, int index)
    {
        var n = _counters[lane].Count;
        Array.Copy(_slots[lane], index + 1, _slots[lane], index, n - index - 1);
        _counters[lane].Count = n - 1;
    }

    /// <summary>Index of a vehicle on a lane, or −1.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="vehicle">The vehicle.</param>
    /// <returns>The slot index.</returns>
    public int IndexOf(int lane, Entity vehicle)
    {
        var slots = Slots(lane);
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i].Vehicle == vehicle)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Puts every partition's occupied-lane list in ascending lane order (phases then visit lanes in a fixed
    /// order).</summary>
    public void SortOccupied()
    {
        for (var p = 0; p < _occupied.Length; p++)
        {
            SortOccupied(p);
        }
    }

    /// <summary>Puts one partition's occupied-lane list in ascending lane order.</summary>
    /// <param name="partition">The partition.</param>
    public void SortOccupied(int partition)
    {
        // Each step only a few lanes become occupied, appended after a list already in order: each is put in its place
        // by binary search, instead of sorting the whole list again.
        var occupied = _occupied[partition];
        var n = occupied.Count;
        if (n - _sortedPrefix[partition * PartitionStride] > 64)
        {
            occupied.Sort();
        }
        else
        {
            for (var i = _sortedPrefix[partition * PartitionStride]; i < n; i++)
            {
                var lane = occupied[i];
                var at = occupied.BinarySearch(0, i, lane, null);
                at = at < 0 ? ~at : at;
                if (at < i)
                {
                    occupied.RemoveAt(i);
                    occupied.Insert(at, lane);
                }
            }
        }

        _sortedPrefix[partition * PartitionStride] = n;
    }

    /// <summary>Sorts every lane front first (insertion sort: lists are nearly sorted), and the occupied-lane list.</summary>
    public void SortAll()
    {
        SortOccupied();
        foreach (var list in _occupied)
        {
            foreach (var lane in list)
            {
                SortLane(lane);
            }
        }
    }

    private void SortLane(int lane)
    {
        var n = _counters[lane].Count;
        var slots = _slots[lane];
        for (var i = 1; i < n; i++)
        {
            var current = slots[i];
            var j = i - 1;
            while (j >= 0 && Before(current, slots[j]))
            {
                slots[j + 1] = slots[j];
                j--;
            }

            slots[j + 1] = current;
        }
    }

    /// <summary>Keeps the first <paramref name="count"/> slots of a lane (the caller compacted them in place), and sorts
    /// them when the caller saw them out of order.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="count">Slots to keep.</param>
    /// <param name="sort">Whether to sort them front first.</param>
    public void Truncate(int lane, int count, bool sort)
    {
        // Written only when it changed: most lanes keep their count from step to step, and a write would take the cache
        // line from a thread that reads it.
        if (_counters[lane].Count != count)
        {
            _counters[lane].Count = count;
        }

        if (sort)
        {
            SortLane(lane);
        }
    }

    /// <summary>Drops emptied lanes from every partition's occupied-lane list and puts it in ascending order.</summary>
    public void DropEmptyLanes()
    {
        for (var p = 0; p < _occupied.Length; p++)
        {
            DropEmptyLanes(p);
        }
    }

    /// <summary>Drops emptied lanes from one partition's occupied-lane list and puts it in ascending order.</summary>
    /// <param name="partition">The partition.</param>
    public void DropEmptyLanes(int partition)
    {
        var list = _occupied[partition];
        // Compacted through the list's span: its indexer would write the list's version (in the list object, which may
        // share a cache line with another partition's list) for every lane kept.
        var occupied = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
        var kept = 0;
        var keptSorted = 0;
        for (var i = 0; i < occupied.Length; i++)
        {
            var lane = occupied[i];
            if (_counters[lane].Count > 0)
            {
                occupied[kept++] = lane;
                keptSorted = i < _sortedPrefix[partition * PartitionStride] ? kept : keptSorted;
            }
            else
            {
                _counters[lane].Listed = false;
            }
        }

        if (kept < occupied.Length)
        {
            list.RemoveRange(kept, occupied.Length - kept);
        }

        _sortedPrefix[partition * PartitionStride] = keptSorted;
        SortOccupied(partition);
    }

    /// <summary>Front-first order; equal positions are broken by trip index so order never depends on entity ids.</summary>
    /// <param name="a">A slot.</param>
    /// <param name="b">Another slot.</param>
    /// <returns>Whether <paramref name="a"/> comes before <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Before(in LaneSlot a, in LaneSlot b) => a.PosM > b.PosM || (a.PosM == b.PosM && a.Trip < b.Trip);

    /// <summary>
    /// A lane's count and listed flag, padded to a cache line: the move and lane-change phases write them for the lanes of
    /// their own partition, and with 16 counts to a line, lanes of two partitions (numbered by the importer, in no spatial
    /// order) shared lines that two threads wrote in the same phase (measured on Monaco with two threads on cores with a
    /// 400 ns round trip, with the stop-line stamps padded alike: move phase 99–109 → 84–92 ms and lane changes 41–51 → 34–39 ms
    /// per partition, two threads 341–343 → 317–322 ms, one thread unchanged).
    /// </summary>
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Size = 64)]
    private struct LaneCounter
    {
        public int Count;
        public bool Listed;
    }
}
