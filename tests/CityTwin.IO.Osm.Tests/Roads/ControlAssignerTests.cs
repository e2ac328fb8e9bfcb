using CityTwin.IO.Osm.Roads;
using CityTwin.Model.Roads;
using static CityTwin.IO.Osm.Tests.TestSupport.ModelQueries;

namespace CityTwin.IO.Osm.Tests.Roads;

public class ControlAssignerTests
{
    private string _dir = string.Empty;

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "citytwin-controls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Assign_SignalOnApproachNode_SignalisesTheJunctionAhead()
    {
        var r = OsmCityImporter.Import(Write(string.Empty)).Roads;

        Assert.That(r.Junctions[JunctionByNode(r, 2)].Kind, Is.EqualTo(JunctionKind.TrafficSignals));
        Assert.That(JunctionByNode(r, 6), Is.EqualTo(-1), "the approach node is not a junction");
    }

    [Test]
    public void Assign_SignalFacingAway_DoesNotControlTheNearJunction()
    {
        // traffic_signals:direction=backward: the signal faces traffic driving against the way, towards node 1,
        // which is 140 m away: a mid-block signal, reported and ignored.
        var m = OsmCityImporter.Import(Write("<tag k=\"traffic_signals:direction\" v=\"backward\"/>"));

        Assert.That(m.Roads.Junctions[JunctionByNode(m.Roads, 2)].Kind, Is.Not.EqualTo(JunctionKind.TrafficSignals));
        Assert.That(m.Report.CountOf("signals", ControlAssigner.MidBlockSignal), Is.EqualTo(1));
    }

    private string Write(string extraSignalTag)
    {
        var path = Path.Combine(_dir, "approach.osm");
        File.WriteAllText(path, $"""
            <osm version="0.6">
              <node id="1" lat="50.0" lon="7.998"/><node id="2" lat="50.0" lon="8.0"/><node id="3" lat="50.0" lon="8.002"/>
              <node id="4" lat="50.001" lon="8.0"/><node id="5" lat="49.999" lon="8.0"/>
              <node id="6" lat="50.0" lon="7.9997"><tag k="highway" v="traffic_signals"/>{extraSignalTag}</node>
              <way id="1"><nd ref="1"/><nd ref="6"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/></way>
              <way id="2"><nd ref="4"/><nd ref="2"/><nd ref="5"/><tag k="highway" v="residential"/></way>
            </osm>
            """);
        return path;
    }
}
