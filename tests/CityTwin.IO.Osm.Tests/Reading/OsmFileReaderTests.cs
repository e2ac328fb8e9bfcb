using System.IO.Compression;
using CityTwin.IO.Osm.Tests.TestSupport;
using ICSharpCode.SharpZipLib.BZip2;

namespace CityTwin.IO.Osm.Tests.Reading;

public class OsmFileReaderTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "citytwin-osm-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Import_GzipAndBzip2_GiveTheSameModelAsPlainXml()
    {
        var xml = TestPaths.TestData("crossroads.osm");
        var gz = Path.Combine(_dir, "crossroads.osm.gz");
        var bz2 = Path.Combine(_dir, "crossroads.osm.bz2");
        using (var input = File.OpenRead(xml))
        using (var output = new GZipStream(File.Create(gz), CompressionLevel.Optimal))
        {
            input.CopyTo(output);
        }

        using (var input = File.OpenRead(xml))
        using (var output = new BZip2OutputStream(File.Create(bz2)))
        {
            input.CopyTo(output);
        }

        var plain = OsmCityImporter.Import(xml);
        foreach (var path in new[] { gz, bz2 })
        {
            var m = OsmCityImporter.Import(path);
            Assert.That(m.Roads.Edges.Length, Is.EqualTo(plain.Roads.Edges.Length), path);
            Assert.That(m.Buildings.TotalAreaM2, Is.EqualTo(plain.Buildings.TotalAreaM2), path);
            Assert.That(m.Report.NodesRead, Is.EqualTo(31), path);
        }
    }

    [Test]
    public void Import_MissingFile_NamesTheFile()
    {
        var path = Path.Combine(_dir, "nowhere.osm.pbf");

        var ex = Assert.Throws<OsmImportException>(() => OsmCityImporter.Import(path));
        Assert.That(ex!.Message, Does.Contain("nowhere.osm.pbf").And.Contain("not found"));
    }

    [Test]
    public void Import_XmlThatIsNotOsm_IsRefused()
    {
        var ex = Assert.Throws<OsmImportException>(() => OsmCityImporter.Import(TestPaths.TestData("not-osm.xml")));
        Assert.That(ex!.Message, Does.Contain("not-osm.xml").And.Contain("not OSM XML"));
    }

    [Test]
    public void Import_BinaryGarbage_IsRefused()
    {
        var path = Path.Combine(_dir, "garbage.osm.pbf");
        File.WriteAllBytes(path, [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F]);

        var ex = Assert.Throws<OsmImportException>(() => OsmCityImporter.Import(path));
        Assert.That(ex!.Message, Does.Contain("garbage.osm.pbf").And.Contain("not an OSM file"));
    }

    [Test]
    public void Import_TruncatedPbf_FailsWithAClearError()
    {
        var source = TestPaths.SharedOsm("helsinki-centre-2019.osm.pbf");
        var path = Path.Combine(_dir, "truncated.osm.pbf");
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var ex = Assert.Throws<OsmImportException>(() => OsmCityImporter.Import(path));
        Assert.That(ex!.Message, Does.Contain("truncated.osm.pbf").And.Contain("corrupt or truncated"));
    }

    [Test]
    public void Import_TruncatedGzip_FailsWithAClearError()
    {
        var path = Path.Combine(_dir, "cut.osm.gz");
        using (var input = File.OpenRead(TestPaths.TestData("crossroads.osm")))
        using (var output = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            input.CopyTo(output);
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var ex = Assert.Throws<OsmImportException>(() => OsmCityImporter.Import(path));
        Assert.That(ex!.Message, Does.Contain("cut.osm.gz"));
    }

    [Test]
    public void Import_NodeWithoutPosition_IsSkippedAndReported()
    {
        var path = Path.Combine(_dir, "deleted-node.osm");
        File.WriteAllText(path, """
            <osm version="0.6">
              <node id="1" lat="50.0" lon="8.0"/><node id="2" lat="50.001" lon="8.0"/><node id="3" lat="50.002" lon="8.0"/>
              <node id="4" action="delete" visible="false"/>
              <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
              <way id="2"><nd ref="3"/><nd ref="4"/><tag k="highway" v="residential"/></way>
            </osm>
            """);

        var m = OsmCityImporter.Import(path);

        Assert.That(m.Report.NodesRead, Is.EqualTo(3));
        Assert.That(m.Report.CountOf("input", "nodes without a valid position skipped"), Is.EqualTo(1));
        Assert.That(m.Report.CountOf("roads", CityTwin.IO.Osm.Roads.RoadGraph.MissingNodes), Is.EqualTo(1));
        Assert.That(m.Roads.Edges.Length, Is.EqualTo(2), "way 1 in both directions; way 2 has only one usable node");
    }

    [Test]
    public void Import_NoDrivableRoads_IsAFatalError()
    {
        var path = Path.Combine(_dir, "paths-only.osm");
        File.WriteAllText(path, """
            <osm version="0.6">
              <node id="1" lat="50.0" lon="8.0"/><node id="2" lat="50.001" lon="8.0"/>
              <way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
            </osm>
            """);

        var ex = Assert.Throws<OsmImportException>(() => OsmCityImporter.Import(path));
        Assert.That(ex!.Message, Does.Contain("paths-only.osm").And.Contain("no drivable roads"));
    }
}
