using System.Globalization;
using CityTwin.Model.Reporting;
using CityTwin.Model.Roads;
using CityTwin.Traffic.CarFollowing;
using CityTwin.Traffic.Vehicles;

namespace CityTwin.IO.Sumo;

/// <summary>SUMO <c>vType</c> → <see cref="VehicleType"/>, starting from SUMO's per-vClass defaults.</summary>
internal static class SumoVehicleTypes
{
    private static readonly HashSet<string> Known =
    [
        "id", "vClass", "carFollowModel", "length", "minGap", "accel", "decel", "emergencyDecel", "sigma", "tau", "maxSpeed",
        "speedFactor", "speedDev", "delta", "emissionClass", "probability", "lcSpeedGainRight",
    ];

    /// <summary>
    /// SUMO 1.15's vClass defaults (vehicle type documentation, "Abstract Vehicle Class" table): length, minGap,
    /// accel, decel, emergencyDecel, maxSpeed; sigma 0.5, tau 1, speedDev 0.1 for all road vehicles; trains and trams as
    /// SUMO 1.15 reports them (sigma 0, speedDev 0).
    /// </summary>
    public static VehicleType Defaults(string id, string vClass)
    {
        var t = VehicleType.SumoDefault with { Id = id, VehicleClass = SumoMappings.VehicleClass(vClass) };
        return vClass switch
        {
            "bus" or "coach" => t with { LengthM = 12, AccelMps2 = 1.2, DecelMps2 = 4, EmergencyDecelMps2 = 7, MaxSpeedMps = vClass == "bus" ? 27.78 : 36.11 },
            "truck" or "trailer" => t with { LengthM = vClass == "truck" ? 7.1 : 16.5, AccelMps2 = 1.3, DecelMps2 = 4, EmergencyDecelMps2 = 7, MaxSpeedMps = 36.11 },
            "delivery" => t with { LengthM = 6.5, MaxSpeedMps = 55.55 },
            "motorcycle" => t with { LengthM = 2.2, AccelMps2 = 6, DecelMps2 = 10, EmergencyDecelMps2 = 10, MaxSpeedMps = 55.55 },
            "moped" => t with { LengthM = 2.1, AccelMps2 = 1.1, DecelMps2 = 7, EmergencyDecelMps2 = 10, MaxSpeedMps = 12.5 },
            "bicycle" => t with { LengthM = 1.6, MinGapM = 0.5, AccelMps2 = 1.2, DecelMps2 = 3, EmergencyDecelMps2 = 7, MaxSpeedMps = 5.56 },
            "pedestrian" => t with { LengthM = 0.215, MinGapM = 0.25, AccelMps2 = 1.5, DecelMps2 = 2, EmergencyDecelMps2 = 5, MaxSpeedMps = 1.39 },
            // Rail vehicles: SUMO 1.15's values as its TraCI reports them for a bare vType of the class (no dawdling, no
            // speed spread: sigma 0, speedDev 0).
            "rail" => Train(t, 135, 44.44, 0.25, 1.3, 5),
            "rail_urban" => Train(t, 109.5, 27.78, 1, 3, 7),
            "rail_electric" => Train(t, 200, 61.11, 0.5, 1.3, 5),
            "rail_fast" => Train(t, 200, 91.67, 0.5, 1.3, 5),
            "tram" => Train(t, 22, 22.22, 1, 3, 7) with { MinGapM = 2.5 },
            _ => t,
        };
    }

    private static VehicleType Train(VehicleType t, double lengthM, double maxSpeedMps, double accelMps2, double decelMps2, double emergencyDecelMps2) =>
        t with
        {
            LengthM = lengthM, MinGapM = 5, MaxSpeedMps = maxSpeedMps, AccelMps2 = accelMps2, DecelMps2 = decelMps2,
            EmergencyDecelMps2 = emergencyDecelMps2, Sigma = 0, SpeedFactorDev = 0,
        };

    /// <summary>Reads the current <c>vType</c> element.</summary>
    public static VehicleType Read(SumoXml xml, SumoReport report)
    {
        var id = xml.Required("id");
        var vClass = xml.Attr("vClass") ?? "passenger";
        if (SumoMappings.VehicleClass(vClass) == VehicleClasses.None)
        {
            report.Add("demand", $"vClass '{vClass}' has no model class (treated as passenger)", ReportSeverity.Warning, id);
        }

        var t = Defaults(id, vClass);
        if (t.VehicleClass == VehicleClasses.None)
        {
            t = t with { VehicleClass = VehicleClasses.Passenger };
        }

        var model = xml.Attr("carFollowModel") ?? "Krauss";
        var cf = model switch
        {
            "Krauss" => CarFollowModel.Krauss,
            "IDM" => CarFollowModel.Idm,
            _ => CarFollowModel.Krauss,
        };
        if (model is not ("Krauss" or "IDM"))
        {
            report.Add("demand", $"carFollowModel '{model}' run as Krauss", ReportSeverity.Warning, id);
        }

        t = t with
        {
            Model = cf,
            LengthM = xml.Double("length", t.LengthM),
            MinGapM = xml.Double("minGap", t.MinGapM),
            AccelMps2 = xml.Double("accel", t.AccelMps2),
            DecelMps2 = xml.Double("decel", t.DecelMps2),
            Sigma = xml.Double("sigma", t.Sigma),
            TauS = xml.Double("tau", t.TauS),
            MaxSpeedMps = xml.Double("maxSpeed", t.MaxSpeedMps),
            Delta = xml.Double("delta", t.Delta),
            SpeedGainRight = xml.Double("lcSpeedGainRight", t.SpeedGainRight),
            EmissionClass = xml.Attr("emissionClass") ?? t.EmissionClass,
        };
        var emergency = xml.Double("emergencyDecel", t.EmergencyDecelMps2);
        if (emergency < t.DecelMps2)
        {
            // SUMO warns and brakes with decel in this case (the rule the issue asks for: default.emergencydecel=decel).
            report.Add("demand", "emergencyDecel below decel raised to decel", ReportSeverity.Info, id);
            emergency = t.DecelMps2;
        }

        t = t with { EmergencyDecelMps2 = emergency };
        t = SpeedFactor(xml, t, report);
        xml.ReportUnknownAttributes(Known, report, "demand");
        try
        {
            t.Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw xml.Error(ex.Message);
        }

        return t;
    }

    /// <summary><c>speedFactor</c> as a number or <c>norm(mean,dev)</c> / <c>normc(mean,dev,min,max)</c>; <c>speedDev</c> overrides the deviation.</summary>
    private static VehicleType SpeedFactor(SumoXml xml, VehicleType t, SumoReport report)
    {
        var text = xml.Attr("speedFactor");
        if (text is not null)
        {
            text = text.Trim();
            var open = text.IndexOf('(', StringComparison.Ordinal);
            if (open > 0 && text.EndsWith(')'))
            {
                var args = text[(open + 1)..^1].Split(',').Select(a => double.Parse(a, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                t = t with { SpeedFactorMean = args[0], SpeedFactorDev = args.Length > 1 ? args[1] : 0 };
                if (args.Length > 2)
                {
                    report.Add("demand", "speedFactor clipping bounds (normc min,max) not applied", ReportSeverity.Info, t.Id);
                }
            }
            else
            {
                // A plain number fixes the mean; SUMO keeps the vClass deviation unless speedDev says otherwise.
                t = t with { SpeedFactorMean = xml.Double("speedFactor", 1) };
            }
        }

        return t with { SpeedFactorDev = xml.Double("speedDev", t.SpeedFactorDev) };
    }
}
