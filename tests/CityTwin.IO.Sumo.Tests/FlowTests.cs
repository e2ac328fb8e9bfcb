using CityTwin.Ecs.Randomness;
using CityTwin.Traffic.Demand;

namespace CityTwin.IO.Sumo.Tests;

public sealed class FlowTests
{
    private const string Header = """<routes><vType id="car" vClass="passenger" speedFactor="normc(1.1,0.2,0.2,2)"/><route id="r" edges="131 117 209"/>""";

    private static SumoDemand Read(string body, ulong seed = 5)
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var path = Path.Combine(Path.GetTempPath(), $"citytwin-flow-{Guid.NewGuid():N}.rou.xml");
        File.WriteAllText(path, Header + body + "</routes>");
        try
        {
            return SumoRouteReader.Read(net, new SeededRandom(seed), path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void VehsPerHour_period_and_number_expand_deterministically()
    {
        var d = Read("""
            <flow id="a" type="car" route="r" begin="0" end="100" vehsPerHour="360"/>
            <flow id="b" route="r" begin="10" period="25" number="3" departLane="best" departSpeed="max"/>
            <flow id="c" route="r" begin="0" end="60" number="4"/>
            <flow id="d" from="131" to="209" begin="0" end="20" period="10"/>
            """);
        Assert.That(d.FlowElements, Is.EqualTo(4));
        Assert.That(d.Trips.Where(t => t.Id.StartsWith("a.", StringComparison.Ordinal)).Select(t => t.DepartMs),
            Is.EqualTo(Enumerable.Range(0, 10).Select(i => i * 10_000L)));
        Assert.That(d.Trips.Where(t => t.Id.StartsWith("b.", StringComparison.Ordinal)).Select(t => t.DepartMs), Is.EqualTo(new[] { 10_000L, 35_000L, 60_000L }));
        Assert.That(d.Trips.Where(t => t.Id.StartsWith("c.", StringComparison.Ordinal)).Select(t => t.DepartMs), Is.EqualTo(new[] { 0L, 15_000L, 30_000L, 45_000L }));
        var b0 = d.Trips.Single(t => t.Id == "b.0");
        Assert.That((b0.DepartLane, b0.DepartSpeed), Is.EqualTo((DepartLane.Best, DepartSpeed.Max)));
        Assert.That(d.Trips.Where(t => t.Id.StartsWith("d.", StringComparison.Ordinal)).All(t => t.Edges is null), Is.True);
        var car = d.Types.Single(t => t.Id == "car");
        Assert.That((car.SpeedFactorMean, car.SpeedFactorDev), Is.EqualTo((1.1, 0.2)));
        Assert.That(d.Trips.Select(t => t.DepartMs), Is.Ordered);
    }

    [Test]
    public void Probability_flow_uses_the_given_random_source()
    {
        const string body = """<flow id="p" route="r" begin="0" end="1000" probability="0.2"/>""";
        var a = Read(body, seed: 11);
        var b = Read(body, seed: 11);
        var c = Read(body, seed: 12);
        Assert.That(a.Trips.Select(t => t.DepartMs), Is.EqualTo(b.Trips.Select(t => t.DepartMs)));
        Assert.That(a.Trips.Select(t => t.DepartMs), Is.Not.EqualTo(c.Trips.Select(t => t.DepartMs)));
        Assert.That(a.Trips.Count, Is.InRange(150, 250), "about 0.2 per second over 1000 s");
    }

    [Test]
    public void Route_distribution_draws_by_probability()
    {
        var d = Read("""
            <routeDistribution id="rd"><route id="r1" edges="131 117" probability="3"/><route id="r2" edges="131" probability="1"/></routeDistribution>
            <flow id="f" route="rd" begin="0" end="4000" period="1"/>
            """);
        var share = d.Trips.Count(t => t.Edges!.Length == 2) / (double)d.Trips.Count;
        Assert.That(share, Is.EqualTo(0.75).Within(0.03));
        Assert.That(d.RouteDefinitions, Is.EqualTo(3), "r, r1, r2");
    }
}
