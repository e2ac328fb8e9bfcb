namespace CityTwin.IO.Osm.Tests.TestSupport;

/// <summary>Locates test data: files shipped under TestData/, and the shared extracts in ../shared/data.</summary>
internal static class TestPaths
{
    /// <summary>The repository root (the folder holding CityTwin.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("CityTwin.sln not found above the test directory.");
        }
    }

    /// <summary>A file shipped with the tests.</summary>
    /// <param name="name">File name under TestData/.</param>
    /// <returns>Full path.</returns>
    public static string TestData(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", name);

    /// <summary>A shared OSM extract, or Assert.Ignore when it is not there.</summary>
    /// <param name="name">File name under ../shared/data/osm.</param>
    /// <returns>Full path.</returns>
    public static string SharedOsm(string name)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "osm", name));
        if (!File.Exists(path))
        {
            Assert.Ignore($"Shared OSM extract not found at {path}; integration test skipped (see /work/shared/data/SOURCES.md).");
        }

        return path;
    }
}
