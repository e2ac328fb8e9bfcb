using CityTwin.Scenarios.Loading;
using CityTwin.Scenarios.Sweeping;

namespace CityTwin.Scenarios.Tests.Loading;

/// <summary>Every scenario and sweep file shipped in <c>scenarios/</c> (the documented examples, reference.yaml with
/// every option) loads without errors, so the docs stay true.</summary>
public class ShippedScenariosTests
{
    private static IEnumerable<string> Files()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null ? [] : Directory.EnumerateFiles(Path.Combine(dir.FullName, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order();
    }

    [Test]
    public void EveryShippedFile_Loads()
    {
        var files = Files().ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(6));
        foreach (var file in files)
        {
            var isSweep = File.ReadLines(file).Any(l => l.StartsWith("scenario:", StringComparison.Ordinal));
            Assert.DoesNotThrow(() => _ = isSweep ? SweepDefinition.Load(file) : (object)ScenarioLoader.Load(file), file);
        }
    }
}
