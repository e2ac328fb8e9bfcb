namespace CityTwin.Simulation.Energy.Grid;

/// <summary>
/// A validated radial feeder: buses 0…n−1, a root (source/substation) bus and n−1 lines forming a tree. Stores the
/// tree as parent arrays in breadth-first order, which is all the backward–forward sweep needs.
/// </summary>
public sealed class RadialFeeder
{
    private readonly int[] _parent;
    private readonly int[] _order;
    private readonly double[] _resistanceOhm;
    private readonly double[] _reactanceOhm;

    private RadialFeeder(int rootBus, int[] parent, int[] order, double[] resistanceOhm, double[] reactanceOhm)
    {
        RootBus = rootBus;
        _parent = parent;
        _order = order;
        _resistanceOhm = resistanceOhm;
        _reactanceOhm = reactanceOhm;
    }

    /// <summary>Number of buses.</summary>
    public int BusCount => _parent.Length;

    /// <summary>The source (substation) bus.</summary>
    public int RootBus { get; }

    /// <summary>Parent of each bus towards the root (−1 for the root).</summary>
    public ReadOnlySpan<int> Parent => _parent;

    /// <summary>Buses in breadth-first order from the root (root first).</summary>
    public ReadOnlySpan<int> BreadthFirstOrder => _order;

    /// <summary>Resistance of the line from each bus to its parent, Ω (0 for the root).</summary>
    public ReadOnlySpan<double> ResistanceToParentOhm => _resistanceOhm;

    /// <summary>Reactance of the line from each bus to its parent, Ω (0 for the root).</summary>
    public ReadOnlySpan<double> ReactanceToParentOhm => _reactanceOhm;

    /// <summary>
    /// Validates a line list and builds the tree. Refuses a line list with a bus out of range, a line from a bus to
    /// itself, a loop (a line joining two buses already connected) or an island (a bus not connected to the root).
    /// </summary>
    /// <param name="busCount">Number of buses (at least 1).</param>
    /// <param name="rootBus">The source bus.</param>
    /// <param name="lines">The lines, in any order and direction.</param>
    /// <returns>The feeder.</returns>
    /// <exception cref="FeederTopologyException">The lines do not form a tree spanning all buses.</exception>
    public static RadialFeeder Create(int busCount, int rootBus, ReadOnlySpan<FeederLine> lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(busCount);
        ArgumentOutOfRangeException.ThrowIfNegative(rootBus);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rootBus, busCount);

        // Union–find over the lines finds the first line that closes a loop, in the caller's order.
        var set = new int[busCount];
        for (int i = 0; i < busCount; i++)
        {
            set[i] = i;
        }

        var degree = new int[busCount];
        for (int i = 0; i < lines.Length; i++)
        {
            FeederLine l = lines[i];
            if ((uint)l.FromBus >= (uint)busCount || (uint)l.ToBus >= (uint)busCount)
            {
                throw new FeederTopologyException(
                    $"Feeder line {i} ({l.FromBus}–{l.ToBus}) names a bus outside 0…{busCount - 1}.");
            }

            if (l.FromBus == l.ToBus)
            {
                throw new FeederTopologyException($"Feeder line {i} connects bus {l.FromBus} to itself.");
            }

            int a = Find(set, l.FromBus), b = Find(set, l.ToBus);
            if (a == b)
            {
                throw new FeederTopologyException(
                    $"Feeder line {i} ({l.FromBus}–{l.ToBus}) closes a loop: both buses are already connected. "
                    + "A radial feeder must be a tree; open one switch of the loop.");
            }

            set[a] = b;
            degree[l.FromBus]++;
            degree[l.ToBus]++;
        }

        // Adjacency in CSR form, then breadth-first from the root.
        var start = new int[busCount + 1];
        for (int i = 0; i < busCount; i++)
        {
            start[i + 1] = start[i] + degree[i];
        }

        var fill = (int[])start.Clone();
        var neighbour = new int[2 * lines.Length];
        var lineOf = new int[2 * lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            neighbour[fill[lines[i].FromBus]] = lines[i].ToBus;
            lineOf[fill[lines[i].FromBus]++] = i;
            neighbour[fill[lines[i].ToBus]] = lines[i].FromBus;
            lineOf[fill[lines[i].ToBus]++] = i;
        }

        var parent = new int[busCount];
        Array.Fill(parent, -2);
        parent[rootBus] = -1;
        var order = new int[busCount];
        var r = new double[busCount];
        var x = new double[busCount];
        order[0] = rootBus;
        int head = 0, tail = 1;
        while (head < tail)
        {
            int bus = order[head++];
            for (int e = start[bus]; e < start[bus + 1]; e++)
            {
                int next = neighbour[e];
                if (parent[next] != -2)
                {
                    continue;
                }

                parent[next] = bus;
                r[next] = lines[lineOf[e]].ResistanceOhm;
                x[next] = lines[lineOf[e]].ReactanceOhm;
                order[tail++] = next;
            }
        }

        if (tail < busCount)
        {
            int island = Array.IndexOf(parent, -2);
            throw new FeederTopologyException(
                $"Bus {island} is not connected to the root bus {rootBus}: {busCount - tail} of {busCount} buses form "
                + "one or more islands. Every bus of a feeder must be reachable from its substation.");
        }

        return new RadialFeeder(rootBus, parent, order, r, x);
    }

    private static int Find(int[] set, int i)
    {
        while (set[i] != i)
        {
            set[i] = set[set[i]]; // path halving
            i = set[i];
        }

        return i;
    }
}
