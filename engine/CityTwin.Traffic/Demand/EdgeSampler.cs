using CityTwin.Ecs.Randomness;

namespace CityTwin.Traffic.Demand;

/// <summary>
/// Draws edges with probability proportional to a weight, by binary search in the cumulative weights: O(log n) per
/// draw, one uniform number per draw, so the sequence is fixed by the seed.
/// </summary>
internal sealed class EdgeSampler
{
    private readonly int[] _edges;
    private readonly double[] _cumulative;

    public EdgeSampler(List<int> edges, List<double> weights)
    {
        _edges = edges.ToArray();
        _cumulative = new double[_edges.Length];
        var sum = 0.0;
        for (var i = 0; i < _edges.Length; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum;
        }

        TotalWeight = sum;
    }

    public int Count => _edges.Length;

    public double TotalWeight { get; }

    public int Next(SeededRandom random)
    {
        var x = random.NextDouble() * TotalWeight;
        // First index whose cumulative weight exceeds x; zero-weight entries can never be hit.
        int lo = 0, hi = _edges.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cumulative[mid] > x)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return _edges[lo];
    }
}
