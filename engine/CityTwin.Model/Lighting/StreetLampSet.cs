namespace CityTwin.Model.Lighting;

/// <summary>The immutable street-lamp inventory.</summary>
public sealed class StreetLampSet
{
    private readonly StreetLamp[] _lamps;
    private readonly LampTag[] _tags;
    private readonly string[] _strings;

    /// <summary>Creates the set from its arrays (ownership passes to the set) and checks every index.</summary>
    /// <param name="lamps">Lamps.</param>
    /// <param name="tags">Tags, grouped by lamp.</param>
    /// <param name="strings">Tag keys and values.</param>
    /// <exception cref="InvalidDataException">An index points outside its array.</exception>
    public StreetLampSet(StreetLamp[] lamps, LampTag[] tags, string[] strings)
    {
        _lamps = lamps;
        _tags = tags;
        _strings = strings;
        foreach (ref readonly var l in lamps.AsSpan())
        {
            if (l.FirstTag < 0 || l.TagCount < 0 || l.FirstTag + l.TagCount > tags.Length)
            {
                throw new InvalidDataException($"Street lamp {l.OsmId} has an invalid tag range.");
            }

            if (l.Generated)
            {
                GeneratedCount++;
            }
        }

        foreach (ref readonly var t in tags.AsSpan())
        {
            if ((uint)t.Key >= (uint)strings.Length || (uint)t.Value >= (uint)strings.Length)
            {
                throw new InvalidDataException("A street-lamp tag has an invalid string index.");
            }
        }
    }

    /// <summary>An empty set.</summary>
    public static StreetLampSet Empty { get; } = new([], [], []);

    /// <summary>Lamps.</summary>
    public ReadOnlySpan<StreetLamp> Lamps => _lamps;

    /// <summary>Tags of all lamps (see <see cref="StreetLamp.FirstTag"/>).</summary>
    public ReadOnlySpan<LampTag> Tags => _tags;

    /// <summary>Tag keys and values.</summary>
    public IReadOnlyList<string> Strings => _strings;

    /// <summary>Number of lamps.</summary>
    public int Count => _lamps.Length;

    /// <summary>Number of generated lamps.</summary>
    public int GeneratedCount { get; }

    /// <summary>Looks up one tag value of a lamp.</summary>
    /// <param name="lamp">Lamp index.</param>
    /// <param name="key">Tag key.</param>
    /// <returns>The value, or null when the lamp has no such tag.</returns>
    public string? GetTag(int lamp, string key)
    {
        ref readonly var l = ref _lamps[lamp];
        for (var i = l.FirstTag; i < l.FirstTag + l.TagCount; i++)
        {
            if (_strings[_tags[i].Key] == key)
            {
                return _strings[_tags[i].Value];
            }
        }

        return null;
    }

    internal StreetLamp[] LampArray => _lamps;

    internal LampTag[] TagArray => _tags;

    internal string[] StringArray => _strings;
}
