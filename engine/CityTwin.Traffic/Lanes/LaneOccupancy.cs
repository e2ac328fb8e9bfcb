using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.Lanes;

/// <summary>
/// Per-lane ordered vehicle lists: slot 0 is the vehicle furthest along the lane, so a vehicle's leader is the slot
/// before it and its follower the slot after, both O(1).
/// </summary>
/// <remarks>Implementation note: one flat slot array with a fixed region per lane would need re-layout as lanes fill;
/// instead each lane owns a small growable array. The move phase keeps the lists up to date (vehicles never overtake on
/// a lane, so a lane's stayers keep their order and are refreshed in place; vehicles that cross a junction are inserted
/// into their new lane at the ordered place; see <see cref="Truncate"/> and <see cref="DropEmptyLanes"/>); a snapshot
/// restore rebuilds them with <see cref="Append"/> and <see cref="SortAll"/>.</remarks>
public sealed class LaneOccupancy
{
    private readonly LaneSlot[][] _slots;
    private readonly int[] _counts;
    private readonly List<int> _occupied = [];

    /// <summary>How many leading entries of <see cref="_occupied"/> are known to be in ascending order (lanes newly
    /// occupied are appended after them).</summary>
    private int _sortedPrefix;
    private readonly bool[] _listed;

    /// <summary>Creates empty lists for every lane.</summary>
    /// <param name="laneCount">Number of lanes in the network.</param>
    public LaneOccupancy(int laneCount)
    {
        _slots = new LaneSlot[laneCount][];
        _counts = new int[laneCount];
        _listed = new bool[laneCount];
        for (var i = 0; i < laneCount; i++)
        {
            _slots[i] = [];
        }
    }

    /// <summary>Number of lanes.</summary>
    public int LaneCount => _counts.Length;

    /// <summary>Vehicles on a lane.</summary>
    /// <param name="lane">Lane index.</param>
    /// <returns>The count.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Count(int lane) => _counts[lane];

    /// <summary>The vehicles on a lane, front first.</summary>
    /// <param name="lane">Lane index.</param>
    /// <returns>The slots.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<LaneSlot> Slots(int lane) => _slots[lane].AsSpan(0, _counts[lane]);

    /// <summary>The last (rearmost) vehicle of a lane, or false when the lane is empty.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="slot">The rearmost slot.</param>
    /// <returns>Whether the lane has a vehicle.</returns>
    public bool TryGetLast(int lane, out LaneSlot slot)
    {
        var n = _counts[lane];
        slot = n > 0 ? _slots[lane][n - 1] : default;
        return n > 0;
    }

    /// <summary>
    /// Lanes that held a vehicle at some point since the last <see cref="Clear"/>, in ascending order after
    /// <see cref="SortAll"/> (a lane may have been emptied since). Phases iterate these instead of every lane.
    /// </summary>
    public IReadOnlyList<int> OccupiedLanes => _occupied;

    /// <summary>Empties every lane.</summary>
    public void Clear()
    {
        foreach (var lane in _occupied)
        {
            _counts[lane] = 0;
            _listed[lane] = false;
        }

        _occupied.Clear();
        _sortedPrefix = 0;
    }

    /// <summary>Appends a vehicle without keeping order (call <see cref="SortAll"/> afterwards).</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="slot">The vehicle.</param>
    public void Append(int lane, in LaneSlot slot)
    {
        ref var array = ref _slots[lane];
        var n = _counts[lane];
        if (!_listed[lane])
        {
            _listed[lane] = true;
            _occupied.Add(lane);
        }

        if (n == array.Length)
        {
            Array.Resize(ref array, Math.Max(4, n * 2));
        }

        array[n] = slot;
        _counts[lane] = n + 1;
    }

    /// <summary>Inserts a vehicle at its ordered place.</summary>
    /// <param name="lane">Lane index.</param>
    /// <param name="slot">The vehicle.</param>
    /// <returns>The slot index it took.</returns>
    public int Insert(int lane, in LaneSlot slot)
    {
        Append(lane, slot);
        var slots = _slots[lane];
        var i = _counts[lane] - 1;
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
        var n = _counts[lane];
        Array.Copy(_slots[lane], index + 1, _slots[lane], index, n - index - 1);
        _counts[lane] = n - 1;
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

    /// <summary>Puts the occupied-lane list in ascending lane order (phases then visit lanes in a fixed order).</summary>
    public void SortOccupied()
    {
        // Each step only a few lanes become occupied, appended after a list already in order: each is put in its place
        // by binary search, instead of sorting the whole list again.
        var n = _occupied.Count;
        if (n - _sortedPrefix > 64)
        {
            _occupied.Sort();
        }
        else
        {
            for (var i = _sortedPrefix; i < n; i++)
            {
                var lane = _occupied[i];
                var at = _occupied.BinarySearch(0, i, lane, null);
                at = at < 0 ? ~at : at;
                if (at < i)
                {
                    _occupied.RemoveAt(i);
                    _occupied.Insert(at, lane);
                }
            }
        }

        _sortedPrefix = n;
    }

    /// <summary>Sorts every lane front first (insertion sort: lists are nearly sorted), and the occupied-lane list.</summary>
    public void SortAll()
    {
        SortOccupied();
        foreach (var lane in _occupied)
        {
            SortLane(lane);
        }
    }

    private void SortLane(int lane)
    {
        var n = _counts[lane];
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
        _counts[lane] = count;
        if (sort)
        {
            SortLane(lane);
        }
    }

    /// <summary>Drops emptied lanes from the occupied-lane list and puts it in ascending order.</summary>
    public void DropEmptyLanes()
    {
        var kept = 0;
        var keptSorted = 0;
        for (var i = 0; i < _occupied.Count; i++)
        {
            var lane = _occupied[i];
            if (_counts[lane] > 0)
            {
                _occupied[kept++] = lane;
                keptSorted = i < _sortedPrefix ? kept : keptSorted;
            }
            else
            {
                _listed[lane] = false;
            }
        }

        _occupied.RemoveRange(kept, _occupied.Count - kept);
        _sortedPrefix = keptSorted;
        SortOccupied();
    }

    /// <summary>Front-first order; equal positions are broken by trip index so order never depends on entity ids.</summary>
    /// <param name="a">A slot.</param>
    /// <param name="b">Another slot.</param>
    /// <returns>Whether <paramref name="a"/> comes before <paramref name="b"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Before(in LaneSlot a, in LaneSlot b) => a.PosM > b.PosM || (a.PosM == b.PosM && a.Trip < b.Trip);
}
