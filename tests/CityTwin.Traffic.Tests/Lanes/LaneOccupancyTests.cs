using CityTwin.Ecs.Core;
using CityTwin.Traffic.Lanes;

namespace CityTwin.Traffic.Tests.Lanes;

public sealed class LaneOccupancyTests
{
    private static LaneSlot Slot(double posM, int trip) => new() { Vehicle = default(Entity), PosM = posM, SpeedMps = 1, LengthM = 5, Trip = trip };

    [Test]
    public void OccupiedLanes_AreAscendingAfterSort_WhetherAFewOrManyLanesWereAdded()
    {
        var lanes = new LaneOccupancy(500);
        foreach (var lane in new[] { 40, 7, 300, 12 })
        {
            lanes.Append(lane, Slot(1, lane));
        }

        lanes.SortOccupied();
        Assert.That(lanes.OccupiedLanes, Is.EqualTo(new[] { 7, 12, 40, 300 }));

        // A few more after a sorted prefix (placed one by one), then many at once (sorted whole).
        lanes.Append(9, Slot(1, 9));
        lanes.Append(301, Slot(1, 301));
        lanes.Append(0, Slot(1, 0));
        lanes.SortOccupied();
        Assert.That(lanes.OccupiedLanes, Is.EqualTo(new[] { 0, 7, 9, 12, 40, 300, 301 }));
        var many = Enumerable.Range(100, 150).Reverse().ToArray();
        foreach (var lane in many)
        {
            lanes.Append(lane, Slot(1, lane));
        }

        lanes.SortOccupied();
        Assert.That(lanes.OccupiedLanes, Is.Ordered.Ascending);
        Assert.That(lanes.OccupiedLanes, Has.Count.EqualTo(7 + 150));
    }

    [Test]
    public void DropEmptyLanes_RemovesEmptiedLanes_KeepsOrder_AndTheLaneCanComeBack()
    {
        var lanes = new LaneOccupancy(50);
        foreach (var lane in new[] { 3, 1, 20, 8 })
        {
            lanes.Append(lane, Slot(1, lane));
        }

        lanes.SortOccupied();
        lanes.Truncate(8, 0, sort: false);
        lanes.Append(30, Slot(1, 30));
        lanes.Append(2, Slot(1, 2));
        lanes.DropEmptyLanes();
        Assert.That(lanes.OccupiedLanes, Is.EqualTo(new[] { 1, 2, 3, 20, 30 }));
        lanes.Append(8, Slot(1, 8));
        lanes.SortOccupied();
        Assert.That(lanes.OccupiedLanes, Is.EqualTo(new[] { 1, 2, 3, 8, 20, 30 }), "an emptied lane is listed again when a vehicle arrives");
    }

    [Test]
    public void Truncate_SortsFrontFirst_WhenAsked_TiesByTrip()
    {
        var lanes = new LaneOccupancy(1);
        lanes.Append(0, Slot(10, 5));
        lanes.Append(0, Slot(30, 2));
        lanes.Append(0, Slot(10, 1));
        lanes.Append(0, Slot(50, 9));
        lanes.Truncate(0, 3, sort: true);
        Assert.That(lanes.Slots(0).ToArray().Select(s => (s.PosM, s.Trip)), Is.EqualTo(new[] { (30.0, 2), (10.0, 1), (10.0, 5) }));
    }

    [Test]
    public void Partitions_EachListTheirOwnLanes_AndTheWholeListStaysAscending()
    {
        var lanes = new LaneOccupancy(10);
        foreach (var lane in new[] { 9, 2, 5, 0, 7 })
        {
            lanes.Append(lane, Slot(1, lane));
        }

        // Lanes 0–4 and 8–9 in partition 1, 5–7 in partition 0 (partitions need not be runs of lane indices).
        lanes.SetPartitions([1, 1, 1, 1, 1, 0, 0, 0, 1, 1], 2);
        Assert.That(lanes.OccupiedIn(0), Is.EqualTo(new[] { 5, 7 }));
        Assert.That(lanes.OccupiedIn(1), Is.EqualTo(new[] { 0, 2, 9 }));
        Assert.That(lanes.PartitionOf(6), Is.Zero);

        lanes.Append(6, Slot(1, 6));
        lanes.Append(1, Slot(1, 1));
        lanes.Truncate(9, 0, sort: false);
        lanes.DropEmptyLanes(1);
        lanes.SortOccupied(0);
        Assert.That(lanes.OccupiedIn(0), Is.EqualTo(new[] { 5, 6, 7 }), "a newly occupied lane joins its own partition's list");
        Assert.That(lanes.OccupiedIn(1), Is.EqualTo(new[] { 0, 1, 2 }), "an emptied lane leaves it");
        Assert.That(lanes.OccupiedLanes, Is.EqualTo(new[] { 0, 1, 2, 5, 6, 7 }), "the whole list is in lane order");
        Assert.Throws<ArgumentException>(() => lanes.SetPartitions([0, 2, 0, 0, 0, 0, 0, 0, 0, 0], 2));
    }
}
