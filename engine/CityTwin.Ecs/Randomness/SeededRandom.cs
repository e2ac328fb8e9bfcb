using System.Numerics;
using System.Runtime.CompilerServices;

namespace CityTwin.Ecs.Randomness;

/// <summary>
/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose sequence is fixed by this code,
/// not by the .NET version, so runs are reproducible bit for bit everywhere.
/// </summary>
/// <remarks>
/// Systems receive a generator (usually from <see cref="RandomStreams"/>) and never create one, so that one run seed
/// decides every draw. <see cref="System.Random"/> is not used because its seeded sequence is not a documented
/// contract across runtime versions. Reference: Blackman &amp; Vigna, "Scrambled linear pseudorandom number
/// generators" (2021). Not thread-safe: give each thread or entity its own stream.
/// </remarks>
public sealed class SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Creates a generator from a 64-bit seed.</summary>
    /// <param name="seed">The seed; any value (0 included) gives a full-period state.</param>
    public SeededRandom(ulong seed)
    {
        Seed = seed;
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The seed this generator started from.</summary>
    public ulong Seed { get; }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        // Wrap-around arithmetic is the algorithm here (hashing/PRNG), also in Debug builds with overflow checks.
        unchecked
        {
            var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The value.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    /// <param name="min">Lower bound.</param>
    /// <param name="max">Upper bound.</param>
    /// <returns>The value.</returns>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    /// <param name="maxExclusive">Upper bound, positive.</param>
    /// <returns>The value.</returns>
    public int NextInt(int maxExclusive)
    {
        // Wrap-around arithmetic is the algorithm here (hashing/PRNG), also in Debug builds with overflow checks.
        unchecked
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
            var range = (ulong)maxExclusive;
            var product = Math.BigMul(NextUInt64(), range, out var low);
            if (low < range)
            {
                var threshold = (0 - range) % range;
                while (low < threshold)
                {
                    product = Math.BigMul(NextUInt64(), range, out low);
                }
            }

            return (int)product;
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    /// <param name="min">Lower bound.</param>
    /// <param name="maxExclusive">Upper bound, greater than <paramref name="min"/>.</param>
    /// <returns>The value.</returns>
    public int NextInt(int min, int maxExclusive) => min + NextInt(checked(maxExclusive - min));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    /// <param name="probability">In [0, 1].</param>
    /// <returns>The draw.</returns>
    public bool NextBool(double probability) => NextDouble() < probability;

    /// <summary>A standard normal draw (Marsaglia's polar method, deterministic).</summary>
    /// <returns>The value.</returns>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>A normal draw with the given mean and standard deviation.</summary>
    /// <param name="mean">Mean.</param>
    /// <param name="standardDeviation">Standard deviation (non-negative).</param>
    /// <returns>The value.</returns>
    public double NextNormal(double mean, double standardDeviation) => mean + standardDeviation * NextNormal();

    /// <summary>An exponential draw with the given mean (e.g. Poisson inter-arrival times).</summary>
    /// <param name="mean">Mean (positive).</param>
    /// <returns>The value.</returns>
    public double NextExponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Shuffles a span in place (Fisher–Yates).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="items">The items.</param>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>SplitMix64 step: the seeding function recommended for xoshiro.</summary>
    internal static ulong SplitMix64(ref ulong state)
    {
        // Wrap-around arithmetic is the algorithm here (hashing/PRNG), also in Debug builds with overflow checks.
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
