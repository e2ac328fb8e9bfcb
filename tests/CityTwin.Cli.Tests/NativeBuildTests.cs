using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CityTwin.Cli.Tests;

/// <summary>
/// The native (ahead-of-time compiled) build of <c>citytwin</c>, published by <c>tools/publish-native.sh</c>, must
/// produce the same files as the JIT build for every command a user runs: scenario runs with all outputs, replications,
/// comparisons and sweeps, quick traffic, OSM (.osm.pbf and .osm) and SUMO network import with GeoJSON. Things that break only natively
/// (reflection, metadata, generic code made at run time) show up here as a failed command or a differing file.
/// </summary>
/// <remarks>Needs clang or gcc; <c>.ci/install-deps</c> installs clang, and <c>.ci/run</c> sets
/// <c>CITYTWIN_REQUIRE_NATIVE=1</c> so CI fails rather than skips without one.</remarks>
[TestFixture]
[NonParallelizable]
public class NativeBuildTests
{
    /// <summary>KPIs and columns that measure the machine (wall time), not the simulation.</summary>
    private static readonly HashSet<string> Timing = ["wallSeconds", "realTimeFactor", "vehicleUpdatesPerSecond"];

    private string _work = "";
    private string _native = "";

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root (CityTwin.sln) not found");
        }
    }

    private static string Jit => Path.Combine(TestContext.CurrentContext.TestDirectory, "citytwin.dll");

    [OneTimeSetUp]
    public void PublishNative()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("tools/publish-native.sh is a bash script for Linux.");
        }

        // The toolchains tools/publish-native.sh looks for: clang, gcc, or a versioned clang-N.
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(Directory.Exists).ToList();
        if (!paths.Any(d => File.Exists(Path.Combine(d, "clang")) || File.Exists(Path.Combine(d, "gcc"))
                            || Directory.EnumerateFiles(d, "clang-*").Any(f => int.TryParse(Path.GetFileName(f)[6..], out _))))
        {
            var reason = "no C toolchain (clang or gcc) for the native link; .ci/install-deps installs clang";
            if (Environment.GetEnvironmentVariable("CITYTWIN_REQUIRE_NATIVE") == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        _work = Directory.CreateTempSubdirectory("citytwin-native-").FullName;
        var bin = Path.Combine(_work, "bin");
        var (code, output) = Run("bash", [Path.Combine(Root, "tools", "publish-native.sh"), bin], Root,
            ("CITYTWIN_NATIVE_ARTIFACTS", Path.Combine(_work, "artifacts")), TimeSpan.FromMinutes(30));
        Assert.That(code, Is.EqualTo(0), "native publish failed:\n" + output);
        _native = Path.Combine(bin, "citytwin");
        Assert.That(File.Exists(_native), Is.True, _native);
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        if (_work.Length > 0)
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public void Run_Replications_Compare_Sweep_WriteTheSameFilesAsTheJitBuild()
    {
        // The LED variant of the Monaco baseline, shortened: every output (tables in CSV and Parquet, GeoJSON layers,
        // buildings and feeders, lamps, kpis.json, report) and two replications.
        var scenarios = Path.Combine(_work, "scenarios");
        Directory.CreateDirectory(scenarios);
        var monaco = Path.Combine(Root, "scenarios", "monaco");
        File.WriteAllText(Path.Combine(scenarios, "base.yaml"),
            $"base: {Path.Combine(monaco, "baseline.yaml")}\nname: short-base\ntime: {{ durationS: 900 }}\nreplications: 2\n" +
            "demand: { randomTrips: { count: 900, departWindowS: 800 } }\n");
        File.WriteAllText(Path.Combine(scenarios, "led.yaml"),
            $"base: {Path.Combine(monaco, "led-adaptive-lighting.yaml")}\nname: short-led\ntime: {{ durationS: 900 }}\nreplications: 2\n" +
            "demand: { randomTrips: { count: 900, departWindowS: 800 } }\nvehicles: { evShare: 0.3 }\n");
        File.WriteAllText(Path.Combine(scenarios, "sweep.yaml"),
            "name: short-sweep\nscenario: base.yaml\nreplications: 1\nparameters:\n  vehicles.evShare: [0, 0.5]\n");

        foreach (var (name, exe) in new[] { ("jit", "jit"), ("native", "native") })
        {
            var outDir = Path.Combine(_work, name);
            Command(exe, "run", Path.Combine(scenarios, "base.yaml"), "--out", Path.Combine(outDir, "base"));
            Command(exe, "run", Path.Combine(scenarios, "led.yaml"), "--out", Path.Combine(outDir, "led"));
            Command(exe, "compare", Path.Combine(outDir, "base"), Path.Combine(outDir, "led"), "--out", Path.Combine(outDir, "compare"));
            Command(exe, "sweep", Path.Combine(scenarios, "sweep.yaml"), "--parallel", "1", "--out", Path.Combine(outDir, "sweep"));
        }

        Assert.That(Directory.EnumerateFiles(Path.Combine(_work, "jit", "led")).Select(Path.GetFileName),
            Is.SupersetOf(new[] { "tripinfo.parquet", "feeders.csv", "ev_charging.csv", "lamps.geojson", "buildings.geojson", "replications.csv" }));
        AssertSameFiles(Path.Combine(_work, "jit"), Path.Combine(_work, "native"));
    }

    [Test]
    public void Traffic_And_OsmImport_WriteTheSameFilesAsTheJitBuild()
    {
        var pbf = Path.Combine(Root, "scenarios", "sample-city", "monaco-2016.osm.pbf");
        foreach (var exe in new[] { "jit", "native" })
        {
            var outDir = Path.Combine(_work, "cmd-" + exe);
            Command(exe, "traffic", pbf, "--trips", "600", "--seconds", "600", "--ev-share", "0.2", "--lighting", "led-adaptive",
                "--out", Path.Combine(outDir, "traffic"));
            Command(exe, "import", pbf, "-o", Path.Combine(outDir, "import", "monaco.ctw"), "--geojson", Path.Combine(outDir, "import"));
            var info = Command(exe, "info", Path.Combine(outDir, "import", "monaco.ctw"));
            File.WriteAllText(Path.Combine(outDir, "import", "info.txt"), info);
            // OSM XML (OsmSharp's XML reader) and, when the shared data is beside the repository, a SUMO network.
            Command(exe, "import", Path.Combine(Root, "tests", "CityTwin.IO.Osm.Tests", "TestData", "turn-lanes.osm"),
                "-o", Path.Combine(outDir, "import", "turn-lanes.ctw"));
            var sumoNet = Path.Combine(Root, "..", "shared", "data", "sumo", "monaco-generated", "monaco.net.xml.gz");
            if (File.Exists(sumoNet))
            {
                Command(exe, "import", sumoNet, "-o", Path.Combine(outDir, "import", "monaco-sumo.ctw"));
            }
        }

        Assert.That(Directory.EnumerateFiles(Path.Combine(_work, "cmd-jit", "import")).Select(Path.GetFileName),
            Is.SupersetOf(new[] { "monaco.ctw", "roads.geojson", "buildings.geojson", "lamps.geojson", "info.txt" }));
        AssertSameFiles(Path.Combine(_work, "cmd-jit"), Path.Combine(_work, "cmd-native"));
    }

    [Test]
    public void BadInput_FailsWithTheSameMessage()
    {
        var bad = Path.Combine(_work, "bad.yaml");
        File.WriteAllText(bad, "name: bad\ntime: { durationS: -5 }\n");
        var jit = Run("dotnet", [Jit, "run", bad], Root);
        var native = Run(_native, ["run", bad], Root);
        Assert.That(jit.Code, Is.Not.EqualTo(0));
        Assert.That(native.Code, Is.EqualTo(jit.Code));
        Assert.That(native.Output, Is.EqualTo(jit.Output));
        Assert.That(native.Output, Does.Contain("durationS"));
    }

    private string Command(string build, params string[] args)
    {
        var (code, output) = build == "jit" ? Run("dotnet", [Jit, .. args], Root) : Run(_native, args, Root);
        Assert.That(code, Is.EqualTo(0), $"{build}: citytwin {string.Join(' ', args)}\n{output}");
        return output;
    }

    /// <summary>Every file of <paramref name="expected"/>'s tree exists in <paramref name="actual"/>'s with the same
    /// content; wall-time KPIs and columns are left out, and reports (which print the wall time) only must exist.</summary>
    private static void AssertSameFiles(string expected, string actual)
    {
        var files = Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(expected, file);
                var other = Path.Combine(actual, relative);
                if (!File.Exists(other))
                {
                    Assert.Fail($"{relative}: missing from the native build's outputs");
                    continue;
                }

                var name = Path.GetFileName(file);
                if (name == "report.html" || (name == "sweep_results.parquet") || name == "info.txt")
                {
                    // Reports and the sweep's Parquet hold wall times; info prints the cache's load time.
                    Assert.That(new FileInfo(other).Length, Is.GreaterThan(0), relative);
                }
                else if (name.EndsWith(".json", StringComparison.Ordinal) && !name.EndsWith(".geojson", StringComparison.Ordinal))
                {
                    Assert.That(WithoutTiming(JsonNode.Parse(File.ReadAllText(other))!), Is.EqualTo(WithoutTiming(JsonNode.Parse(File.ReadAllText(file))!)), relative);
                }
                else if (name.EndsWith(".csv", StringComparison.Ordinal))
                {
                    Assert.That(CsvWithoutTiming(other), Is.EqualTo(CsvWithoutTiming(file)), relative);
                }
                else
                {
                    Assert.That(File.ReadAllBytes(other).AsSpan().SequenceEqual(File.ReadAllBytes(file)), Is.True, $"{relative}: bytes differ");
                }
            }
        });
    }

    private static string WithoutTiming(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var key in Timing)
            {
                o.Remove(key);
            }
        }

        return node.ToJsonString();
    }

    /// <summary>The CSV's lines without timing columns (by header) or timing rows (by first cell).</summary>
    private static List<string> CsvWithoutTiming(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            return [];
        }

        var header = lines[0].Split(',');
        var keep = Enumerable.Range(0, header.Length).Where(i => !Timing.Contains(header[i])).ToArray();
        return lines.Where(l => !Timing.Contains(l.Split(',')[0]))
            .Select(l => l.Split(','))
            .Select(cells => cells.Length == header.Length ? string.Join(',', keep.Select(i => cells[i])) : string.Join(',', cells))
            .ToList();
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, string directory,
        (string Name, string Value)? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // No colour or progress animation: both builds write plain text.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";
        if (environment is { } env)
        {
            start.Environment[env.Name] = env.Value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(' ', args)}: no exit within {timeout ?? TimeSpan.FromMinutes(5)}");
        }

        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }
}
