using CityTwin.Simulation.Energy.Solar;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Energy.Weather;

public class SyntheticWeatherTests
{
    private static readonly HourlyWeather Frankfurt = SyntheticWeather.Create(50.1, 8.7, 1.0);

    [Test]
    public void Create_Always_FlaggedSyntheticAndNamedSo()
    {
        Assert.That(Frankfurt.IsSynthetic, Is.True);
        Assert.That(Frankfurt.SourceName, Does.StartWith("SYNTHETIC"));
        Assert.That(Frankfurt.HourCount, Is.EqualTo(8760));
    }

    [Test]
    public void Create_DefaultTemperatureModel_AnnualMeanAndExtremes()
    {
        double mean = Frankfurt.DryBulbC.Average();
        Assert.That(mean, Is.EqualTo(28.0 - (0.38 * 50.1)).Within(0.05));
        // January colder than July by twice the annual amplitude (≈ 2 × 11 K), give or take the cosine sampling.
        double jan = Frankfurt.DryBulbC.Take(31 * 24).Average();
        double jul = Frankfurt.DryBulbC.Skip(181 * 24).Take(31 * 24).Average();
        Assert.That(jul - jan, Is.EqualTo(2 * 11.02).Within(1.0));
    }

    [Test]
    public void Create_DailyCycle_WarmestAtThreePm()
    {
        int warmest = Enumerable.Range(0, 24).OrderByDescending(h => Frankfurt.DryBulbC[(100 * 24) + h]).First();
        Assert.That(warmest, Is.AnyOf(14, 15)); // mid-points 14:30 and 15:30 straddle the 15:00 maximum equally
    }

    [Test]
    public void Create_Night_NoIrradiance()
    {
        Assert.That(Frankfurt.GlobalHorizontalWm2[(10 * 24) + 1], Is.EqualTo(0.0));
    }

    [Test]
    public void Create_JuneNoon_ClearSkyGhiForTheSunHeight()
    {
        int hour = (171 * 24) + 12; // 21 June 12:00–13:00 CET, sun near culmination
        SolarPosition sun = SolarCalculator.Position(Frankfurt.MidHourUtc(hour), 50.1, 8.7);
        Assert.That(Frankfurt.GlobalHorizontalWm2[hour], Is.EqualTo(ClearSky.HaurwitzGhiWm2(sun.ZenithDeg)).Within(1e-6));
        Assert.That(Frankfurt.GlobalHorizontalWm2[hour], Is.GreaterThan(800.0));
    }

    [Test]
    public void Create_SouthernHemisphere_JulyIsColdest()
    {
        HourlyWeather sydney = SyntheticWeather.Create(-33.9, 151.2, 10.0);
        double jan = sydney.DryBulbC.Take(31 * 24).Average();
        double jul = sydney.DryBulbC.Skip(181 * 24).Take(31 * 24).Average();
        Assert.That(jan, Is.GreaterThan(jul));
    }

    [Test]
    public void PlaneOfArray_SouthFacadeInWinter_MoreThanNorthFacade()
    {
        var zen = new double[8760];
        var az = new double[8760];
        Frankfurt.SunPositions(zen, az);
        var south = new double[8760];
        var north = new double[8760];
        Frankfurt.PlaneOfArray(90.0, 180.0, zen, az, south);
        Frankfurt.PlaneOfArray(90.0, 0.0, zen, az, north);
        Assert.That(south.Take(31 * 24).Sum(), Is.GreaterThan(3 * north.Take(31 * 24).Sum()));
    }

    [Test]
    public void Create_Clearness_ScalesIrradiance()
    {
        HourlyWeather dim = SyntheticWeather.Create(50.1, 8.7, 1.0, new SyntheticWeatherOptions { Clearness = 0.5 });
        Assert.That(dim.GlobalHorizontalWm2.Sum(), Is.EqualTo(0.5 * Frankfurt.GlobalHorizontalWm2.Sum()).Within(1e-6 * Frankfurt.GlobalHorizontalWm2.Sum()));
    }
}
