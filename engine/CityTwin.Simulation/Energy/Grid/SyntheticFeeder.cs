namespace CityTwin.Simulation.Energy.Grid;

/// <summary>
/// Builds a synthetic low-voltage radial feeder when the real one is unknown (OSM rarely maps LV cables): a minimum
/// spanning tree (Prim) over the substation and its buildings with Euclidean cable lengths, bus 0 the substation and
/// bus i+1 building i (energy.md §5 suggests Steiner trees or MSTs along streets; this straight-line MST is the
/// simplest member of that family and underestimates cable lengths).
/// </summary>
public static class SyntheticFeeder
{
    /// <summary>Resistance of an NAYY 4×150 SE cable, Ω/km (pandapower standard line type).</summary>
    public const double NayyResistanceOhmPerKm = 0.208;

    /// <summary>Reactance of an NAYY 4×150 SE cable, Ω/km (pandapower standard line type).</summary>
    public const double NayyReactanceOhmPerKm = 0.080;

    /// <summary>Builds the line list of a minimum spanning tree from the substation to the buildings.</summary>
    /// <param name="substationX">Substation x, m.</param>
    /// <param name="substationY">Substation y, m.</param>
    /// <param name="x">Building x, m.</param>
    /// <param name="y">Building y, m.</param>
    /// <param name="resistanceOhmPerKm">Cable resistance, Ω/km.</param>
    /// <param name="reactanceOhmPerKm">Cable reactance, Ω/km.</param>
    /// <param name="minimumLengthM">Shortest line, m (buildings at the same point still get a small impedance).</param>
    /// <returns>Lines for <see cref="RadialFeeder.Create"/> with busCount = buildings + 1 and root 0.</returns>
    public static FeederLine[] MinimumSpanningTree(
        double substationX, double substationY, ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        double resistanceOhmPerKm = NayyResistanceOhmPerKm, double reactanceOhmPerKm = NayyReactanceOhmPerKm,
        double minimumLengthM = 1.0)
    {
        if (y.Length != x.Length)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }

        int n = x.Length + 1;
        var px = new double[n];
        var py = new double[n];
        px[0] = substationX;
        py[0] = substationY;
        x.CopyTo(px.AsSpan(1));
        y.CopyTo(py.AsSpan(1));

        // Prim's algorithm, O(n²): fine for a feeder's tens to hundreds of buses; ties go to the lower bus index.
        var inTree = new bool[n];
        var best = new double[n];
        var from = new int[n];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0.0;
        var lines = new FeederLine[n - 1];
        int added = 0;
        for (int step = 0; step < n; step++)
        {
            int u = -1;
            for (int i = 0; i < n; i++)
            {
                if (!inTree[i] && (u < 0 || best[i] < best[u]))
                {
                    u = i;
                }
            }

            inTree[u] = true;
            if (u != 0)
            {
                double km = Math.Max(Math.Sqrt(best[u]), minimumLengthM) / 1000.0;
                lines[added++] = new FeederLine(from[u], u, resistanceOhmPerKm * km, reactanceOhmPerKm * km);
            }

            for (int v = 0; v < n; v++)
            {
                if (inTree[v])
                {
                    continue;
                }

                double dx = px[u] - px[v], dy = py[u] - py[v];
                double d2 = (dx * dx) + (dy * dy);
                if (d2 < best[v])
                {
                    best[v] = d2;
                    from[v] = u;
                }
            }
        }

        return lines;
    }
}
