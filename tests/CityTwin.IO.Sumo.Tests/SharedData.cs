namespace CityTwin.IO.Sumo.Tests;

/// <summary>Finds /work/shared/data (../shared/data next to the repository) from the test directory.</summary>
internal static class SharedData
{
    public static string SumoFile(string relative)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityTwin.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            Assert.Ignore("CityTwin.sln not found above the test directory; cannot locate ../shared/data.");
        }

        var path = Path.Combine(dir!.Parent!.FullName, "shared", "data", "sumo", relative);
        if (!File.Exists(path))
        {
            Assert.Ignore($"Shared SUMO data missing: {path} (see shared/data/SOURCES.md).");
        }

        return path;
    }
}
