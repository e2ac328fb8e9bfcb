using System.Globalization;
using CityTwin.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace CityTwin.Scenarios.Sweeping;

/// <summary>
/// A sweep: a base scenario and a set of variants, each a list of (dotted scenario key, value) settings — either the
/// grid (every combination) of <c>parameters:</c>, or the explicit list <c>variants:</c>. Keys address the scenario
/// file's own keys (<c>demand.scale</c>, <c>vehicles.evShare</c>, <c>lighting.control</c>) and edits by position
/// (<c>edits.0.cycleS</c>), so every value is validated exactly as in a scenario file.
/// </summary>
public sealed record SweepDefinition
{
    /// <summary>Sweep name.</summary>
    public required string Name { get; init; }

    /// <summary>Full path of the base scenario file.</summary>
    public required string BaseScenario { get; init; }

    /// <summary>The variants, each an ordered list of settings (value as written in YAML).</summary>
    public required IReadOnlyList<IReadOnlyList<(string Key, string Value)>> Variants { get; init; }

    /// <summary>Parameter keys, in order (the columns of the results table).</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>Replications per variant (null: the base scenario's).</summary>
    public int? Replications { get; init; }

    /// <summary>Where each variant's settings were written (for errors).</summary>
    internal IReadOnlyList<ScenarioError> VariantLocations { get; init; } = [];

    /// <summary>Loads a sweep file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The sweep.</returns>
    /// <exception cref="ScenarioValidationException">The file is invalid.</exception>
    public static SweepDefinition Load(string path)
    {
        var source = YamlSource.Load(path);
        var errors = new List<ScenarioError>();
        var top = new YamlSection(source, source.Root, "", errors, "name", "scenario", "parameters", "variants", "replications");
        var scenario = top.ExistingFile("scenario");
        if (!top.Has("scenario"))
        {
            errors.Add(source.ErrorAt(source.Root, "scenario: is required (the base scenario file the variants change)"));
        }

        var variants = new List<IReadOnlyList<(string, string)>>();
        var locations = new List<ScenarioError>();
        var keys = new List<string>();
        if (top.Raw("parameters") is YamlMappingNode parameters)
        {
            var axes = new List<(string Key, List<string> Values)>();
            foreach (var (k, v) in parameters.Children)
            {
                var key = ((YamlScalarNode)k).Value!;
                var values = v is YamlSequenceNode seq ? seq.Children.Select(Scalar).ToList() : [Scalar(v)];
                if (values.Count == 0 || values.Any(x => x is null))
                {
                    errors.Add(source.ErrorAt(v, $"parameters.{key}: expected a list of plain values"));
                    continue;
                }

                axes.Add((key, values.OfType<string>().ToList()));
                keys.Add(key);
            }

            IEnumerable<List<(string, string)>> grid = [[]];
            foreach (var (key, values) in axes)
            {
                grid = grid.SelectMany(prefix => values.Select(value => new List<(string, string)>(prefix) { (key, value) }));
            }

            foreach (var combination in grid)
            {
                variants.Add(combination);
                locations.Add(source.ErrorAt(parameters, ""));
            }
        }
        else if (top.Raw("variants") is YamlSequenceNode list)
        {
            foreach (var item in list.Children)
            {
                if (item is not YamlMappingNode map)
                {
                    errors.Add(source.ErrorAt(item, "variants: each item is a mapping of scenario keys to values"));
                    continue;
                }

                var settings = new List<(string, string)>();
                foreach (var (k, v) in map.Children)
                {
                    var key = ((YamlScalarNode)k).Value!;
                    if (Scalar(v) is not { } value)
                    {
                        errors.Add(source.ErrorAt(v, $"variants: {key}: expected a plain value"));
                        continue;
                    }

                    settings.Add((key, value));
                    if (!keys.Contains(key))
                    {
                        keys.Add(key);
                    }
                }

                variants.Add(settings);
                locations.Add(source.ErrorAt(item, ""));
            }
        }
        else
        {
            errors.Add(source.ErrorAt(source.Root, "give parameters: (a grid of key: [values]) or variants: (a list of key: value mappings)"));
        }

        var replications = top.Has("replications") ? top.Int("replications", 1, 1, 1000) : (int?)null;
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        return new SweepDefinition
        {
            Name = top.String("name") ?? Path.GetFileNameWithoutExtension(path), BaseScenario = scenario!, Variants = variants, Keys = keys,
            Replications = replications, VariantLocations = locations,
        };
    }

    /// <summary>A short, file-name-safe id of a variant (index and settings).</summary>
    /// <param name="index">0-based variant index.</param>
    /// <returns>The id.</returns>
    public string VariantId(int index)
    {
        var parts = Variants[index].Select(s => $"{s.Key}={s.Value}");
        var id = string.Create(CultureInfo.InvariantCulture, $"v{index + 1:000}_") + string.Join("_", parts);
        var safe = new string(id.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '=' ? c : '-').ToArray());
        return safe.Length > 120 ? safe[..120] : safe;
    }

    private static string? Scalar(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : null;
}
