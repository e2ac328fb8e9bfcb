namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Construction archetypes by use and construction year: the German TABULA typology for houses (SFH) and apartment
/// blocks (MFH) and the BMVBS non-residential classes, as in CEA's DE database (Ceruti et al., BauSIM 2024;
/// energy.md §1.3).
/// </summary>
/// <remarks>
/// Common values: heat capacity 162 kJ/m²K (CEA DE CONSTRUCTION_TAB) with A_m = 2.5·A_f (ISO 13790 Table 12,
/// medium); residential window-to-wall ratio 0.225 (CEA DE WWR_south, applied to every façade); non-residential 0.30
/// (the middle of BMVBS's 0.15–0.46 range). Window g-values: TABULA gives 0.75 for classes A–H, 0.67 for I and 0.5
/// for L; we use 0.67 for J–K as well, and 0.75 / 0.75 / 0.67 / 0.60 for the four non-residential classes (ours,
/// following their window U-values). Airtightness n50 from CEA CH construction standards: 3 /h up to 2000, 2 /h
/// 2001–2015, 1 /h from 2016 (STANDARD1–4, STANDARD5, STANDARD6).
/// </remarks>
public static class ConstructionArchetypes
{
    private const double HeatCapacity = 162_000.0;
    private const double MassArea = 2.5;
    private const double ResidentialWwr = 0.225;
    private const double NonResidentialWwr = 0.30;

    // Upper year of each TABULA DE age class (A …1859 … L 2016–).
    private static readonly int[] ClassEndYear = [1859, 1918, 1948, 1957, 1968, 1978, 1983, 1994, 2001, 2009, 2015, int.MaxValue];
    private static readonly string[] ClassName = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];

    // TABULA DE, per class: U_wall, U_roof, U_window, U_base (energy.md §1.3 table).
    private static readonly double[,] SingleFamily =
    {
        { 2.0, 2.6, 2.8, 2.9 }, { 1.7, 1.3, 2.8, 1.02 }, { 1.7, 1.4, 2.8, 0.77 }, { 1.4, 1.4, 2.8, 0.83 },
        { 1.18, 0.8, 2.8, 1.08 }, { 1.0, 0.5, 2.8, 0.88 }, { 0.8, 0.5, 4.3, 0.65 }, { 0.5, 0.4, 3.2, 0.51 },
        { 0.3, 0.35, 1.9, 0.4 }, { 0.3, 0.25, 1.4, 0.28 }, { 0.28, 0.2, 1.3, 0.35 }, { 0.17, 0.15, 1.1, 0.17 },
    };

    private static readonly double[,] MultiFamily =
    {
        { 2.0, 2.6, 2.8, 0.97 }, { 2.2, 1.3, 2.7, 0.88 }, { 1.7, 1.28, 3.0, 0.81 }, { 1.2, 1.08, 3.0, 1.33 },
        { 1.2, 0.51, 3.0, 1.08 }, { 1.0, 0.51, 3.0, 0.77 }, { 0.8, 0.43, 3.0, 0.65 }, { 0.6, 0.36, 3.0, 0.51 },
        { 0.4, 0.32, 1.9, 0.40 }, { 0.25, 0.2, 1.4, 0.32 }, { 0.28, 0.2, 1.3, 0.35 }, { 0.29, 0.25, 1.1, 0.29 },
    };

    private static readonly double[] ResidentialG = [0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.67, 0.67, 0.67, 0.5];

    /// <summary>The archetype of a building.</summary>
    /// <param name="use">Use type.</param>
    /// <param name="constructionYear">Year of construction (or of the last major renovation).</param>
    /// <returns>The envelope.</returns>
    public static EnvelopeArchetype For(BuildingUse use, int constructionYear)
    {
        double n50 = constructionYear <= 2000 ? 3.0 : constructionYear <= 2015 ? 2.0 : 1.0;
        if (use is BuildingUse.SingleResidential or BuildingUse.MultiResidential or BuildingUse.Hotel)
        {
            int c = 0;
            while (constructionYear > ClassEndYear[c])
            {
                c++;
            }

            bool single = use == BuildingUse.SingleResidential;
            double[,] t = single ? SingleFamily : MultiFamily;
            return new EnvelopeArchetype(
                $"TABULA DE {(single ? "SFH" : "MFH")} {ClassName[c]}", t[c, 0], t[c, 1], t[c, 2], ResidentialG[c], t[c, 3],
                ResidentialWwr, n50, HeatCapacity, MassArea);
        }

        // BMVBS non-residential classes: A ≤1976, B 1977–83, C 1984–94, D 1995–. The ground floor takes the roof value
        // (the source gives no separate floor U).
        return constructionYear switch
        {
            <= 1976 => new EnvelopeArchetype("BMVBS NR A", 1.5, 1.0, 2.9, 0.75, 1.0, NonResidentialWwr, n50, HeatCapacity, MassArea),
            <= 1983 => new EnvelopeArchetype("BMVBS NR B", 1.2, 0.45, 2.9, 0.75, 0.45, NonResidentialWwr, n50, HeatCapacity, MassArea),
            <= 1994 => new EnvelopeArchetype("BMVBS NR C", 0.85, 0.3, 1.9, 0.67, 0.3, NonResidentialWwr, n50, HeatCapacity, MassArea),
            _ => new EnvelopeArchetype("BMVBS NR D", 0.35, 0.3, 1.3, 0.60, 0.3, NonResidentialWwr, n50, HeatCapacity, MassArea),
        };
    }
}
