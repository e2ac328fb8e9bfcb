namespace CityTwin.Simulation.Energy.Grid;

/// <summary>
/// Assigns buildings to substations: to the nearest mapped substation (OSM <c>power=substation</c> or
/// <c>power=transformer</c>) when there are any, otherwise to k generated substations found by seeded k-means
/// (k-means++ seeding, Arthur &amp; Vassilvitskii 2007; Lloyd iterations) over the building positions.
/// </summary>
public static class FeederClustering
{
    /// <summary>
    /// Clusters buildings into <paramref name="feederCount"/> feeders. Deterministic for a given seed: k-means++
    /// draws from <see cref="Random"/> seeded with <paramref name="seed"/>; ties go to the lower feeder index.
    /// </summary>
    /// <param name="x">Building x, metres (projected).</param>
    /// <param name="y">Building y, metres.</param>
    /// <param name="feederCount">Number of feeders k (1 … building count).</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="maxIterations">Lloyd iteration limit.</param>
    /// <returns>The assignment, flagged as generated.</returns>
    public static FeederAssignment KMeans(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int feederCount, int seed, int maxIterations = 100)
    {
        int n = x.Length;
        if (y.Length != n)
        {
            throw new ArgumentException("x and y must have the same length.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(feederCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(feederCount, n);

        var rng = new Random(seed);
        var cx = new double[feederCount];
        var cy = new double[feederCount];
        var nearestD2 = new double[n];

        // k-means++: first centre uniform, each next one with probability ∝ squared distance to the nearest centre.
        int first = rng.Next(n);
        cx[0] = x[first];
        cy[0] = y[first];
        for (int i = 0; i < n; i++)
        {
            nearestD2[i] = Sq(x[i] - cx[0]) + Sq(y[i] - cy[0]);
        }

        for (int c = 1; c < feederCount; c++)
        {
            double total = 0.0;
            for (int i = 0; i < n; i++)
            {
                total += nearestD2[i];
            }

            int pick = n - 1;
            double target = rng.NextDouble() * total;
            for (int i = 0; i < n; i++)
            {
                target -= nearestD2[i];
                if (target < 0.0)
                {
                    pick = i;
                    break;
                }
            }

            cx[c] = x[pick];
            cy[c] = y[pick];
            for (int i = 0; i < n; i++)
            {
                nearestD2[i] = Math.Min(nearestD2[i], Sq(x[i] - cx[c]) + Sq(y[i] - cy[c]));
            }
        }

        var assignment = new int[n];
        var sumX = new double[feederCount];
        var sumY = new double[feederCount];
        var count = new int[feederCount];
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            bool changed = AssignNearest(x, y, cx, cy, assignment) || iteration == 0;
            if (!changed)
            {
                break;
            }

            Array.Clear(sumX);
            Array.Clear(sumY);
            Array.Clear(count);
            for (int i = 0; i < n; i++)
            {
                sumX[assignment[i]] += x[i];
                sumY[assignment[i]] += y[i];
                count[assignment[i]]++;
            }

            for (int c = 0; c < feederCount; c++)
            {
                // An emptied cluster keeps its centre (rare with k-means++ seeding); it may win buildings back.
                if (count[c] > 0)
                {
                    cx[c] = sumX[c] / count[c];
                    cy[c] = sumY[c] / count[c];
                }
            }
        }

        AssignNearest(x, y, cx, cy, assignment);
        return new FeederAssignment(assignment, cx, cy, generated: true);
    }

    /// <summary>Assigns each building to the nearest mapped substation.</summary>
    /// <param name="x">Building x, metres.</param>
    /// <param name="y">Building y, metres.</param>
    /// <param name="substationX">Substation x, metres.</param>
    /// <param name="substationY">Substation y, metres.</param>
    /// <returns>The assignment, flagged as mapped.</returns>
    public static FeederAssignment Nearest(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> substationX, ReadOnlySpan<double> substationY)
    {
        if (y.Length != x.Length || substationY.Length != substationX.Length)
        {
            throw new ArgumentException("Coordinate arrays must come in pairs of equal length.");
        }

        if (substationX.Length == 0)
        {
            throw new ArgumentException("At least one substation is needed; use KMeans to generate them.", nameof(substationX));
        }

        var assignment = new int[x.Length];
        AssignNearest(x, y, substationX, substationY, assignment);
        return new FeederAssignment(assignment, substationX.ToArray(), substationY.ToArray(), generated: false);
    }

    private static bool AssignNearest(
        ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> cx, ReadOnlySpan<double> cy, int[] assignment)
    {
        bool changed = false;
        for (int i = 0; i < x.Length; i++)
        {
            int best = 0;
            double bestD2 = double.MaxValue;
            for (int c = 0; c < cx.Length; c++)
            {
                double d2 = Sq(x[i] - cx[c]) + Sq(y[i] - cy[c]);
                if (d2 < bestD2)
                {
                    bestD2 = d2;
                    best = c;
                }
            }

            if (assignment[i] != best)
            {
                assignment[i] = best;
                changed = true;
            }
        }

        return changed;
    }

    private static double Sq(double v) => v * v;
}
