using CityTwin.Simulation.Energy.Grid;

namespace CityTwin.Simulation.Tests.Energy.Grid;

public class RadialFeederTests
{
    [Test]
    public void Create_Ieee33_RootFirstAndParentsPointTowardsRoot()
    {
        RadialFeeder f = RadialFeeder.Create(33, 0, Ieee33BusFeeder.LineList());
        Assert.That(f.BreadthFirstOrder[0], Is.EqualTo(0));
        Assert.That(f.Parent[0], Is.EqualTo(-1));
        Assert.That(f.Parent[17], Is.EqualTo(16)); // paper bus 18's parent is bus 17
        Assert.That(f.Parent[18], Is.EqualTo(1)); // paper bus 19 hangs off bus 2
    }

    [Test]
    public void Create_Loop_RefusedNamingTheLine()
    {
        FeederLine[] lines = [new(0, 1, 1, 1), new(1, 2, 1, 1), new(2, 0, 1, 1)];
        Assert.That(
            () => RadialFeeder.Create(3, 0, lines),
            Throws.TypeOf<FeederTopologyException>().With.Message.Contains("line 2 (2–0) closes a loop"));
    }

    [Test]
    public void Create_Island_RefusedNamingTheBus()
    {
        FeederLine[] lines = [new(0, 1, 1, 1), new(2, 3, 1, 1)];
        Assert.That(
            () => RadialFeeder.Create(4, 0, lines),
            Throws.TypeOf<FeederTopologyException>().With.Message.Contains("Bus 2 is not connected to the root bus 0"));
    }

    [Test]
    public void Create_BusOutOfRange_Refused()
    {
        Assert.That(
            () => RadialFeeder.Create(2, 0, [new FeederLine(0, 5, 1, 1)]),
            Throws.TypeOf<FeederTopologyException>().With.Message.Contains("outside 0…1"));
    }

    [Test]
    public void Create_SelfLoop_Refused()
    {
        Assert.That(
            () => RadialFeeder.Create(2, 0, [new FeederLine(1, 1, 1, 1)]),
            Throws.TypeOf<FeederTopologyException>().With.Message.Contains("to itself"));
    }

    [Test]
    public void Create_ReversedLineDirection_SameTree()
    {
        RadialFeeder f = RadialFeeder.Create(3, 0, [new FeederLine(1, 0, 1, 2), new FeederLine(2, 1, 3, 4)]);
        Assert.That(f.Parent[2], Is.EqualTo(1));
        Assert.That(f.ResistanceToParentOhm[2], Is.EqualTo(3.0));
    }
}
