namespace CityTwin.Scenarios.Tests.TestSupport;

/// <summary>Base for tests that need a temporary folder holding the corridor city as <c>corridor.ctw</c>.</summary>
public abstract class TinyCityFixture
{
    /// <summary>The temporary folder of the current test.</summary>
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateFolder()
    {
        Dir = TinyCity.TempDirectory();
        TinyCity.CorridorFile(Dir);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Dir, recursive: true);

    /// <summary>The repository root (the folder with CityTwin.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = TestContext.CurrentContext.TestDirectory;
            while (!File.Exists(Path.Combine(root, "CityTwin.sln")))
            {
                root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("CityTwin.sln not found above the test folder.");
            }

            return root;
        }
    }
}
