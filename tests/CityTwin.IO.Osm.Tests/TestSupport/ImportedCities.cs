using CityTwin.Model;

namespace CityTwin.IO.Osm.Tests.TestSupport;

/// <summary>Imports each shared extract once per test run (imports take about a second each).</summary>
internal static class ImportedCities
{
    private static readonly Lazy<CityModel> MonacoModel = new(() => OsmCityImporter.Import(TestPaths.SharedOsm("monaco-2016.osm.pbf")));
    private static readonly Lazy<CityModel> HelsinkiModel = new(() => OsmCityImporter.Import(TestPaths.SharedOsm("helsinki-centre-2019.osm.pbf")));
    private static readonly Lazy<CityModel> BadHersfeldModel = new(() => OsmCityImporter.Import(TestPaths.SharedOsm("bad-hersfeld-2021.osm.gz")));

    /// <summary>Monaco 2016.</summary>
    public static CityModel Monaco => Get(MonacoModel, "monaco-2016.osm.pbf");

    /// <summary>Helsinki centre 2019.</summary>
    public static CityModel Helsinki => Get(HelsinkiModel, "helsinki-centre-2019.osm.pbf");

    /// <summary>Bad Hersfeld 2021.</summary>
    public static CityModel BadHersfeld => Get(BadHersfeldModel, "bad-hersfeld-2021.osm.gz");

    private static CityModel Get(Lazy<CityModel> model, string file)
    {
        TestPaths.SharedOsm(file); // ignores the test when the file is missing
        return model.Value;
    }
}
