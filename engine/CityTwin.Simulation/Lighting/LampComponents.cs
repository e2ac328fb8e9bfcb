namespace CityTwin.Simulation.Lighting;

/// <summary>A street lamp entity's link to the city model and to the lighting ledger.</summary>
/// <param name="ModelIndex">Index in the city model's lamps.</param>
/// <param name="LedgerIndex">Index in the lighting ledger (lamps numbered road by road, for the neighbour spread).</param>
/// <param name="Edge">Nearest road edge, or −1.</param>
/// <param name="OsmId">OSM node id (0 for generated lamps).</param>
/// <param name="Generated">Whether the lamp was generated along a lit road.</param>
public readonly record struct LampRef(int ModelIndex, int LedgerIndex, int Edge, long OsmId, bool Generated);

/// <summary>A lamp's luminaire (technology, system power, dimming).</summary>
/// <param name="Luminaire">The luminaire.</param>
public readonly record struct LampFixture(Luminaire Luminaire);

/// <summary>A lamp's energy and time since the start of the run (as of the last sync with the ledger).</summary>
public struct LampEnergy
{
    /// <summary>Energy, kWh.</summary>
    public double EnergyKWh;

    /// <summary>Hours switched on.</summary>
    public double BurningH;

    /// <summary>Hours on below full output.</summary>
    public double DimmedH;

    /// <summary>Hours boosted by presence.</summary>
    public double BoostedH;
}
