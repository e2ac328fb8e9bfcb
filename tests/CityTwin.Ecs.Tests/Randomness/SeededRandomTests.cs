using CityTwin.Ecs.Randomness;

namespace CityTwin.Ecs.Tests.Randomness;

public class SeededRandomTests
{
    [Test]
    public void NextUInt64_MatchesReferenceXoshiro256StarStar()
    {
        // Reference values from a separate transcription (Python) of the published xoshiro256** and SplitMix64 C code, seed 0.
        var rng = new SeededRandom(0);
        Assert.That(rng.NextUInt64(), Is.EqualTo(0x99EC5F36CB75F2B4UL));
        Assert.That(rng.NextUInt64(), Is.EqualTo(0xBF6E1F784956452AUL));
    }

    [Test]
    public void SameSeed_SameSequence_DifferentSeed_DifferentSequence()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var c = new SeededRandom(43);
        var sa = Enumerable.Range(0, 100).Select(_ => a.NextDouble()).ToArray();
        Assert.That(Enumerable.Range(0, 100).Select(_ => b.NextDouble()), Is.EqualTo(sa));
        Assert.That(Enumerable.Range(0, 100).Select(_ => c.NextDouble()), Is.Not.EqualTo(sa));
    }

    [Test]
    public void NextInt_IsUniformAndInRange()
    {
        var rng = new SeededRandom(7);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[rng.NextInt(10)]++;
        }

        // Chi-square with 9 degrees of freedom: 27.9 is the 0.1% critical value.
        var chi2 = counts.Sum(n => (n - 10_000.0) * (n - 10_000.0) / 10_000.0);
        Assert.That(chi2, Is.LessThan(27.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }

    [Test]
    public void NextNormal_HasUnitMomentsAndExponentialHasMean()
    {
        var rng = new SeededRandom(11);
        var samples = Enumerable.Range(0, 200_000).Select(_ => rng.NextNormal()).ToArray();
        var mean = samples.Average();
        var variance = samples.Select(x => (x - mean) * (x - mean)).Average();
        Assert.That(mean, Is.EqualTo(0).Within(0.01));
        Assert.That(variance, Is.EqualTo(1).Within(0.01));
        var exp = Enumerable.Range(0, 200_000).Select(_ => rng.NextExponential(3.0)).Average();
        Assert.That(exp, Is.EqualTo(3.0).Within(0.05));
    }

    [Test]
    public void Streams_ByName_AreIndependentAndStable()
    {
        var streams = new RandomStreams(2026);
        var demand = streams.Stream("traffic.demand").NextUInt64();
        Assert.That(new RandomStreams(2026).Stream("traffic.demand").NextUInt64(), Is.EqualTo(demand));
        Assert.That(streams.Stream("lighting").NextUInt64(), Is.Not.EqualTo(demand));
        Assert.That(streams.Stream("vehicle", 1).NextUInt64(), Is.Not.EqualTo(streams.Stream("vehicle", 2).NextUInt64()));
    }
}
