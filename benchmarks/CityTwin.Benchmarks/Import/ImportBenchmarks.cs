using BenchmarkDotNet.Attributes;
using CityTwin.IO.Osm;
using CityTwin.Model;
using CityTwin.Model.Cache;

namespace CityTwin.Benchmarks.Import;

/// <summary>
/// OSM import of the sample city (Monaco, 1.76 MB PBF) and of Bad Hersfeld (2.2 MB gzip'd OSM XML), against loading the
/// same models from their binary caches. Targets (issue 3): Monaco import under 2 s, cache load under 0.2 s and at
/// least 10× faster than the import.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private string _monaco = string.Empty;
    private string _badHersfeld = string.Empty;
    private string _monacoCache = string.Empty;
    private string _badHersfeldCache = string.Empty;

    /// <summary>Finds the data and writes both caches to a temporary folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "CityTwin.sln")))
        {
            root = root.Parent;
        }

        if (root == null)
        {
            throw new InvalidOperationException("CityTwin.sln not found above " + AppContext.BaseDirectory);
        }

        _monaco = Path.Combine(root.FullName, "scenarios", "sample-city", "monaco-2016.osm.pbf");
        _badHersfeld = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "data", "osm", "bad-hersfeld-2021.osm.gz"));
        var temp = Path.Combine(Path.GetTempPath(), "citytwin-import-bench");
        Directory.CreateDirectory(temp);
        _monacoCache = Path.Combine(temp, "monaco.ctw");
        _badHersfeldCache = Path.Combine(temp, "bad-hersfeld.ctw");
        CityModelCache.Save(OsmCityImporter.Import(_monaco), _monacoCache);
        CityModelCache.Save(OsmCityImporter.Import(_badHersfeld), _badHersfeldCache);
    }

    /// <summary>Monaco: OSM PBF to city model.</summary>
    /// <returns>The model.</returns>
    [Benchmark(Baseline = true)]
    public CityModel ImportMonaco() => OsmCityImporter.Import(_monaco);

    /// <summary>Monaco: city model from its cache.</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public CityModel LoadMonacoCache() => CityModelCache.Load(_monacoCache);

    /// <summary>Bad Hersfeld: gzip'd OSM XML to city model.</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public CityModel ImportBadHersfeld() => OsmCityImporter.Import(_badHersfeld);

    /// <summary>Bad Hersfeld: city model from its cache.</summary>
    /// <returns>The model.</returns>
    [Benchmark]
    public CityModel LoadBadHersfeldCache() => CityModelCache.Load(_badHersfeldCache);
}
