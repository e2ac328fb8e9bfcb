using CityTwin.Traffic.Engine;

namespace CityTwin.Traffic.Tests.Engine;

public class PartitionWorkersTests
{
    [Test]
    public void Run_CallsEveryPartitionOnce_PerPhase_AndWaitsForAll()
    {
        using var workers = new PartitionWorkers(3);
        var calls = new int[3];
        for (var phase = 0; phase < 1000; phase++)
        {
            workers.Run(p => Interlocked.Increment(ref calls[p]), 0);
            Assert.That(calls.Sum(), Is.EqualTo(3 * (phase + 1)), "Run returns only when every partition is done");
        }

        Assert.That(calls, Is.EqualTo(new[] { 1000, 1000, 1000 }));
    }

    [Test]
    public void Run_AfterIdling_WakesBlockedWorkers()
    {
        using var workers = new PartitionWorkers(2);
        var calls = 0;
        workers.Run(_ => Interlocked.Increment(ref calls), 0);
        Thread.Sleep(50); // long enough for the worker to stop spinning and block
        workers.Run(_ => Interlocked.Increment(ref calls), 0);
        Assert.That(calls, Is.EqualTo(4));
    }

    [Test]
    public void Run_RethrowsAPartitionsException_OnTheCaller_AndStaysUsable()
    {
        using var workers = new PartitionWorkers(2);
        var error = Assert.Throws<InvalidOperationException>(() => workers.Run(p =>
        {
            if (p == 1)
            {
                throw new InvalidOperationException("partition 1 failed");
            }
        }, 0));
        Assert.That(error!.Message, Is.EqualTo("partition 1 failed"));
        var calls = 0;
        workers.Run(_ => Interlocked.Increment(ref calls), 0);
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void Run_WhenAWorkerIsLate_TheCallerRunsItsBody_ExactlyOnce_AndTheWorkerSkipsIt()
    {
        using var workers = new PartitionWorkers(2);
        using var lateDone = new ManualResetEventSlim();
        var late = 1; // the worker's first phase only: it starts 200 ms after the phase began (as when descheduled)
        workers.BeforeClaim = _ =>
        {
            if (Interlocked.Exchange(ref late, 0) == 1)
            {
                Thread.Sleep(200);
                lateDone.Set();
            }
        };
        var calls = new int[2];
        var ranOn = new int[2];
        workers.Run(p =>
        {
            Interlocked.Increment(ref calls[p]);
            ranOn[p] = Environment.CurrentManagedThreadId;
        }, 0);

        Assert.That(calls, Is.EqualTo(new[] { 1, 1 }));
        Assert.That(ranOn[1], Is.EqualTo(Environment.CurrentManagedThreadId), "the caller took over the late worker's body");
        Assert.That(workers.TakenOver, Is.EqualTo(1));

        // The late worker then finds its body taken, and does not run it again; later phases run every body once.
        Assert.That(lateDone.Wait(TimeSpan.FromSeconds(10)), Is.True);
        for (var phase = 0; phase < 100; phase++)
        {
            workers.Run(p => Interlocked.Increment(ref calls[p]), 0);
        }

        Assert.That(calls, Is.EqualTo(new[] { 101, 101 }));
    }

    [Test]
    public void BusyTicks_AreCountedPerPartition_InTheSlotTheBodyRanIn()
    {
        using var workers = new PartitionWorkers(2);
        workers.Run(_ => Thread.Sleep(2), 3);
        workers.Run(_ => { }, 5);
        for (var p = 0; p < 2; p++)
        {
            Assert.That(workers.BusyTicks(p, 3), Is.GreaterThan(0), $"partition {p} worked in slot 3");
            Assert.That(workers.BusyTicks(p, 1), Is.EqualTo(0), $"partition {p} never ran in slot 1");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => workers.Run(_ => { }, PartitionWorkers.Slots));
    }
}
