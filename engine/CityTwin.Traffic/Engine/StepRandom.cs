using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.Engine;

/// <summary>
/// Counter-based random draws: a pure function of (run seed, trip, step, purpose). Lanes can then be processed on
/// any thread in any order and every vehicle still gets the same draw, which keeps runs bit-identical across thread
/// counts and across a snapshot/restore.
/// </summary>
internal static class StepRandom
{
    /// <summary>A uniform double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, int trip, long step, int purpose)
    {
        // Wrap-around arithmetic is the algorithm here (hashing/PRNG), also in Debug builds with overflow checks.
        unchecked
        {
            var x = seed ^ ((ulong)(uint)trip * 0x9E3779B97F4A7C15UL) ^ ((ulong)step * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)purpose << 56);
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (x >> 11) * (1.0 / (1UL << 53));
        }
    }
}
