using CityTwin.Scenarios.Definition;
using CityTwin.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace CityTwin.Scenarios.Sweeping;

/// <summary>
/// Builds a variant's scenario: the base file is loaded afresh, each setting is written into its YAML tree at the dotted
/// key (creating mappings as needed; a number indexes a list, e.g. <c>edits.0.cycleS</c>), and the result is read by
/// <see cref="ScenarioLoader"/> — so a variant is validated exactly like a hand-written scenario file.
/// </summary>
public static class VariantBuilder
{
    /// <summary>Builds one variant.</summary>
    /// <param name="baseScenario">The base scenario file.</param>
    /// <param name="settings">Settings (dotted key, value).</param>
    /// <param name="name">Variant name.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioValidationException">A key cannot be set or a value is invalid.</exception>
    public static Scenario Build(string baseScenario, IReadOnlyList<(string Key, string Value)> settings, string name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var source = YamlSource.Load(baseScenario, "edits");
        foreach (var (key, value) in settings)
        {
            Set(source.Root, key.Split('.'), 0, value, key);
        }

        return ScenarioLoader.Read(source) with { Name = name };
    }

    private static void Set(YamlNode node, string[] path, int depth, string value, string key)
    {
        var segment = path[depth];
        var last = depth == path.Length - 1;
        switch (node)
        {
            case YamlMappingNode map:
                var existing = map.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == segment);
                if (last)
                {
                    if (existing.Key is not null)
                    {
                        map.Children.Remove(existing.Key);
                    }

                    map.Add(new YamlScalarNode(segment), new YamlScalarNode(value));
                    return;
                }

                var child = existing.Value;
                if (child is null)
                {
                    child = new YamlMappingNode();
                    map.Add(new YamlScalarNode(segment), child);
                }

                Set(child, path, depth + 1, value, key);
                return;
            case YamlSequenceNode seq when int.TryParse(segment, out var index) && index >= 0 && index < seq.Children.Count:
                if (last)
                {
                    seq.Children[index] = new YamlScalarNode(value);
                    return;
                }

                Set(seq.Children[index], path, depth + 1, value, key);
                return;
            default:
                throw new ScenarioValidationException(
                    $"sweep key '{key}': '{string.Join('.', path[..(depth + 1)])}' does not exist in the base scenario (a list index out of range, or a value where a mapping was expected)");
        }
    }
}
