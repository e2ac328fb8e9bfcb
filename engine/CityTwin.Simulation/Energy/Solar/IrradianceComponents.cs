namespace CityTwin.Simulation.Energy.Solar;

/// <summary>Beam and diffuse parts of the solar irradiance on a horizontal plane, W/m².</summary>
public readonly struct IrradianceComponents
{
    /// <summary>Creates the components.</summary>
    /// <param name="globalHorizontalWm2">Global horizontal irradiance (GHI), W/m².</param>
    /// <param name="directNormalWm2">Direct normal irradiance (DNI), W/m².</param>
    /// <param name="diffuseHorizontalWm2">Diffuse horizontal irradiance (DHI), W/m².</param>
    public IrradianceComponents(double globalHorizontalWm2, double directNormalWm2, double diffuseHorizontalWm2)
    {
        GlobalHorizontalWm2 = globalHorizontalWm2;
        DirectNormalWm2 = directNormalWm2;
        DiffuseHorizontalWm2 = diffuseHorizontalWm2;
    }

    /// <summary>Global horizontal irradiance (GHI), W/m².</summary>
    public double GlobalHorizontalWm2 { get; }

    /// <summary>Direct normal irradiance (DNI), W/m².</summary>
    public double DirectNormalWm2 { get; }

    /// <summary>Diffuse horizontal irradiance (DHI), W/m².</summary>
    public double DiffuseHorizontalWm2 { get; }
}
