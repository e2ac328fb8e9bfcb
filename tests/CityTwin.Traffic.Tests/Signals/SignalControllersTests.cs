using CityTwin.Model.Roads;
using CityTwin.Model.Signals;
using CityTwin.Traffic.Signals;

namespace CityTwin.Traffic.Tests.Signals;

public class SignalControllersTests
{
    private static (SignalControllers Controllers, int Lane) OneSignal()
    {
        var b = new NetworkBuilder();
        var j0 = b.Junction(0, 0);
        var j1 = b.Junction(200, 0);
        var j2 = b.Junction(400, 0);
        var a = b.Edge(j0, j1);
        var e = b.Edge(j1, j2);
        b.Connect(a, 0, e, 0, LinkControl.Signal, signalLink: 0);
        b.Signal(j1, (30, "G"), (3, "y"), (27, "r"));
        var network = b.Build();
        return (new SignalControllers(network), network.Edges[a].FirstLane);
    }

    private static SignalState[] Run(SignalControllers c, int seconds, double[] laneGapS)
    {
        var states = new SignalState[seconds];
        for (var t = 0; t < seconds; t++)
        {
            states[t] = c.State(0, 0);
            c.Advance(1000, laneGapS);
            for (var l = 0; l < laneGapS.Length; l++)
            {
                laneGapS[l] += 1;
            }
        }

        return states;
    }

    [Test]
    public void FixedTime_CyclesThroughPhasesWithTheirDurations()
    {
        var (c, _) = OneSignal();
        var states = Run(c, 120, [double.PositiveInfinity, double.PositiveInfinity]);
        Assert.That(states.Take(30), Is.All.EqualTo(SignalState.GreenMajor));
        Assert.That(states.Skip(30).Take(3), Is.All.EqualTo(SignalState.Yellow));
        Assert.That(states.Skip(33).Take(27), Is.All.EqualTo(SignalState.Red));
        Assert.That(states.Skip(60).Take(60), Is.EqualTo(states.Take(60)), "the cycle repeats");
    }

    [Test]
    public void Offset_ShiftsTheCycle()
    {
        var (c, _) = OneSignal();
        var plan = c.GetPlan(0);
        c.SetPlan(0, new SignalPlan(plan.Phases, plan.LinkCount, offsetS: 45));
        var states = Run(c, 60, [double.PositiveInfinity, double.PositiveInfinity]);
        // 45 s into the cycle is 12 s into red: red for 15 s more, then green.
        Assert.That(states.Take(15), Is.All.EqualTo(SignalState.Red));
        Assert.That(states[15], Is.EqualTo(SignalState.GreenMajor));
    }

    [Test]
    public void Actuated_GreenEndsEarlyWithoutDemand_AndExtendsToMaxWithDemand()
    {
        var (idle, _) = OneSignal();
        idle.SetPlan(0, idle.GetPlan(0).ToActuated(minGreenS: 5, maxGreenS: 50));
        var noDemand = Run(idle, 10, [double.PositiveInfinity, double.PositiveInfinity]);
        Assert.That(noDemand.TakeWhile(s => s == SignalState.GreenMajor).Count(), Is.EqualTo(5), "min green, then the gap ends it");

        var (busy, lane) = OneSignal();
        busy.SetPlan(0, busy.GetPlan(0).ToActuated(minGreenS: 5, maxGreenS: 50));
        var gaps = new double[2];
        var states = new List<SignalState>();
        for (var t = 0; t < 60; t++)
        {
            gaps[lane] = 0; // a vehicle at the stop line every second
            states.Add(busy.State(0, 0));
            busy.Advance(1000, gaps);
        }

        Assert.That(states.TakeWhile(s => s == SignalState.GreenMajor).Count(), Is.EqualTo(50), "extended up to max green");
    }

    [Test]
    public void SetPlan_WrongLinkCount_Refused()
    {
        var (c, _) = OneSignal();
        var error = Assert.Throws<ArgumentException>(() =>
            c.SetPlan(0, new SignalPlan([new SignalPlanPhase(30, [SignalState.GreenMajor, SignalState.Red])], 2)));
        Assert.That(error!.Message, Does.Contain("1 links"));
    }
}
