using System.Xml.Linq;
using CityTwin.IO.Sumo.Outputs;
using CityTwin.Traffic.Outputs;

namespace CityTwin.IO.Sumo.Tests.Outputs;

public sealed class SumoOutputWriterTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "citytwin-sumo-out-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void TripInfo_HasSumosNamesUnitsAndFormatting()
    {
        var path = Path.Combine(_dir, "tripinfo.xml");
        SumoOutputWriter.WriteTripInfo(
        [
            new TripInfo("veh0", "passenger", 3, 1.5, 120.25, 117.25, 1234.567, 12, 30.5, TripStatus.Arrived),
            new TripInfo("veh1", "bus", 10, 0, 400, 390, 800, 300, 250, TripStatus.Removed),
        ], path);
        var root = XDocument.Load(path).Root!;
        var first = root.Elements("tripinfo").First();
        Assert.Multiple(() =>
        {
            Assert.That(root.Name.LocalName, Is.EqualTo("tripinfos"));
            Assert.That((string?)first.Attribute("id"), Is.EqualTo("veh0"));
            Assert.That((string?)first.Attribute("depart"), Is.EqualTo("3.00"));
            Assert.That((string?)first.Attribute("arrival"), Is.EqualTo("120.25"));
            Assert.That((string?)first.Attribute("routeLength"), Is.EqualTo("1234.57"));
            Assert.That((string?)first.Attribute("timeLoss"), Is.EqualTo("30.50"));
            Assert.That((string?)first.Attribute("vType"), Is.EqualTo("passenger"));
            Assert.That(first.Attribute("vaporized"), Is.Null);
            Assert.That((string?)root.Elements("tripinfo").Last().Attribute("arrival"), Is.EqualTo("-1.00"));
            Assert.That((string?)root.Elements("tripinfo").Last().Attribute("vaporized"), Is.EqualTo("removed"));
        });
    }

    [Test]
    public void EdgeData_AndE1_UseOnlyAttributesSumoItselfWrites()
    {
        var edgePath = Path.Combine(_dir, "edgedata.xml");
        SumoOutputWriter.WriteEdgeData(
        [
            new EdgeDataRow(1, 0, 0, 900, 2, 30, 29, 1, 410.5, 12.3, 4.5, 2.25, 33.1),
            new EdgeDataRow(0, 0, 0, 900, 0, 0, 0, 0, 0, double.NaN, 0, 0, double.NaN),
            new EdgeDataRow(0, 0, 900, 1800, 0, 3, 3, 0, 20, 10, 1, 0.5, 12),
        ], e => $"E{e}", edgePath);
        var e1Path = Path.Combine(_dir, "e1.xml");
        SumoOutputWriter.WriteDetectors([new DetectorRow("det_0", 0, 1800, 30, 3.88, 8.67), new DetectorRow("det_1", 0, 1800, 0, 0, double.NaN)], e1Path);

        var meandata = XDocument.Load(edgePath).Root!;
        var intervals = meandata.Elements("interval").ToList();
        var busy = intervals[0].Elements("edge").Single(x => (string?)x.Attribute("id") == "E1");
        var idle = intervals[0].Elements("edge").Single(x => (string?)x.Attribute("id") == "E0");
        var detector = XDocument.Load(e1Path).Root!;
        var d0 = detector.Elements("interval").First();
        Assert.Multiple(() =>
        {
            Assert.That(intervals, Has.Count.EqualTo(2));
            Assert.That((string?)busy.Attribute("speed"), Is.EqualTo("12.30"));
            Assert.That((string?)busy.Attribute("entered"), Is.EqualTo("30"));
            Assert.That(idle.Attribute("speed"), Is.Null, "SUMO omits measured quantities for edges without samples");
            Assert.That((string?)d0.Attribute("flow"), Is.EqualTo("60.00"), "30 vehicles in half an hour");
            Assert.That((string?)d0.Attribute("nVehContrib"), Is.EqualTo("30"));
            Assert.That((string?)detector.Elements("interval").Last().Attribute("speed"), Is.EqualTo("-1.00"));
        });

        // Every attribute we write is one SUMO 1.15 writes in the same element (reference outputs in ../shared/data).
        var sumoE1 = XDocument.Load(SharedData.SumoFile("reference-output-sumo-1.15/bologna-acosta.e1_output.xml")).Root!;
        var sumoE1Names = sumoE1.Elements("interval").First().Attributes().Select(a => a.Name.LocalName).ToHashSet();
        Assert.That(d0.Attributes().Select(a => a.Name.LocalName), Is.SubsetOf(sumoE1Names));
        var sumoEdges = XDocument.Load(SharedData.SumoFile("reference-output-sumo-1.15/wildau.edgedata.out.xml")).Root!
            .Descendants("edge").SelectMany(x => x.Attributes().Select(a => a.Name.LocalName)).ToHashSet();
        Assert.That(busy.Attributes().Select(a => a.Name.LocalName), Is.SubsetOf(sumoEdges));
    }
}
