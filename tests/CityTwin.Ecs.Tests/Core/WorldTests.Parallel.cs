namespace CityTwin.Ecs.Tests.Core;

public partial class WorldTests
{
    private struct Integrate : IForEach<Position, Velocity>
    {
        public void Update(ref Position position, ref Velocity velocity)
        {
            // Nonlinear update so that any mixing of rows or double application would show.
            velocity.X = velocity.X * 0.99 + Math.Sin(position.X) * 0.1;
            position.X += velocity.X * 0.1;
            position.Y += Math.Sqrt(Math.Abs(position.X));
        }
    }

    private static World ParallelWorld()
    {
        var world = World.Create();
        for (var i = 0; i < 20_000; i++)
        {
            var e = world.Create(new Position(i * 0.37, 0), new Velocity(Math.Cos(i), 0));
            if (i % 3 == 0)
            {
                world.Add(e, new Health(i));
            }
        }

        return world;
    }

    private static double[] Snapshot(World world)
    {
        var result = new double[world.Size * 3];
        world.Query(new QueryDescription().WithAll<Position, Velocity>(), (Entity e, ref Position p, ref Velocity v) =>
        {
            result[e.Id * 3] = p.X;
            result[e.Id * 3 + 1] = p.Y;
            result[e.Id * 3 + 2] = v.X;
        });
        return result;
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void InlineParallelQuery_GivesBitIdenticalResultsToSerial(int threads)
    {
        var description = new QueryDescription().WithAll<Position, Velocity>();
        using var serial = ParallelWorld();
        using var parallel = ParallelWorld();
        parallel.MaxDegreeOfParallelism = threads;
        for (var step = 0; step < 10; step++)
        {
            serial.InlineQuery<Integrate, Position, Velocity>(in description);
            var integrate = new Integrate();
            parallel.InlineParallelQuery<Integrate, Position, Velocity>(in description, ref integrate);
        }

        Assert.That(Snapshot(parallel), Is.EqualTo(Snapshot(serial)));
    }

    [Test]
    public void ParallelQuery_Delegate_GivesBitIdenticalResultsToSerial()
    {
        var description = new QueryDescription().WithAll<Position, Velocity>().WithNone<Health>();
        using var serial = ParallelWorld();
        using var parallel = ParallelWorld();
        parallel.MaxDegreeOfParallelism = 2;
        serial.Query(in description, static (ref Position p, ref Velocity v) => p.X = Math.Exp(-p.X) + v.X);
        parallel.ParallelQuery(in description, static (ref Position p, ref Velocity v) => p.X = Math.Exp(-p.X) + v.X);
        Assert.That(Snapshot(parallel), Is.EqualTo(Snapshot(serial)));
    }

    [Test]
    public void ParallelQuery_StructuralChangeInside_IsRefused()
    {
        using var world = ParallelWorld();
        var description = new QueryDescription().WithAll<Health>();
        var error = Assert.Throws<AggregateException>(() =>
            world.ParallelQuery(in description, (Entity e, ref Health _) => world.Destroy(e)));
        Assert.That(error!.InnerExceptions.All(x => x is InvalidOperationException), Is.True);
        Assert.That(world.IsIterating, Is.False);
    }
}
