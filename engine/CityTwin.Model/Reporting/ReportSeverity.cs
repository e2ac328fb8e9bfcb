namespace CityTwin.Model.Reporting;

/// <summary>How much a report entry matters.</summary>
public enum ReportSeverity : byte
{
    /// <summary>Expected filtering (e.g. footways are not drivable).</summary>
    Info = 0,

    /// <summary>Data that was damaged, inconsistent or could not be used.</summary>
    Warning = 1,
}
