namespace CityTwin.Simulation.Lighting;

/// <summary>
/// Minimum maintained values of one EN 13201-2:2015 class (energy.md §3.1). Fields that do not apply to the class
/// family are NaN: M classes use luminance and its uniformities, C classes average illuminance and U0, P classes
/// average and minimum illuminance.
/// </summary>
public readonly struct En13201Requirement
{
    /// <summary>Creates a requirement.</summary>
    /// <param name="lightingClass">The class.</param>
    /// <param name="averageLuminanceCdM2">L̄, cd/m² (M).</param>
    /// <param name="overallUniformity">U0 (M, C).</param>
    /// <param name="longitudinalUniformity">Ul (M).</param>
    /// <param name="thresholdIncrementPercent">fTI maximum, % (M).</param>
    /// <param name="edgeIlluminationRatio">REI (M).</param>
    /// <param name="averageIlluminanceLx">Ē, lx (C, P).</param>
    /// <param name="minimumIlluminanceLx">E_min, lx (P).</param>
    public En13201Requirement(
        LightingClass lightingClass, double averageLuminanceCdM2, double overallUniformity, double longitudinalUniformity,
        double thresholdIncrementPercent, double edgeIlluminationRatio, double averageIlluminanceLx, double minimumIlluminanceLx)
    {
        Class = lightingClass;
        AverageLuminanceCdM2 = averageLuminanceCdM2;
        OverallUniformity = overallUniformity;
        LongitudinalUniformity = longitudinalUniformity;
        ThresholdIncrementPercent = thresholdIncrementPercent;
        EdgeIlluminationRatio = edgeIlluminationRatio;
        AverageIlluminanceLx = averageIlluminanceLx;
        MinimumIlluminanceLx = minimumIlluminanceLx;
    }

    /// <summary>The class.</summary>
    public LightingClass Class { get; }

    /// <summary>Average road surface luminance L̄, cd/m² (M classes).</summary>
    public double AverageLuminanceCdM2 { get; }

    /// <summary>Overall uniformity U0 (M and C classes).</summary>
    public double OverallUniformity { get; }

    /// <summary>Longitudinal uniformity Ul (M classes).</summary>
    public double LongitudinalUniformity { get; }

    /// <summary>Maximum threshold increment fTI, % (M classes).</summary>
    public double ThresholdIncrementPercent { get; }

    /// <summary>Edge illumination ratio REI (M classes).</summary>
    public double EdgeIlluminationRatio { get; }

    /// <summary>Average illuminance Ē, lx (C and P classes).</summary>
    public double AverageIlluminanceLx { get; }

    /// <summary>Minimum illuminance, lx (P classes).</summary>
    public double MinimumIlluminanceLx { get; }
}
