namespace CityTwin.Simulation.Lighting;

/// <summary>EN 13201-2:2015 lighting classes: M (motorised traffic, luminance), C (conflict areas), P (pedestrian, low speed).</summary>
public enum LightingClass
{
    /// <summary>M1, 2.00 cd/m².</summary>
    M1,

    /// <summary>M2, 1.50 cd/m².</summary>
    M2,

    /// <summary>M3, 1.00 cd/m².</summary>
    M3,

    /// <summary>M4, 0.75 cd/m².</summary>
    M4,

    /// <summary>M5, 0.50 cd/m².</summary>
    M5,

    /// <summary>M6, 0.30 cd/m².</summary>
    M6,

    /// <summary>C0, 50 lx.</summary>
    C0,

    /// <summary>C1, 30 lx.</summary>
    C1,

    /// <summary>C2, 20 lx.</summary>
    C2,

    /// <summary>C3, 15 lx.</summary>
    C3,

    /// <summary>C4, 10 lx.</summary>
    C4,

    /// <summary>C5, 7.5 lx.</summary>
    C5,

    /// <summary>P1, 15 lx.</summary>
    P1,

    /// <summary>P2, 10 lx.</summary>
    P2,

    /// <summary>P3, 7.5 lx.</summary>
    P3,

    /// <summary>P4, 5 lx.</summary>
    P4,

    /// <summary>P5, 3 lx.</summary>
    P5,

    /// <summary>P6, 2 lx.</summary>
    P6,

    /// <summary>P7, performance not determined.</summary>
    P7,
}
