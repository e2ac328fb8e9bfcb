using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CityTwin.Scenarios.Loading;

/// <summary>
/// A YAML file read into nodes, with <c>base:</c> inheritance resolved and the file each node came from remembered,
/// so that every error names the right file, line and column and relative paths resolve against their own file.
/// </summary>
/// <remarks>
/// Inheritance: the child's mapping is merged into its base's key by key, recursively for nested mappings; scalars and
/// lists in the child replace the base's, except <c>edits</c>, which is appended to the base's list (a variant usually
/// adds one edit to its baseline). A base may itself have a base; cycles are refused.
/// </remarks>
public sealed class YamlSource
{
    private readonly Dictionary<YamlNode, string> _fileOf = new(ReferenceEqualityComparer.Instance);

    private YamlSource(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>Full path of the file that was loaded.</summary>
    public string Path { get; }

    /// <summary>The merged root mapping.</summary>
    public YamlMappingNode Root { get; private set; } = new();

    /// <summary>Loads a file and its bases.</summary>
    /// <param name="path">The YAML file.</param>
    /// <param name="appendKeys">Keys whose lists are appended to the base's rather than replacing them.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ScenarioValidationException">The file or a base is missing, unparsable, not a mapping, or the bases form a cycle.</exception>
    public static YamlSource Load(string path, params string[] appendKeys)
    {
        ArgumentNullException.ThrowIfNull(path);
        var source = new YamlSource(path);
        source.Root = source.LoadMerged(source.Path, [], appendKeys);
        return source;
    }

    /// <summary>Loads YAML text (for tests and code), with bases resolved against <paramref name="directory"/>.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="name">A name for messages.</param>
    /// <param name="directory">Folder relative paths resolve against.</param>
    /// <returns>The source.</returns>
    public static YamlSource Parse(string yaml, string name, string directory)
    {
        var source = new YamlSource(System.IO.Path.Combine(directory, name));
        var root = source.ParseText(yaml, source.Path);
        source.Root = source.ResolveBase(root, source.Path, [source.Path], []);
        return source;
    }

    /// <summary>The file a node came from.</summary>
    /// <param name="node">A node of <see cref="Root"/>.</param>
    /// <returns>Full path.</returns>
    public string FileOf(YamlNode node) => _fileOf.TryGetValue(node, out var file) ? file : Path;

    /// <summary>An error located at a node.</summary>
    /// <param name="node">The node.</param>
    /// <param name="message">The message.</param>
    /// <returns>The error.</returns>
    public ScenarioError ErrorAt(YamlNode node, string message) =>
        new(Display(FileOf(node)), (int)node.Start.Line, (int)node.Start.Column, message);

    /// <summary>Resolves a path written in the file a node came from.</summary>
    /// <param name="node">The scalar holding the path.</param>
    /// <param name="value">The path as written.</param>
    /// <returns>Full path.</returns>
    public string ResolvePath(YamlNode node, string value) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(FileOf(node)) ?? ".", value));

    private static string Display(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }

    private YamlMappingNode LoadMerged(string path, List<string> chain, string[] appendKeys)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException([new ScenarioError(Display(path), 0, 0, "file not found")]);
        }

        chain.Add(path);
        return ResolveBase(ParseText(File.ReadAllText(path), path), path, chain, appendKeys);
    }

    private YamlMappingNode ParseText(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new ScenarioValidationException([new ScenarioError(Display(path), (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {message}")]);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet reports some unterminated structures (e.g. a flow list never closed) this way, without a position.
            throw new ScenarioValidationException([new ScenarioError(Display(path), 0, 0, $"not valid YAML (an unclosed [ or {{ ?): {e.Message}")]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioValidationException([new ScenarioError(Display(path), 1, 1, "expected one YAML document whose top level is a mapping of keys (name:, city:, …)")]);
        }

        foreach (var node in root.AllNodes)
        {
            _fileOf[node] = path;
        }

        return root;
    }

    private YamlMappingNode ResolveBase(YamlMappingNode root, string path, List<string> chain, string[] appendKeys)
    {
        var baseNode = root.Children.FirstOrDefault(k => k.Key is YamlScalarNode { Value: "base" });
        if (baseNode.Key is null)
        {
            return root;
        }

        if (baseNode.Value is not YamlScalarNode { Value: { Length: > 0 } baseName })
        {
            throw new ScenarioValidationException([ErrorAt(baseNode.Value, "base: expects the path of another scenario file")]);
        }

        var basePath = ResolvePath(baseNode.Value, baseName);
        if (chain.Contains(basePath, StringComparer.Ordinal))
        {
            throw new ScenarioValidationException([ErrorAt(baseNode.Value, $"base: '{baseName}' makes a cycle ({string.Join(" -> ", chain.Select(System.IO.Path.GetFileName))} -> {System.IO.Path.GetFileName(basePath)})")]);
        }

        if (!File.Exists(basePath))
        {
            throw new ScenarioValidationException([ErrorAt(baseNode.Value, $"base: file '{basePath}' not found")]);
        }

        var merged = LoadMerged(basePath, chain, appendKeys);
        return Merge(merged, root, appendKeys, path);
    }

    private YamlMappingNode Merge(YamlMappingNode baseMap, YamlMappingNode child, string[] appendKeys, string childPath)
    {
        var result = new YamlMappingNode();
        _fileOf[result] = childPath;
        foreach (var (key, value) in baseMap.Children)
        {
            if (key is YamlScalarNode { Value: "base" })
            {
                continue;
            }

            var own = Find(child, ((YamlScalarNode)key).Value!);
            if (own is null)
            {
                result.Add(key, value);
            }
            else if (value is YamlMappingNode bm && own.Value.Value is YamlMappingNode cm)
            {
                result.Add(own.Value.Key, Merge(bm, cm, [], childPath));
            }
            else if (value is YamlSequenceNode bs && own.Value.Value is YamlSequenceNode cs && appendKeys.Contains(((YamlScalarNode)key).Value))
            {
                var list = new YamlSequenceNode(bs.Children.Concat(cs.Children));
                _fileOf[list] = childPath;
                result.Add(own.Value.Key, list);
            }
            else
            {
                result.Add(own.Value.Key, own.Value.Value);
            }
        }

        foreach (var (key, value) in child.Children)
        {
            if (key is YamlScalarNode { Value: var name } && name != "base" && Find(baseMap, name!) is null)
            {
                result.Add(key, value);
            }
        }

        return result;
    }

    private static KeyValuePair<YamlNode, YamlNode>? Find(YamlMappingNode map, string key)
    {
        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode s && s.Value == key)
            {
                return pair;
            }
        }

        return null;
    }
}
