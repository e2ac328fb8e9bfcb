namespace CityTwin.Simulation.Emissions;

/// <summary>
/// Maps emission class names from SUMO files to the HBEFA3 classes CityTwin models. SUMO scenarios written for older
/// SUMO versions name HBEFA2 classes (<c>HBEFA2/P_7_7</c> was SUMO's default passenger car, a petrol Euro 4 car, which
/// SUMO 1.x replaced by <c>HBEFA3/PC_G_EU4</c>); heavy-duty classes map to HDV, and PHEMlight names to their HBEFA3
/// namesakes. Anything else maps to the passenger default, and the caller reports it.
/// </summary>
public static class EmissionClassMapping
{
    /// <summary>The HBEFA3 class name (as in <see cref="Hbefa3Classes.ByName"/>) for an emission class written in a SUMO file.</summary>
    /// <param name="emissionClass">The class as written (with or without a <c>HBEFA3/</c>-style prefix).</param>
    /// <param name="exact">True when the class is modelled as is; false when it was mapped to a stand-in.</param>
    /// <returns>The HBEFA3 class name, with the <c>HBEFA3/</c> prefix.</returns>
    public static string ToHbefa3(string emissionClass, out bool exact)
    {
        ArgumentNullException.ThrowIfNull(emissionClass);
        var slash = emissionClass.IndexOf('/', StringComparison.Ordinal);
        var model = slash >= 0 ? emissionClass[..slash] : "HBEFA3";
        var name = slash >= 0 ? emissionClass[(slash + 1)..] : emissionClass;
        exact = model.Equals("HBEFA3", StringComparison.OrdinalIgnoreCase) && Hbefa3Classes.ByName.ContainsKey(name);
        if (exact)
        {
            return "HBEFA3/" + name;
        }

        if (Hbefa3Classes.ByName.ContainsKey(name))
        {
            return "HBEFA3/" + name; // PHEMlight and HBEFA4 reuse the HBEFA3 names for these classes
        }

        var upper = name.ToUpperInvariant();
        return upper.StartsWith("HDV", StringComparison.Ordinal) || upper.StartsWith("LKW", StringComparison.Ordinal) ? "HBEFA3/HDV"
            : upper.StartsWith("BUS", StringComparison.Ordinal) || upper.StartsWith("UBUS", StringComparison.Ordinal) ? "HBEFA3/Bus"
            : upper.StartsWith("COACH", StringComparison.Ordinal) || upper.StartsWith("RBUS", StringComparison.Ordinal) ? "HBEFA3/Coach"
            : upper.StartsWith("LDV", StringComparison.Ordinal) ? "HBEFA3/LDV_D_EU6"
            : upper.StartsWith("PC_D", StringComparison.Ordinal) ? "HBEFA3/PC_D_EU4"
            : "HBEFA3/PC_G_EU4";
    }
}
