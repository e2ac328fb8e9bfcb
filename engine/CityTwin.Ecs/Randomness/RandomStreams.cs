using System.Text;

namespace CityTwin.Ecs.Randomness;

/// <summary>
/// Derives independent, named random streams from one run seed, so adding a system (or a draw in one system) never
/// shifts the draws of another.
/// </summary>
/// <remarks>The stream seed is SplitMix64 over the run seed mixed with a stable FNV-1a hash of the name (string
/// hash codes are randomised per process in .NET and must not be used).</remarks>
/// <param name="seed">The run seed.</param>
public sealed class RandomStreams(ulong seed)
{
    /// <summary>The run seed.</summary>
    public ulong Seed { get; } = seed;

    /// <summary>A fresh generator for the stream <paramref name="name"/> (same name, same sequence).</summary>
    /// <param name="name">A stable stream name, e.g. <c>"traffic.demand"</c>.</param>
    /// <returns>The generator.</returns>
    public SeededRandom Stream(string name) => new(StreamSeed(name, 0));

    /// <summary>A fresh generator for element <paramref name="index"/> of a named family (per-entity streams).</summary>
    /// <param name="name">A stable family name.</param>
    /// <param name="index">The element index.</param>
    /// <returns>The generator.</returns>
    public SeededRandom Stream(string name, long index) => new(StreamSeed(name, index));

    /// <summary>The seed of a named stream.</summary>
    /// <param name="name">A stable stream name.</param>
    /// <param name="index">The element index.</param>
    /// <returns>The derived seed.</returns>
    public ulong StreamSeed(string name, long index)
    {
        // Wrap-around arithmetic is the algorithm here (hashing/PRNG), also in Debug builds with overflow checks.
        unchecked
        {
            ArgumentNullException.ThrowIfNull(name);
            var hash = 0xCBF29CE484222325UL;
            foreach (var b in Encoding.UTF8.GetBytes(name))
            {
                hash = (hash ^ b) * 0x100000001B3UL;
            }

            var state = Seed ^ hash;
            var mixed = SeededRandom.SplitMix64(ref state);
            state = mixed ^ (ulong)index;
            return SeededRandom.SplitMix64(ref state);
        }
    }
}
