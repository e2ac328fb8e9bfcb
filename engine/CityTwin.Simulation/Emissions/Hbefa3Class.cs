namespace CityTwin.Simulation.Emissions;

/// <summary>
/// One HBEFA3 emission class: six pollutant rows of six coefficients {c0, c_av1, c_av2, c1, c2, c3} as published in
/// SUMO's <c>src/utils/emissions/HelpersHBEFA3.cpp</c> (coefficients originate from HBEFA 3.1, INFRAS).
/// </summary>
public sealed class Hbefa3Class
{
    private readonly double[] _coefficients;

    /// <summary>Creates a class.</summary>
    /// <param name="name">SUMO class name (e.g. "PC_G_EU4").</param>
    /// <param name="isDiesel">Diesel (836 g/l) rather than petrol (742 g/l), for volumetric fuel.</param>
    /// <param name="coefficients">36 values: for CO2, CO, HC, fuel, NOx, PMx in turn, c0, c_av1, c_av2, c1, c2, c3.</param>
    public Hbefa3Class(string name, bool isDiesel, double[] coefficients)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Length != 36)
        {
            throw new ArgumentException("An HBEFA3 class has 6 pollutants × 6 coefficients.", nameof(coefficients));
        }

        Name = name;
        IsDiesel = isDiesel;
        _coefficients = (double[])coefficients.Clone();
    }

    /// <summary>SUMO class name.</summary>
    public string Name { get; }

    /// <summary>Whether the fuel is diesel.</summary>
    public bool IsDiesel { get; }

    /// <summary>Fuel density used for volumetric fuel, g/l (SUMO: diesel 836, petrol 742).</summary>
    public double FuelDensityGPerL => IsDiesel ? 836.0 : 742.0;

    /// <summary>The six coefficients of one pollutant.</summary>
    /// <param name="pollutant">The pollutant.</param>
    /// <returns>c0, c_av1, c_av2, c1, c2, c3.</returns>
    public ReadOnlySpan<double> Coefficients(Pollutant pollutant) => _coefficients.AsSpan((int)pollutant * 6, 6);
}
