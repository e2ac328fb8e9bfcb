namespace CityTwin.Traffic.Engine;

/// <summary>How a vehicle's position advances over a step from its speeds at the start and end of the step.</summary>
public enum PositionUpdate
{
    /// <summary>Per car-following model: Krauss moves as SUMO does by default (<see cref="Euler"/>, the update Krauß's
    /// discrete-time model is defined for), IDM ballistically.</summary>
    Auto = 0,

    /// <summary>x' = x + (v + v')/2·Δt (constant acceleration over the step; SUMO's <c>--step-method.ballistic</c>).</summary>
    Ballistic = 1,

    /// <summary>x' = x + v'·Δt (SUMO's default). With Krauss, vehicles queue exactly minGap apart and each starts the
    /// step after its leader, as in SUMO; integrated ballistically, Krauss lets vehicles brake into the minimum gap and
    /// a queue starts a step slower per vehicle (a signal discharged 785 instead of SUMO's 963 veh/h, measured).</summary>
    Euler = 2,
}
