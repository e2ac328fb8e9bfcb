namespace CityTwin.Simulation.Energy.Buildings;

/// <summary>
/// Hour-of-week schedules (168 values, Monday 00:00 first) of occupancy, appliance and lighting use and whether the
/// setpoint (rather than the setback) applies.
/// </summary>
/// <remarks>
/// Implementation note: CEA ships hourly schedule libraries per use (<c>SCHEDULES_LIBRARY/&lt;USE&gt;.csv</c>) that
/// we do not vendor; these are simplified rule-based schedules of our own, documented here so results can be traced:
/// <list type="bullet">
/// <item>Residential and hotel: occupancy 1 from 18:00 to 08:00 and 0.4 in the day; appliances 0.4 at night
/// (00–06), 0.6 in the day, 1 in the evening (18–23); lighting 1 from 18 to 23, 0.5 from 06 to 08, 0.1 otherwise;
/// setback 23:00–06:00.</item>
/// <item>Non-residential uses: occupied in opening hours (office, school, industrial Mon–Fri 07–19; retail Mon–Sat
/// 08–20; restaurant daily 11–23; gym daily 07–22; hospital always); occupancy and lighting 1 when open, 0 and 0.05
/// when closed; appliances 1 and 0.2 (standby); the setpoint applies from one hour before opening (preheat).</item>
/// </list>
/// </remarks>
public sealed class UseSchedules
{
    /// <summary>Hours in a week.</summary>
    public const int HoursPerWeek = 168;

    private UseSchedules(double[] occupancy, double[] appliances, double[] lighting, bool[] setpointActive)
    {
        Occupancy = occupancy;
        Appliances = appliances;
        Lighting = lighting;
        SetpointActive = setpointActive;
    }

    /// <summary>Occupancy fraction per hour of week.</summary>
    public IReadOnlyList<double> Occupancy { get; }

    /// <summary>Appliance use fraction per hour of week.</summary>
    public IReadOnlyList<double> Appliances { get; }

    /// <summary>Lighting use fraction per hour of week.</summary>
    public IReadOnlyList<double> Lighting { get; }

    /// <summary>Whether the setpoint (true) or the setback (false) applies, per hour of week.</summary>
    public IReadOnlyList<bool> SetpointActive { get; }

    /// <summary>Mean occupancy fraction over the week.</summary>
    public double MeanOccupancy { get; private init; }

    private static readonly UseSchedules[] Cache = Enum.GetValues<BuildingUse>().Select(Build).ToArray();

    /// <summary>The schedules of a use (built once per use and shared; they are immutable).</summary>
    /// <param name="use">The use.</param>
    /// <returns>The schedules.</returns>
    public static UseSchedules For(BuildingUse use) => Cache[(int)use];

    private static UseSchedules Build(BuildingUse use)
    {
        var occ = new double[HoursPerWeek];
        var app = new double[HoursPerWeek];
        var light = new double[HoursPerWeek];
        var on = new bool[HoursPerWeek];
        for (int h = 0; h < HoursPerWeek; h++)
        {
            int day = h / 24; // 0 = Monday
            int hour = h % 24;
            if (use is BuildingUse.MultiResidential or BuildingUse.SingleResidential or BuildingUse.Hotel)
            {
                occ[h] = hour is >= 18 or < 8 ? 1.0 : 0.4;
                app[h] = hour < 6 ? 0.4 : hour is >= 18 and < 23 ? 1.0 : 0.6;
                light[h] = hour is >= 18 and < 23 ? 1.0 : hour is >= 6 and < 8 ? 0.5 : 0.1;
                on[h] = hour is >= 6 and < 23;
                continue;
            }

            (int open, int close, int days) = use switch
            {
                BuildingUse.Retail => (8, 20, 6),
                BuildingUse.Restaurant => (11, 23, 7),
                BuildingUse.Gym => (7, 22, 7),
                BuildingUse.Hospital => (0, 24, 7),
                _ => (7, 19, 5), // office, school, industrial, unconditioned
            };
            bool isOpen = day < days && hour >= open && hour < close;
            occ[h] = isOpen ? 1.0 : 0.0;
            app[h] = isOpen ? 1.0 : 0.2;
            light[h] = isOpen ? 1.0 : 0.05;
            on[h] = day < days && hour >= open - 1 && hour < close;
        }

        return new UseSchedules(occ, app, light, on) { MeanOccupancy = occ.Average() };
    }
}
