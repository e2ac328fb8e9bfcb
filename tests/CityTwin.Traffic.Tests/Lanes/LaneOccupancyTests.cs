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
}
