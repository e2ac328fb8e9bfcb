using System.Globalization;
using System.Text;
using System.Xml;
using CityTwin.Traffic.Outputs;
using CityTwin.Model.Files;

namespace CityTwin.IO.Sumo.Outputs;

/// <summary>
/// Writes CityTwin's outputs in SUMO's XML schemas — <c>tripinfo</c>, <c>meandata</c> (edgeData) and e1 detector
/// output — with SUMO's element and attribute names, units (s, m, m/s, veh/h, %) and two-decimal formatting, so analysis
/// scripts written for SUMO read them unchanged. Attributes CityTwin does not model (e.g. <c>departLane</c>,
/// <c>laneChangedFrom</c>) are left out rather than invented. Files are written to a temporary name and moved into place.
/// </summary>
public static class SumoOutputWriter
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, IndentChars = "    ", Encoding = new UTF8Encoding(false) };

    /// <summary>Writes <c>tripinfo</c> output. Removed vehicles (SUMO would teleport them) get <c>arrival="-1.00"</c> and <c>vaporized="removed"</c>.</summary>
    /// <param name="trips">Per-trip records.</param>
    /// <param name="path">Destination file.</param>
    public static void WriteTripInfo(IEnumerable<TripInfo> trips, string path)
    {
        ArgumentNullException.ThrowIfNull(trips);
        Write(path, "tripinfos", "tripinfo_file.xsd", w =>
        {
            foreach (var t in trips)
            {
                w.WriteStartElement("tripinfo");
                w.WriteAttributeString("id", t.Id);
                Attr(w, "depart", t.DepartS);
                Attr(w, "departDelay", t.DepartDelayS);
                Attr(w, "arrival", t.Status == TripStatus.Arrived ? t.ArrivalS : -1);
                Attr(w, "duration", t.DurationS);
                Attr(w, "routeLength", t.RouteLengthM);
                Attr(w, "waitingTime", t.WaitingTimeS);
                Attr(w, "timeLoss", t.TimeLossS);
                w.WriteAttributeString("vType", t.Type);
                if (t.Status != TripStatus.Arrived)
                {
                    w.WriteAttributeString("vaporized", "removed");
                }

                w.WriteEndElement();
            }
        });
    }

    /// <summary>Writes edge-based <c>meandata</c> (SUMO's edgeData) output, one <c>interval</c> per distinct begin/end.</summary>
    /// <param name="rows">Per-edge, per-interval rows.</param>
    /// <param name="edgeId">Id of an edge index as SUMO users know it (the SUMO edge id for imported SUMO networks).</param>
    /// <param name="path">Destination file.</param>
    /// <param name="id">The <c>id</c> of the intervals (SUMO's edgeData id).</param>
    public static void WriteEdgeData(IEnumerable<EdgeDataRow> rows, Func<int, string> edgeId, string path, string id = "edgedata")
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(edgeId);
        Write(path, "meandata", "meandata_file.xsd", w =>
        {
            foreach (var interval in rows.GroupBy(r => (r.BeginS, r.EndS)).OrderBy(g => g.Key.BeginS))
            {
                w.WriteStartElement("interval");
                Attr(w, "begin", interval.Key.BeginS);
                Attr(w, "end", interval.Key.EndS);
                w.WriteAttributeString("id", id);
                foreach (var r in interval.OrderBy(r => edgeId(r.Edge), StringComparer.Ordinal))
                {
                    w.WriteStartElement("edge");
                    w.WriteAttributeString("id", edgeId(r.Edge));
                    Attr(w, "sampledSeconds", r.SampledSeconds);
                    if (r.SampledSeconds > 0)
                    {
                        // SUMO writes the measured quantities only for edges that saw vehicles.
                        Attr(w, "traveltime", r.TravelTimeS);
                        Attr(w, "density", r.DensityVehPerKmPerLane);
                        Attr(w, "occupancy", r.OccupancyPercent);
                        Attr(w, "speed", r.MeanSpeedMps);
                    }

                    w.WriteAttributeString("departed", Int(r.Departed));
                    w.WriteAttributeString("arrived", Int(r.Arrived));
                    w.WriteAttributeString("entered", Int(r.Entered));
                    w.WriteAttributeString("left", Int(r.Left));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }
        });
    }

    /// <summary>Writes e1 (induction loop) detector output.</summary>
    /// <param name="rows">Per-detector, per-interval rows.</param>
    /// <param name="path">Destination file.</param>
    public static void WriteDetectors(IEnumerable<DetectorRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Write(path, "detector", "det_e1_file.xsd", w =>
        {
            foreach (var r in rows.OrderBy(r => r.BeginS).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                w.WriteStartElement("interval");
                Attr(w, "begin", r.BeginS);
                Attr(w, "end", r.EndS);
                w.WriteAttributeString("id", r.Id);
                w.WriteAttributeString("nVehContrib", Int(r.Count));
                var hours = (r.EndS - r.BeginS) / 3600;
                Attr(w, "flow", hours > 0 ? r.Count / hours : 0);
                Attr(w, "occupancy", r.OccupancyPercent);

                // SUMO writes -1 for the speed of an interval without vehicles.
                Attr(w, "speed", r.Count > 0 ? r.MeanSpeedMps : -1);
                w.WriteAttributeString("nVehEntered", Int(r.Count));
                w.WriteEndElement();
            }
        });
    }

    private static void Write(string path, string root, string schema, Action<XmlWriter> body)
    {
        AtomicFile.Write(path, stream =>
        {
            using var w = XmlWriter.Create(stream, Settings);
            w.WriteStartDocument();
            w.WriteStartElement(root);
            w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            w.WriteAttributeString("xsi", "noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance", "http://sumo.dlr.de/xsd/" + schema);
            body(w);
            w.WriteEndElement();
            w.WriteEndDocument();
        });
    }

    private static void Attr(XmlWriter w, string name, double value) =>
        w.WriteAttributeString(name, double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-1.00");

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
