using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.CarFollowing;

/// <summary>Dispatches to the vehicle's model and enforces the collision-free bound shared by all models.</summary>
public static class CarFollowing
{
    /// <summary>
    /// The speed at the end of a step behind a leader (or free road when <paramref name="gapM"/> is +∞).
    /// </summary>
    /// <param name="speedMps">Own speed.</param>
    /// <param name="desiredSpeedMps">Speed limit × speed factor, capped by the vehicle's maximum.</param>
    /// <param name="gapM">Bumper-to-bumper gap to the leader or obstacle.</param>
    /// <param name="leaderSpeedMps">Leader speed (0 for an obstacle).</param>
    /// <param name="stepS">Step length.</param>
    /// <param name="uniform">Uniform draw in [0, 1) (Krauss dawdling).</param>
    /// <param name="type">Parameters.</param>
    /// <returns>The next speed, ≥ 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextSpeedMps(double speedMps, double desiredSpeedMps, double gapM, double leaderSpeedMps,
        double stepS, double uniform, in CarFollowParameters type) =>
        NextSpeedMps(speedMps, desiredSpeedMps, gapM, leaderSpeedMps, stepS, uniform, in type, out _);

    /// <summary>As <see cref="NextSpeedMps(double, double, double, double, double, double, in CarFollowParameters)"/>;
    /// <paramref name="plannedMps"/> is the speed before Krauss dawdling (the same for IDM), as SUMO's vSafe.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextSpeedMps(double speedMps, double desiredSpeedMps, double gapM, double leaderSpeedMps,
        double stepS, double uniform, in CarFollowParameters type, out double plannedMps)
    {
        var bound = MaxSafeSpeedMps(gapM, leaderSpeedMps, stepS, in type);
        if (type.Model == CarFollowModel.Krauss)
        {
            var planned = KraussModel.UndawdledSpeedMps(speedMps, desiredSpeedMps, gapM, leaderSpeedMps, stepS, in type);
            plannedMps = Math.Min(planned, bound);
            return Math.Min(KraussModel.Dawdle(planned, stepS, uniform, in type), bound);
        }

        var accel = IdmModel.Acceleration(speedMps, desiredSpeedMps, gapM, leaderSpeedMps, in type);
        plannedMps = Math.Min(Math.Max(0, speedMps + Math.Max(accel, -type.EmergencyDecelMps2) * stepS), bound);
        return plannedMps;
    }

    /// <summary>
    /// The highest end-of-step speed v' from which the vehicle can still stop behind the leader's stopping point at
    /// emergency deceleration, given the ballistic step: (v + v')/2·Δt + v'²/(2·b_e) ≤ g + v_l²/(2·b_e).
    /// </summary>
    /// <remarks>Implementation note: IDM is not collision-free in discrete time with large steps; this bound (Gipps'
    /// idea with the emergency deceleration) only binds in emergencies, so it does not change IDM's equilibria.
    /// The own-speed term uses v' only (a conservative simplification that ignores the current speed).</remarks>
    /// <param name="gapM">Bumper-to-bumper gap.</param>
    /// <param name="leaderSpeedMps">Leader speed.</param>
    /// <param name="stepS">Step length.</param>
    /// <param name="type">Parameters.</param>
    /// <returns>The bound, m/s (+∞ on a free road).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxSafeSpeedMps(double gapM, double leaderSpeedMps, double stepS, in CarFollowParameters type)
    {
        if (double.IsPositiveInfinity(gapM))
        {
            return double.PositiveInfinity;
        }

        var b = type.EmergencyDecelMps2;
        return StoppingSpeedMps(Math.Max(0, gapM) + leaderSpeedMps * leaderSpeedMps / (2 * b), b, stepS);
    }

    /// <summary>
    /// The highest speed v from which a vehicle that keeps it for <paramref name="reactionS"/> and then brakes at
    /// <paramref name="decelMps2"/> stops within <paramref name="distanceM"/>: the root v ≥ 0 of v·t + v²/(2b) = d.
    /// </summary>
    /// <param name="distanceM">Distance available, ≥ 0.</param>
    /// <param name="decelMps2">Deceleration.</param>
    /// <param name="reactionS">Time driven at v before braking (a step, or a headway).</param>
    /// <returns>The speed, m/s.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double StoppingSpeedMps(double distanceM, double decelMps2, double reactionS)
    {
        var tb = reactionS * decelMps2;
        return -tb + Math.Sqrt(tb * tb + 2 * decelMps2 * distanceM);
    }
}
