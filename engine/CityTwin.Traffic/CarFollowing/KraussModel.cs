using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.CarFollowing;

/// <summary>
/// Krauß's safe-speed model as SUMO implements it (traffic.md §1.2; Krauß 1998):
/// v_safe = v_l + (g − v_l·τ) / (v̄/b + τ) with v̄ = (v_l + v)/2 and g the gap minus minGap;
/// v_des = min(v_max, v + a·Δt, v_safe); v_next = max(0, v_des − σ·a·Δt·η), η ~ U[0, 1).
/// </summary>
public static class KraussModel
{
    /// <summary>The safe speed behind a leader.</summary>
    /// <param name="speedMps">Own speed.</param>
    /// <param name="gapM">Bumper-to-bumper gap (+∞ on a free road).</param>
    /// <param name="leaderSpeedMps">Leader speed.</param>
    /// <param name="type">Parameters (minGap, tau, decel).</param>
    /// <returns>v_safe, m/s (+∞ on a free road).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SafeSpeedMps(double speedMps, double gapM, double leaderSpeedMps, in CarFollowParameters type)
    {
        if (double.IsPositiveInfinity(gapM))
        {
            return double.PositiveInfinity;
        }

        var g = gapM - type.MinGapM;
        var mean = 0.5 * (leaderSpeedMps + speedMps);
        return Math.Max(0, leaderSpeedMps + (g - leaderSpeedMps * type.TauS) / (mean / type.DecelMps2 + type.TauS));
    }

    /// <summary>The next speed, including dawdling.</summary>
    /// <param name="speedMps">Own speed.</param>
    /// <param name="maxSpeedMps">Speed limit × speed factor, capped by the vehicle's maximum.</param>
    /// <param name="gapM">Bumper-to-bumper gap (+∞ on a free road).</param>
    /// <param name="leaderSpeedMps">Leader speed.</param>
    /// <param name="stepS">Step length.</param>
    /// <param name="uniform">A uniform draw in [0, 1) for dawdling.</param>
    /// <param name="type">Parameters.</param>
    /// <returns>The speed at the end of the step.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NextSpeedMps(double speedMps, double maxSpeedMps, double gapM, double leaderSpeedMps,
        double stepS, double uniform, in CarFollowParameters type) =>
        Dawdle(UndawdledSpeedMps(speedMps, maxSpeedMps, gapM, leaderSpeedMps, stepS, in type), stepS, uniform, in type);

    /// <summary>The next speed before dawdling: the lowest of the limit, free acceleration and the safe speed.</summary>
    /// <param name="speedMps">Own speed.</param>
    /// <param name="maxSpeedMps">Speed limit × speed factor, capped by the vehicle's maximum.</param>
    /// <param name="gapM">Bumper-to-bumper gap (+∞ on a free road).</param>
    /// <param name="leaderSpeedMps">Leader speed.</param>
    /// <param name="stepS">Step length.</param>
    /// <param name="type">Parameters.</param>
    /// <returns>The speed, m/s.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double UndawdledSpeedMps(double speedMps, double maxSpeedMps, double gapM, double leaderSpeedMps,
        double stepS, in CarFollowParameters type) =>
        Math.Min(maxSpeedMps, Math.Min(speedMps + type.AccelMps2 * stepS, SafeSpeedMps(speedMps, gapM, leaderSpeedMps, in type)));

    /// <summary>Dawdling: a random slow-down of up to sigma × accel × Δt, reduced at low speed.</summary>
    /// <param name="desiredMps">The speed before dawdling.</param>
    /// <param name="stepS">Step length.</param>
    /// <param name="uniform">A uniform draw in [0, 1).</param>
    /// <param name="type">Parameters.</param>
    /// <returns>The speed after dawdling, ≥ 0.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dawdle(double desiredMps, double stepS, double uniform, in CarFollowParameters type)
    {
        var dawdle = type.Sigma * type.AccelMps2 * stepS * uniform;
        var accelStep = type.AccelMps2 * stepS;
        if (desiredMps < accelStep)
        {
            // SUMO reduces dawdling at low speed so that standing vehicles start reliably.
            dawdle *= desiredMps / accelStep;
        }

        return Math.Max(0, desiredMps - dawdle);
    }
}
