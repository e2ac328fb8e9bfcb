namespace CityTwin.Ecs.Core;

/// <summary>
/// Sorts a range of an archetype's rows by a key per row, ascending (not part of Arch's API), with scratch of its own:
/// several sorters may sort disjoint ranges of one archetype at the same time, while nothing else changes the world.
/// Entity handles stay valid; only where the components are stored changes.
/// </summary>
/// <remarks>The traffic engine keeps each thread's vehicles in a block of rows and has every thread sort its own block,
/// so that no thread writes rows another thread works on (<see cref="World.SortRows"/> sorts a whole archetype on one
/// thread).</remarks>
public sealed class RowSorter
{
    private readonly bool _archetypeScratch;
    private int[] _order = [];
    private Array?[]? _scratch;
    private Archetype? _scratchOf;

    /// <summary>Creates a sorter with scratch of its own.</summary>
    public RowSorter()
    {
    }

    /// <summary>A sorter that permutes through each archetype's own scratch (<see cref="World.SortRows"/>: one thread).</summary>
    internal RowSorter(bool archetypeScratch) => _archetypeScratch = archetypeScratch;

    /// <summary>Sorts rows <paramref name="firstRow"/> to <paramref name="firstRow"/> + keys.Length − 1 of
    /// <paramref name="archetype"/> by <paramref name="keys"/> (keys[i] belongs to row firstRow + i; distinct keys give a
    /// fully determined order).</summary>
    /// <param name="world">The world that holds the archetype.</param>
    /// <param name="archetype">An archetype of <paramref name="world"/>.</param>
    /// <param name="firstRow">First row of the range (rows counted over the chunks in order, see <see cref="World.RowOf"/>).</param>
    /// <param name="keys">One key per row of the range; reordered along with the rows.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // runs every few steps at most: too few calls in one run for tiering to re-jit it (30), so it would stay unoptimised
    public void Sort(World world, Archetype archetype, int firstRow, Span<long> keys)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(archetype);
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        world.EnsureNotIterating("RowSorter.Sort");
        if (firstRow + keys.Length > archetype.EntityCount)
        {
            throw new ArgumentException(
                $"Rows {firstRow}–{firstRow + keys.Length - 1} are not all rows of the archetype ({archetype.EntityCount} rows).", nameof(keys));
        }

        if (_order.Length < keys.Length)
        {
            _order = new int[Math.Max(keys.Length, 2 * _order.Length)];
        }

        var order = _order.AsSpan(0, keys.Length);
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        keys.Sort(order);
        if (!_archetypeScratch && !ReferenceEquals(_scratchOf, archetype))
        {
            (_scratch, _scratchOf) = (archetype.NewPermuteScratch(), archetype);
        }

        archetype.Permute(firstRow, order, _archetypeScratch ? null : _scratch, world.RowMoved);
    }
}
