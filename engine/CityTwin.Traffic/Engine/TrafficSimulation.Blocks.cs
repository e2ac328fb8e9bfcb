using CityTwin.Traffic.Vehicles;

namespace CityTwin.Traffic.Engine;

// Each partition's vehicles in one block of rows between the storage re-sorts.
public sealed partial class TrafficSimulation
{
    /// <summary>The vehicles' archetype while each partition's vehicles are kept in a block of rows of their own (null:
    /// not kept; one thread, or vehicles in several archetypes).</summary>
    private Ecs.Core.Archetype? _blockArchetype;

    /// <summary>Per partition, the row after its block (blocks follow each other in partition order).</summary>
    private int[] _blockEnd = [];

    /// <summary>
    /// Starts keeping each partition's vehicles in a block of rows, right after a re-sort has put them in west-to-east
    /// order (so each partition's vehicles already form a block). Between re-sorts, arrivals, departures and vehicles
    /// that cross into another partition's strip would otherwise interleave the partitions' rows (an arrival's hole is
    /// filled with the last row, a departure is appended, a crossing vehicle stays where it was), and two threads would
    /// then write to the same cache lines in every phase: <see cref="OnVehicleCreated"/>, <see cref="BeforeVehicleDestroyed"/>
    /// and <see cref="MoveMigratedVehicles"/> move such rows into their block with a few row swaps each.
    /// </summary>
    /// <remarks>Only storage changes, never results: the traffic phases walk lanes, not rows, and observers of the
    /// vehicles read them in trip order (see StepPipeline in CityTwin.Simulation), so they do not depend on where the
    /// blocks' boundaries fall. On Monaco with the vCPUs far apart, each partition worked 9–23% longer than alone
    /// instead of 25–36% (three alternating runs, benchmarks/README.md).</remarks>
    private void StartBlocks(Ecs.Core.Archetype? vehicles)
    {
        _blockArchetype = null;
        var parts = _parts.Length;
        if (parts < 2 || vehicles is null)
        {
            return;
        }

        if (_blockEnd.Length != parts)
        {
            _blockEnd = new int[parts];
        }

        Array.Clear(_blockEnd);
        var last = 0;
        for (var k = 0; k < vehicles.ChunkCount; k++)
        {
            ref var chunk = ref vehicles.GetChunk(k);
            var kinematics = chunk.GetSpan<Kinematics>();
            for (var row = 0; row < chunk.Count; row++)
            {
                var p = _lanes.PartitionOf(kinematics[row].Lane);
                if (p < last)
                {
                    return; // not in partition order (cannot happen after a west-to-east sort): keep no blocks
                }

                last = p;
                _blockEnd[p]++;
            }
        }

        for (var p = 1; p < parts; p++)
        {
            _blockEnd[p] += _blockEnd[p - 1];
        }

        _blockArchetype = vehicles;
    }

    /// <summary>Whether blocks are kept for <paramref name="archetype"/> with <paramref name="rows"/> rows.</summary>
    private bool BlocksHold(Ecs.Core.Archetype archetype, int rows) => ReferenceEquals(_blockArchetype, archetype) && _blockEnd[^1] == rows;

    /// <summary>A new vehicle (appended as the last row) joins the block of its lane's partition.</summary>
    private void OnVehicleCreated(Entity vehicle, int lane)
    {
        if (_blockArchetype is null)
        {
            return;
        }

        var archetype = World.GetArchetype(vehicle);
        if (!BlocksHold(archetype, archetype.EntityCount - 1))
        {
            _blockArchetype = null; // created elsewhere too: stop until the next re-sort
            return;
        }

        _blockEnd[^1]++;
        MoveToBlock(archetype, World.RowOf(vehicle), _blockEnd.Length - 1, _lanes.PartitionOf(lane));
    }

    /// <summary>A vehicle about to be destroyed moves to the end of the last block first, so that the row that fills its
    /// hole (the last) comes from the same block.</summary>
    private void BeforeVehicleDestroyed(Entity vehicle)
    {
        if (_blockArchetype is null)
        {
            return;
        }

        var archetype = World.GetArchetype(vehicle);
        if (!BlocksHold(archetype, archetype.EntityCount))
        {
            _blockArchetype = null;
            return;
        }

        var row = World.RowOf(vehicle);
        MoveToBlock(archetype, row, BlockOf(row), _blockEnd.Length - 1);
        _blockEnd[^1]--;
    }

    /// <summary>Serial part of a step: vehicles that crossed into another partition's strip (listed by the partition
    /// that received them) move into its block.</summary>
    private void MoveMigratedVehicles()
    {
        var archetype = _blockArchetype is { } a && BlocksHold(a, a.EntityCount) ? a : null;
        foreach (var part in _parts)
        {
            if (archetype is not null)
            {
                foreach (var vehicle in part.Migrated)
                {
                    var row = World.RowOf(vehicle);
                    MoveToBlock(archetype, row, BlockOf(row), part.Index);
                }
            }

            ClearIfAny(part.Migrated);
        }
    }

    /// <summary>Re-sorts partition <paramref name="p"/>'s block of rows into west-to-east order (see
    /// <see cref="SortVehiclesByLane"/>; the blocks follow each other in that order, so together they are sorted as one
    /// sort of all rows would have sorted them), on the partition's own thread.</summary>
    private void SortBlock(int p)
    {
        var first = p == 0 ? 0 : _blockEnd[p - 1];
        SortRowsByLane(_blockArchetype!, first, _blockEnd[p] - first, ref _parts[p].SortKeys, _parts[p].Sorter);
    }

    /// <summary>Whether blocks are kept and every vehicle's row lies in the block of its lane's partition (tests).</summary>
    internal bool VehiclesInTheirBlocks()
    {
        if (_blockArchetype is not { } archetype || _blockEnd[^1] != archetype.EntityCount)
        {
            return false;
        }

        for (var row = 0; row < archetype.EntityCount; row++)
        {
            if (BlockOf(row) != _lanes.PartitionOf(World.Get<Kinematics>(archetype.EntityAt(row)).Lane))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The block holding <paramref name="row"/>.</summary>
    private int BlockOf(int row)
    {
        var p = 0;
        while (row >= _blockEnd[p])
        {
            p++;
        }

        return p;
    }

    /// <summary>Moves the vehicle at <paramref name="row"/> from block <paramref name="from"/> into block
    /// <paramref name="to"/>, one block boundary at a time: it swaps with the last row of its block, which then ends one
    /// row earlier (or with the first, and the block before ends one row later).</summary>
    private void MoveToBlock(Ecs.Core.Archetype archetype, int row, int from, int to)
    {
        for (; from < to; from++)
        {
            var last = --_blockEnd[from];
            World.SwapRows(archetype, row, last);
            row = last;
        }

        for (; from > to; from--)
        {
            var first = _blockEnd[from - 1]++;
            World.SwapRows(archetype, row, first);
            row = first;
        }
    }
}
