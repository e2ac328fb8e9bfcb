using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CityTwin.Scenarios.Loading;

/// <summary>
/// Typed, checked reads from one YAML mapping. Every problem (unknown key, wrong type, out-of-range value) is added to a
/// shared error list with file, line and column and what was expected, and a default is returned so that reading goes
/// on and all problems are found in one pass.
/// </summary>
public sealed class YamlSection
{
    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> _entries = new(StringComparer.Ordinal);

    /// <summary>Wraps a mapping and reports keys outside <paramref name="allowedKeys"/>.</summary>
    /// <param name="source">The file set.</param>
    /// <param name="node">The mapping.</param>
    /// <param name="path">Dotted path for messages (empty at top level).</param>
    /// <param name="errors">Where problems are collected.</param>
    /// <param name="allowedKeys">Keys this section knows.</param>
    public YamlSection(YamlSource source, YamlMappingNode node, string path, List<ScenarioError> errors, params string[] allowedKeys)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(allowedKeys);
        Source = source;
        Node = node;
        PathPrefix = path;
        Errors = errors;
        foreach (var pair in node.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } key })
            {
                Errors.Add(source.ErrorAt(pair.Key, $"{Where("")}keys must be plain names"));
                continue;
            }

            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = Suggest(key, allowedKeys);
                Errors.Add(source.ErrorAt(pair.Key,
                    $"unknown key '{Qualified(key)}'{hint}; allowed here: {string.Join(", ", allowedKeys)}"));
                continue;
            }

            _entries[key] = pair;
        }
    }

    /// <summary>The file set.</summary>
    public YamlSource Source { get; }

    /// <summary>The mapping.</summary>
    public YamlMappingNode Node { get; }

    /// <summary>Dotted path of this section.</summary>
    public string PathPrefix { get; }

    /// <summary>Shared error list.</summary>
    public List<ScenarioError> Errors { get; }

    /// <summary>Whether a key is present.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when present.</returns>
    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The value node of a key, or null.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The node.</returns>
    public YamlNode? Raw(string key) => _entries.TryGetValue(key, out var pair) ? pair.Value : null;

    /// <summary>The key node (for locating errors about the key as a whole).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The node, or the section's own node.</returns>
    public YamlNode KeyNode(string key) => _entries.TryGetValue(key, out var pair) ? pair.Key : Node;

    /// <summary>Records an error at a node.</summary>
    /// <param name="node">Where.</param>
    /// <param name="message">What.</param>
    public void Error(YamlNode node, string message) => Errors.Add(Source.ErrorAt(node, message));

    /// <summary>A string value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <returns>The value.</returns>
    public string? String(string key, string? fallback = null)
    {
        var node = Raw(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, $"{Qualified(key)}: expected a text value");
        return fallback;
    }

    /// <summary>One of a fixed set of words (case-insensitive; returned in the listed spelling).</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <param name="allowed">Allowed values.</param>
    /// <returns>The value.</returns>
    public string Choice(string key, string fallback, params string[] allowed)
    {
        var value = String(key);
        if (value is null)
        {
            return fallback;
        }

        var match = allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Error(Raw(key)!, $"{Qualified(key)}: '{value}' is not allowed; expected one of {string.Join(", ", allowed)}");
            return fallback;
        }

        return match;
    }

    /// <summary>A number within a range.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The value.</returns>
    public double Double(string key, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Raw(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is not YamlScalarNode { Value: { } text } ||
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Error(node, $"{Qualified(key)}: expected a number{Range(min, max)}, got {Show(node)}");
            return fallback;
        }

        if (value < min || value > max)
        {
            Error(node, $"{Qualified(key)}: {text} is out of range; expected a number{Range(min, max)}");
            return fallback;
        }

        return value;
    }

    /// <summary>An integer within a range.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The value.</returns>
    public long Long(string key, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        var node = Raw(key);
        return node is null ? fallback : ParseLong(node, Qualified(key), fallback, min, max);
    }

    /// <summary>An integer within a range.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The value.</returns>
    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue) => (int)Long(key, fallback, min, max);

    /// <summary>A true/false value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="fallback">Value when absent.</param>
    /// <returns>The value.</returns>
    public bool Bool(string key, bool fallback)
    {
        var node = Raw(key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, $"{Qualified(key)}: expected true or false, got {Show(node)}");
        return fallback;
    }

    /// <summary>A nested mapping, or null when absent (an error when present but not a mapping).</summary>
    /// <param name="key">The key.</param>
    /// <param name="allowedKeys">Keys the nested mapping knows.</param>
    /// <returns>The section.</returns>
    public YamlSection? Section(string key, params string[] allowedKeys)
    {
        var node = Raw(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return new YamlSection(Source, map, Qualified(key), Errors, allowedKeys);
        }

        Error(node, $"{Qualified(key)}: expected a mapping with keys {string.Join(", ", allowedKeys)}");
        return null;
    }

    /// <summary>The items of a list (a single value counts as a list of one).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The item nodes.</returns>
    public IReadOnlyList<YamlNode> Items(string key)
    {
        var node = Raw(key);
        return node switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.ToList(),
            _ => [node],
        };
    }

    /// <summary>A list of integers (or one).</summary>
    /// <param name="key">The key.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The values.</returns>
    public List<long> Longs(string key, long min = long.MinValue, long max = long.MaxValue) =>
        Items(key).Select(n => ParseLong(n, Qualified(key), long.MinValue, min, max)).Where(v => v != long.MinValue).ToList();

    /// <summary>A list of numbers (or one).</summary>
    /// <param name="key">The key.</param>
    /// <param name="min">Smallest allowed.</param>
    /// <param name="max">Largest allowed.</param>
    /// <returns>The values.</returns>
    public List<double> Doubles(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        var result = new List<double>();
        foreach (var n in Items(key))
        {
            if (n is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) &&
                v >= min && v <= max)
            {
                result.Add(v);
            }
            else
            {
                Error(n, $"{Qualified(key)}: expected numbers{Range(min, max)}, got {Show(n)}");
            }
        }

        return result;
    }

    /// <summary>A list of texts (or one).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The values.</returns>
    public List<string> Strings(string key)
    {
        var result = new List<string>();
        foreach (var n in Items(key))
        {
            if (n is YamlScalarNode { Value: { } text })
            {
                result.Add(text);
            }
            else
            {
                Error(n, $"{Qualified(key)}: expected text values");
            }
        }

        return result;
    }

    /// <summary>A path to an existing file, resolved against the file it is written in.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The full path, or null when absent or missing (then an error is recorded).</returns>
    public string? ExistingFile(string key)
    {
        var value = String(key);
        if (value is null)
        {
            return null;
        }

        var full = Source.ResolvePath(Raw(key)!, value);
        if (!File.Exists(full))
        {
            Error(Raw(key)!, $"{Qualified(key)}: file '{full}' not found");
            return null;
        }

        return full;
    }

    /// <summary>The dotted name of a key in this section.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The qualified name.</returns>
    public string Qualified(string key) => PathPrefix.Length == 0 ? key : $"{PathPrefix}.{key}";

    private long ParseLong(YamlNode node, string name, long fallback, long min, long max)
    {
        if (node is not YamlScalarNode { Value: { } text } ||
            !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, $"{name}: expected a whole number{Range(min, max)}, got {Show(node)}");
            return fallback;
        }

        if (value < min || value > max)
        {
            Error(node, $"{name}: {text} is out of range; expected a whole number{Range(min, max)}");
            return fallback;
        }

        return value;
    }

    private string Where(string key) => PathPrefix.Length == 0 && key.Length == 0 ? "" : $"{Qualified(key)}: ";

    private static string Range(double min, double max) => (min, max) switch
    {
        (double.MinValue or long.MinValue, double.MaxValue or long.MaxValue) => "",
        (double.MinValue or long.MinValue, _) => string.Create(CultureInfo.InvariantCulture, $" ≤ {max}"),
        (_, double.MaxValue or long.MaxValue) => string.Create(CultureInfo.InvariantCulture, $" ≥ {min}"),
        _ => string.Create(CultureInfo.InvariantCulture, $" in {min}…{max}"),
    };

    private static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };

    /// <summary>"did you mean" for a misspelt key: the allowed key with the smallest edit distance, if close.</summary>
    private static string Suggest(string key, string[] allowed)
    {
        var best = allowed.Select(a => (Key: a, Distance: Distance(key.ToLowerInvariant(), a.ToLowerInvariant())))
            .OrderBy(x => x.Distance).FirstOrDefault();
        return best.Key is not null && best.Distance <= Math.Max(2, key.Length / 3) ? $" (did you mean '{best.Key}'?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
