using CityTwin.Traffic.CarFollowing;

namespace CityTwin.Traffic.Tests.CarFollowing;

public class IdmModelTests
{
    [Test]
    public void Acceleration_AtEquilibriumGap_IsZero()
    {
        var p = new CarFollowParameters(Scenarios.IdmCity);
        foreach (var v in new[] { 2.0, 8.0, 12.0 })
        {
            var gap = IdmModel.EquilibriumGapM(v, 15, in p);
            Assert.That(IdmModel.Acceleration(v, 15, gap, v, in p), Is.EqualTo(0).Within(1e-9));
        }
    }

    [Test]
    public void Acceleration_FreeRoadFromStandstill_IsMaxAccel_AndZeroAtDesiredSpeed()
    {
        var p = new CarFollowParameters(Scenarios.IdmCity);
        Assert.That(IdmModel.Acceleration(0, 15, double.PositiveInfinity, 0, in p), Is.EqualTo(1.0));
        Assert.That(IdmModel.Acceleration(15, 15, double.PositiveInfinity, 0, in p), Is.EqualTo(0).Within(1e-12));
    }

    [Test]
    public void Acceleration_ApproachingStandingObstacle_BrakesHarderThanComfortable()
    {
        var p = new CarFollowParameters(Scenarios.IdmCity);
        Assert.That(IdmModel.Acceleration(15, 15, 20, 0, in p), Is.LessThan(-p.DecelMps2));
    }
}

public class KraussModelTests
{
    [Test]
    public void SafeSpeed_AtQueueEquilibriumSpacing_EqualsLeaderSpeed()
    {
        // Queue equilibrium: v = (d − l − minGap)/τ (traffic.md §5.1); the safe speed then equals the leader's.
        var p = new CarFollowParameters(Vehicles.VehicleType.SumoDefault);
        var v = 16.66;
        var gap = v * p.TauS + p.MinGapM;
        Assert.That(KraussModel.SafeSpeedMps(v, gap, v, in p), Is.EqualTo(v).Within(1e-9));
    }

    [Test]
    public void NextSpeed_WithoutDawdling_IsMinOfMaxAccelAndSafe()
    {
        var p = new CarFollowParameters(Vehicles.VehicleType.SumoDefault);
        Assert.That(KraussModel.NextSpeedMps(10, 13.89, double.PositiveInfinity, 0, 1, 0, in p), Is.EqualTo(12.6).Within(1e-12));
        Assert.That(KraussModel.NextSpeedMps(13, 13.89, double.PositiveInfinity, 0, 1, 0, in p), Is.EqualTo(13.89).Within(1e-12));
        // Full dawdling removes sigma·a·dt = 1.3 m/s.
        Assert.That(KraussModel.NextSpeedMps(10, 13.89, double.PositiveInfinity, 0, 1, 0.999999, in p), Is.EqualTo(12.6 - 1.3).Within(1e-5));
    }

    [Test]
    public void MaxSafeSpeed_AllowsStoppingBehindStoppedLeaderAtEmergencyDecel()
    {
        var p = new CarFollowParameters(Vehicles.VehicleType.SumoDefault);
        var v = CityTwin.Traffic.CarFollowing.CarFollowing.MaxSafeSpeedMps(30, 0, 1, in p);
        // v·Δt + v²/(2·b_e) = gap.
        Assert.That(v * 1 + v * v / (2 * 9.0), Is.EqualTo(30).Within(1e-9));
    }
}
