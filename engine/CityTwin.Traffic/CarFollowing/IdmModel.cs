using System.Runtime.CompilerServices;

namespace CityTwin.Traffic.CarFollowing;

/// <summary>
/// Intelligent Driver Model (Treiber, Hennecke, Helbing, Phys. Rev. E 62:1805, 2000):
/// dv/dt = a·[1 − (v/v0)^δ − (s*/s)²], s* = s0 + max(0, v·T + v·Δv / (2·√(a·b))), Δv = v − v_lead.
/// </summary>
public static class IdmModel
{
    /// <summary>IDM acceleration.</summary>
    /// <param name="speedMps">Own speed v.</param>
    /// <param name="desiredSpeedMps">Desired speed v0 (positive).</param>
    /// <param name="gapM">Bumper-to-bumper gap s to the leader (+∞ on a free road).</param>
    /// <param name="leaderSpeedMps">Leader speed (ignored on a free road).</param>
    /// <param name="type">Parameters a, b, s0 (min gap), T (tau), δ.</param>
    /// <returns>The acceleration, m/s² (may be far below −b when too close).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Acceleration(double speedMps, double desiredSpeedMps, double gapM, double leaderSpeedMps,
        in CarFollowParameters type)
    {
        var ratio = speedMps / desiredSpeedMps;
        var free = type.Delta == 4.0 ? ratio * ratio * ratio * ratio : Math.Pow(ratio, type.Delta);
        if (double.IsPositiveInfinity(gapM))
        {
            return type.AccelMps2 * (1 - free);
        }

        var dynamic = speedMps * type.TauS + speedMps * (speedMps - leaderSpeedMps) / (2 * Math.Sqrt(type.AccelMps2 * type.DecelMps2));
        var desiredGap = type.MinGapM + Math.Max(0, dynamic);
        var s = Math.Max(gapM, 0.01);
        var interaction = desiredGap / s;
        return type.AccelMps2 * (1 - free - interaction * interaction);
    }

    /// <summary>Equilibrium gap s_e(v) = (s0 + v·T) / √(1 − (v/v0)^δ); +∞ at v ≥ v0.</summary>
    /// <param name="speedMps">Speed.</param>
    /// <param name="desiredSpeedMps">Desired speed v0.</param>
    /// <param name="type">Parameters.</param>
    /// <returns>The gap, metres.</returns>
    public static double EquilibriumGapM(double speedMps, double desiredSpeedMps, in CarFollowParameters type)
    {
        var free = Math.Pow(speedMps / desiredSpeedMps, type.Delta);
        return free >= 1 ? double.PositiveInfinity : (type.MinGapM + speedMps * type.TauS) / Math.Sqrt(1 - free);
    }
}
