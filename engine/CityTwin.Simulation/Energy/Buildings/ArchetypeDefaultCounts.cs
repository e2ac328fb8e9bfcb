namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>How many buildings of a run fell back to each documented default (for the run summary).</summary>
public sealed class ArchetypeDefaultCounts
{
    /// <summary>Buildings counted.</summary>
    public int Buildings { get; private set; }

    /// <summary>Buildings whose use was defaulted.</summary>
    public int Use { get; private set; }

    /// <summary>Buildings whose storeys were defaulted.</summary>
    public int Storeys { get; private set; }

    /// <summary>Buildings whose height was derived from storeys.</summary>
    public int Height { get; private set; }

    /// <summary>Buildings whose construction year was defaulted.</summary>
    public int ConstructionYear { get; private set; }

    /// <summary>Counts one building.</summary>
    /// <param name="defaults">Its defaulted inputs.</param>
    public void Add(ArchetypeDefaults defaults)
    {
        Buildings++;
        Use += defaults.HasFlag(ArchetypeDefaults.Use) ? 1 : 0;
        Storeys += defaults.HasFlag(ArchetypeDefaults.Storeys) ? 1 : 0;
        Height += defaults.HasFlag(ArchetypeDefaults.Height) ? 1 : 0;
        ConstructionYear += defaults.HasFlag(ArchetypeDefaults.ConstructionYear) ? 1 : 0;
    }

    /// <summary>Resolves many buildings and counts their defaults.</summary>
    /// <param name="tags">Tags per building.</param>
    /// <param name="descriptions">Receives one description per building.</param>
    /// <returns>The counts.</returns>
    public static ArchetypeDefaultCounts ResolveAll(ReadOnlySpan<BuildingTags> tags, Span<BuildingDescription> descriptions)
    {
        if (descriptions.Length < tags.Length)
        {
            throw new ArgumentException("One description per building is needed.", nameof(descriptions));
        }

        var counts = new ArchetypeDefaultCounts();
        for (int i = 0; i < tags.Length; i++)
        {
            descriptions[i] = ArchetypeResolver.Resolve(tags[i], out ArchetypeDefaults d);
            counts.Add(d);
        }

        return counts;
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"{Buildings} buildings; defaulted: use {Use}, storeys {Storeys}, height {Height}, construction year {ConstructionYear}";
}
