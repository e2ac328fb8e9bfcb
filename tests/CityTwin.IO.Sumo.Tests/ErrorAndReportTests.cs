using CityTwin.Ecs.Randomness;
using CityTwin.Model.Roads;

namespace CityTwin.IO.Sumo.Tests;

public sealed class ErrorAndReportTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void CreateTempDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "citytwin-sumo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void DeleteTempDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Truncated_net_names_file_and_line()
    {
        var source = SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml");
        var lines = File.ReadAllLines(source);
        var path = Path.Combine(_dir, "truncated.net.xml");
        File.WriteAllLines(path, lines.Take(lines.Length / 2));
        var ex = Assert.Throws<SumoFormatException>(() => SumoNetReader.Read(path));
        Assert.That(ex!.FilePath, Is.EqualTo(path));
        Assert.That(ex.Line, Is.InRange(lines.Length / 2, (lines.Length / 2) + 1));
        Assert.That(ex.Message, Does.Contain("truncated.net.xml").And.Contain($"({ex.Line})"));
    }

    [Test]
    public void Bad_shape_point_is_named()
    {
        var lines = File.ReadAllLines(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        // The first lane of a normal (not internal) edge: its shape is the edge's geometry when the edge has none.
        var i = Array.FindIndex(lines, l => l.Contains("<lane id=\"", StringComparison.Ordinal) && !l.Contains("<lane id=\":", StringComparison.Ordinal));
        lines[i] = lines[i].Replace(" shape=\"", " shape=\"12.5 ", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "badshape.net.xml");
        File.WriteAllLines(path, lines);
        var ex = Assert.Throws<SumoFormatException>(() => SumoNetReader.Read(path));
        Assert.That(ex!.Message, Does.Contain("badshape.net.xml").And.Contain("bad shape point '12.5'"));
    }

    [Test]
    public void Broken_route_file_names_file_and_line()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var path = Path.Combine(_dir, "broken.rou.xml");
        File.WriteAllText(path, "<routes>\n  <vehicle id=\"a\" depart=\"0\">\n    <route edges=\"131 117\"/>\n  </vehicl>\n</routes>\n");
        var ex = Assert.Throws<SumoFormatException>(() => SumoRouteReader.Read(net, new SeededRandom(1), path));
        Assert.That(ex!.Line, Is.EqualTo(4));
        Assert.That(ex.Message, Does.Contain("broken.rou.xml(4)"));
    }

    [Test]
    public void Unknown_elements_and_attributes_are_reported_with_counts()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var path = Path.Combine(_dir, "extra.rou.xml");
        File.WriteAllText(path, """
            <routes>
              <vType id="t" accel="2" color="1,0,0" lcStrategic="0.5"/>
              <frobnicate a="1"><child/></frobnicate>
              <frobnicate a="2"/>
              <person id="p" depart="0"><walk edges="131"/></person>
              <vehicle id="v" type="t" depart="3" color="red"><route edges="131 117 209"/></vehicle>
            </routes>
            """);
        var demand = SumoRouteReader.Read(net, new SeededRandom(1), path);
        Assert.Multiple(() =>
        {
            Assert.That(demand.Report.CountOf("demand", "unknown element: <frobnicate>"), Is.EqualTo(2));
            Assert.That(demand.Report.CountOf("demand", "element not supported: <person>"), Is.EqualTo(1));
            Assert.That(demand.Report.CountOf("demand", "attribute ignored: color"), Is.EqualTo(2));
            Assert.That(demand.Report.CountOf("demand", "attribute ignored: lcStrategic"), Is.EqualTo(1));
            Assert.That(demand.Trips, Has.Count.EqualTo(1));
        });
    }

    /// <summary>Writes <paramref name="xml"/> as a route file and reads it against the Bologna acosta net.</summary>
    private SumoDemand ReadOnAcosta(string fileName, string xml)
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var path = Path.Combine(_dir, fileName);
        File.WriteAllText(path, xml);
        return SumoRouteReader.Read(net, new SeededRandom(1), path);
    }

    [Test]
    public void VType_lcSpeedGainRight_IsRead_AndDefaultsToLc2013s()
    {
        var demand = ReadOnAcosta("lc.rou.xml", """
            <routes>
              <vType id="symmetric" lcSpeedGainRight="1"/>
              <vType id="plain"/>
            </routes>
            """);
        Assert.That(demand.Types.Single(t => t.Id == "symmetric").SpeedGainRight, Is.EqualTo(1.0));
        Assert.That(demand.Types.Single(t => t.Id == "plain").SpeedGainRight, Is.EqualTo(0.1));
        Assert.That(demand.Report.CountOf("demand", "attribute ignored: lcSpeedGainRight"), Is.EqualTo(0));
    }

    [Test]
    public void VType_of_a_rail_class_gets_SUMOs_train_defaults()
    {
        // Values SUMO 1.15 reports through TraCI for a bare vType of each class (sigma 0 and no speed spread for all).
        var demand = ReadOnAcosta("rail.rou.xml", """
            <routes>
              <vType id="train" vClass="rail"/>
              <vType id="s-bahn" vClass="rail_urban"/>
              <vType id="tram" vClass="tram"/>
              <vType id="ice" vClass="rail_fast" length="400"/>
            </routes>
            """);
        var train = demand.Types.Single(t => t.Id == "train");
        var urban = demand.Types.Single(t => t.Id == "s-bahn");
        var tram = demand.Types.Single(t => t.Id == "tram");
        var ice = demand.Types.Single(t => t.Id == "ice");
        Assert.Multiple(() =>
        {
            Assert.That((train.VehicleClass, train.LengthM, train.MinGapM, train.MaxSpeedMps, train.AccelMps2, train.DecelMps2, train.EmergencyDecelMps2),
                Is.EqualTo((VehicleClasses.Rail, 135.0, 5.0, 44.44, 0.25, 1.3, 5.0)));
            Assert.That((train.Sigma, train.SpeedFactorDev), Is.EqualTo((0.0, 0.0)));
            Assert.That((urban.VehicleClass, urban.LengthM, urban.MaxSpeedMps, urban.AccelMps2), Is.EqualTo((VehicleClasses.Rail, 109.5, 27.78, 1.0)));
            Assert.That((tram.VehicleClass, tram.LengthM, tram.MinGapM, tram.MaxSpeedMps), Is.EqualTo((VehicleClasses.Tram, 22.0, 2.5, 22.22)));
            Assert.That((ice.VehicleClass, ice.LengthM, ice.MaxSpeedMps), Is.EqualTo((VehicleClasses.Rail, 400.0, 91.67)));
            Assert.That(demand.Report.CountOf("demand", "vClass 'rail' has no model class (treated as passenger)"), Is.Zero);
        });
    }

    [Test]
    public void Bad_tls_override_names_file_and_line()
    {
        var net = SumoNetReader.Read(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var path = Path.Combine(_dir, "bad.add.xml");
        File.WriteAllText(path, "<additional>\n  <busStop id=\"b\" lane=\"104_0\"/>\n  <tlLogic id=\"209\" type=\"static\" programID=\"x\" offset=\"0\">\n" +
            "    <phase duration=\"30\" state=\"GGGGGGG\"/>\n    <phase duration=\"30\" state=\"rrrrrrr\"/>\n  </tlLogic>\n" +
            "  <tlLogic id=\"209\" type=\"static\" programID=\"y\" offset=\"0\">\n    <phase duration=\"30\" state=\"GGGQGGG\"/>\n  </tlLogic>\n</additional>\n");
        var ex = Assert.Throws<SumoFormatException>(() => SumoAdditionalReader.Read(net, path));
        Assert.That(ex!.Line, Is.EqualTo(7));
        Assert.That(ex.Message, Does.Contain("bad.add.xml(7)").And.Contain("'Q'"));
    }

    [Test]
    public void Unknown_net_element_is_reported()
    {
        var source = File.ReadAllText(SharedData.SumoFile("bologna-acosta/acosta_buslanes.net.xml"));
        var path = Path.Combine(_dir, "extra.net.xml");
        File.WriteAllText(path, source.Replace("</net>", "    <gadget id=\"g\"/>\n    <gadget id=\"h\"/>\n</net>", StringComparison.Ordinal));
        var net = SumoNetReader.Read(path);
        Assert.That(net.Report.CountOf("input", "unknown element: <gadget>"), Is.EqualTo(2));
    }
}
