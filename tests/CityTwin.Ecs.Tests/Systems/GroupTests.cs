using CityTwin.Ecs.Timing;

namespace CityTwin.Ecs.Tests.Systems;

public class GroupTests
{
    private sealed class RecordingSystem(World world, string name, List<string> log) : BaseSystem<World, SimTick>(world)
    {
        public override void Initialize() => log.Add($"{name}.init");

        public override void BeforeUpdate(in SimTick t) => log.Add($"{name}.before@{t.StepIndex}");

        public override void Update(in SimTick t)
        {
            log.Add($"{name}.update@{t.StepIndex}");
            World.Query(new QueryDescription().WithAll<Health>(), static (ref Health h) => h.Value++);
        }

        public override void AfterUpdate(in SimTick t) => log.Add($"{name}.after@{t.StepIndex}");
    }

    [Test]
    public void Group_RunsEachPhaseForEverySystemInOrder()
    {
        using var world = World.Create();
        var e = world.Create(new Health(0));
        var log = new List<string>();
        using var group = new Group<SimTick>("traffic",
            new RecordingSystem(world, "a", log), new RecordingSystem(world, "b", log));
        var clock = new SimClock(SimTime.FromSeconds(1));

        group.Initialize();
        for (var i = 0; i < 2; i++)
        {
            var tick = clock.Tick;
            group.BeforeUpdate(in tick);
            group.Update(in tick);
            group.AfterUpdate(in tick);
            clock.Advance();
        }

        Assert.That(log, Is.EqualTo(new[]
        {
            "a.init", "b.init",
            "a.before@0", "b.before@0", "a.update@0", "b.update@0", "a.after@0", "b.after@0",
            "a.before@1", "b.before@1", "a.update@1", "b.update@1", "a.after@1", "b.after@1",
        }));
        Assert.That(world.Get<Health>(e).Value, Is.EqualTo(4));
        Assert.That(group.Systems, Has.Count.EqualTo(2));
    }
}
