using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CityTwin.Ecs.Core;
using CityTwin.Ecs.Randomness;
using CityTwin.Ecs.Systems;
using CityTwin.Ecs.Timing;

namespace CityTwin.Cli.Commands;

/// <summary>
/// <c>citytwin demo</c>: exercises the ECS kernel end to end (world, seeded random, clock, a parallel system) and
/// prints a figure. It stands in for the main job until the scenario runner lands.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var entities = new Option<int>("--entities") { Description = "Moving entities to simulate", DefaultValueFactory = _ => 100_000 };
        var seconds = new Option<int>("--seconds") { Description = "Simulated seconds", DefaultValueFactory = _ => 600 };
        var stepMs = new Option<int>("--step-ms") { Description = "Step length in milliseconds", DefaultValueFactory = _ => 500 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (-1: all cores)", DefaultValueFactory = _ => -1 };
        var command = new Command("demo", "Run the ECS demo: entities on a ring road, accelerating to their desired speed.")
        {
            entities, seconds, stepMs, seed, threads,
        };
        command.SetAction(result => Run(result.GetValue(entities), result.GetValue(seconds), result.GetValue(stepMs),
            result.GetValue(seed), result.GetValue(threads)));
        return command;
    }

    private static int Run(int entityCount, int seconds, int stepMs, ulong seed, int threads)
    {
        if (entityCount <= 0 || seconds <= 0 || stepMs <= 0)
        {
            Console.Error.WriteLine("error: --entities, --seconds and --step-ms must be positive.");
            return 2;
        }

        using var world = World.Create();
        world.MaxDegreeOfParallelism = threads;
        var random = new RandomStreams(seed).Stream("demo.desired-speed");
        const double ringLengthM = 10_000;
        for (var i = 0; i < entityCount; i++)
        {
            var desired = Math.Clamp(random.NextNormal(13.9, 2.0), 5, 25);
            world.Create(new RingPosition(ringLengthM * i / entityCount), new Kinematics(0, desired));
        }

        var clock = new SimClock(new SimTime(stepMs));
        var end = SimTime.FromSeconds((long)seconds);
        using var systems = new Group<SimTick>("demo", new AccelerateAndMoveSystem(world, ringLengthM));
        systems.Initialize();
        var wall = Stopwatch.StartNew();
        long steps = 0;
        for (var tick = clock.Tick; tick.Time < end; tick = clock.Advance(), steps++)
        {
            systems.BeforeUpdate(in tick);
            systems.Update(in tick);
            systems.AfterUpdate(in tick);
        }

        wall.Stop();
        var meanSpeed = 0.0;
        var checksum = 0.0;
        world.Query(new QueryDescription().WithAll<RingPosition, Kinematics>(), (ref RingPosition p, ref Kinematics k) =>
        {
            meanSpeed += k.SpeedMps;
            checksum += p.OffsetM;
        });
        meanSpeed /= entityCount;
        var updates = (double)entityCount * steps;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"CityTwin ECS demo: {entityCount:N0} entities, {steps:N0} steps of {stepMs} ms ({clock.Now})"));
        Console.WriteLine(string.Create(inv, $"  mean speed            {meanSpeed:F3} m/s"));
        Console.WriteLine(string.Create(inv, $"  position checksum     {checksum:F3} m (same seed, same value on any thread count)"));
        Console.WriteLine(string.Create(inv, $"  entity updates / s    {updates / wall.Elapsed.TotalSeconds:N0}"));
        Console.WriteLine(string.Create(inv, $"  real-time factor      {seconds / wall.Elapsed.TotalSeconds:N0}x"));
        return 0;
    }

    /// <summary>Position along the ring road.</summary>
    /// <param name="offsetM">Offset from the ring's origin in metres.</param>
    private struct RingPosition(double offsetM)
    {
        public double OffsetM = offsetM;
    }

    /// <summary>Speed and desired speed.</summary>
    /// <param name="speedMps">Current speed.</param>
    /// <param name="desiredSpeedMps">Speed the driver aims for.</param>
    private struct Kinematics(double speedMps, double desiredSpeedMps)
    {
        public double SpeedMps = speedMps;
        public double DesiredSpeedMps = desiredSpeedMps;
    }

    /// <summary>Accelerates every entity towards its desired speed (free-road IDM term) and moves it.</summary>
    private sealed class AccelerateAndMoveSystem(World world, double ringLengthM) : BaseSystem<World, SimTick>(world)
    {
        private static readonly QueryDescription Moving = new QueryDescription().WithAll<RingPosition, Kinematics>();

        public override void Update(in SimTick t)
        {
            var step = new Step { DtS = t.StepSeconds, RingLengthM = ringLengthM };
            World.InlineParallelQuery<Step, RingPosition, Kinematics>(in Moving, ref step);
        }

        private struct Step : IForEach<RingPosition, Kinematics>
        {
            public double DtS;
            public double RingLengthM;

            public readonly void Update(ref RingPosition position, ref Kinematics kinematics)
            {
                // IDM free-road acceleration with a = 1.5 m/s², delta = 4; ballistic position update.
                var ratio = kinematics.SpeedMps / kinematics.DesiredSpeedMps;
                var accel = 1.5 * (1 - ratio * ratio * ratio * ratio);
                var speed = Math.Max(0, kinematics.SpeedMps + accel * DtS);
                position.OffsetM += (kinematics.SpeedMps + speed) * 0.5 * DtS;
                if (position.OffsetM >= RingLengthM)
                {
                    position.OffsetM -= RingLengthM;
                }

                kinematics.SpeedMps = speed;
            }
        }
    }
}
