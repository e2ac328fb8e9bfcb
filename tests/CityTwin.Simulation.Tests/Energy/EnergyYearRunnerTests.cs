using CityTwin.Simulation.Energy;
using CityTwin.Simulation.Energy.Buildings;
using CityTwin.Simulation.Energy.Results;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Energy;

public class EnergyYearRunnerTests
{
    private static readonly HourlyWeather Weather = SyntheticWeather.Create(50.87, 9.71, 1.0);

    private static BuildingDescription[] City(int count)
    {
        var b = new BuildingDescription[count];
        for (int i = 0; i < count; i++)
        {
            b[i] = Buildings.BuildingYearKernelTests.Building(i);
            b[i].X = (i % 20) * 30.0;
            b[i].Y = (i / 20) * 30.0;
        }

        return b;
    }

    [Test]
    public void Run_SmallCity_TotalsEqualSumOfBuildingsAndFeederRows()
    {
        BuildingDescription[] city = City(300);
        EnergyYearResult r = EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { BuildingsPerFeeder = 50, PvAdoptionShare = 0.3 });
        Assert.That(r.Feeders.FeederCount, Is.EqualTo(6));
        Assert.That(r.Totals.HeatingKWh, Is.EqualTo(r.HeatingKWh.Sum()).Within(1e-6));
        Assert.That(r.Totals.PvKWh, Is.GreaterThan(0.0));
        double rows = r.FeederHourlyNetLoadW.Sum() / 1000.0;
        Assert.That(rows, Is.EqualTo(r.Totals.ElectricityKWh - r.Totals.PvKWh).Within(1e-6 * r.Totals.ElectricityKWh));
        Assert.That(r.WeatherIsSynthetic, Is.True);
    }

    [Test]
    public void Run_EnvelopeRetrofit_LowersHeatingOfTheRetrofittedBuildingsOnly()
    {
        BuildingDescription[] city = City(20);
        var factors = Enumerable.Repeat(1.0, 20).ToArray();
        factors[4] = 0.5;
        EnergyYearResult before = EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { BuildingsPerFeeder = 5 });
        EnergyYearResult after = EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { BuildingsPerFeeder = 5, UFactorByBuilding = factors });
        Assert.Multiple(() =>
        {
            Assert.That(after.HeatingKWh[4], Is.LessThan(0.9 * before.HeatingKWh[4]), "halving U-values cuts heating need");
            Assert.That(after.HeatingKWh.Where((_, i) => i != 4), Is.EqualTo(before.HeatingKWh.Where((_, i) => i != 4)), "no other building changes");
            Assert.That(() => EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { UFactorByBuilding = [1.0] }),
                Throws.ArgumentException.With.Message.Contains("1 entries for 20 buildings"));
        });
    }

    [Test]
    public void Run_BuildingWithoutFloorArea_SkippedAndCounted()
    {
        BuildingDescription[] city = City(10);
        city[3].FootprintAreaM2 = 0.0;
        city[7].Storeys = 0;
        EnergyYearResult r = EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { BuildingsPerFeeder = 5 });
        Assert.That(r.SkippedCount, Is.EqualTo(2));
        Assert.That(r.Simulated[3], Is.False);
        Assert.That(r.HeatingKWh[3], Is.EqualTo(0.0));
        Assert.That(r.Totals.Buildings, Is.EqualTo(8));
    }

    [Test]
    public void Run_SameInputs_BitIdenticalResults()
    {
        BuildingDescription[] city = City(120);
        var options = new EnergyYearOptions { BuildingsPerFeeder = 30, PvAdoptionShare = 0.5, Seed = 9 };
        EnergyYearResult a = EnergyYearRunner.Run(city, Weather, options);
        EnergyYearResult b = EnergyYearRunner.Run(city, Weather, options);
        Assert.That(b.HeatingKWh, Is.EqualTo(a.HeatingKWh));
        Assert.That(b.FeederHourlyNetLoadW, Is.EqualTo(a.FeederHourlyNetLoadW));
        Assert.That(b.Feeders.FeederOfBuilding, Is.EqualTo(a.Feeders.FeederOfBuilding));
    }

    [Test]
    public void Run_PvSpecificYield_PlausibleForClearSkyCentralEurope()
    {
        // Clear-sky synthetic year: specific yield above a real year's ~900–1,000 kWh/kWp but below ~1,900.
        BuildingDescription[] city = City(40);
        EnergyYearResult r = EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { PvAdoptionShare = 1.0 });
        double specific = r.Totals.PvKWh / r.Totals.PvCapacityKWp;
        Assert.That(specific, Is.InRange(1000.0, 1900.0));
    }

    [Test]
    public void WriteCityTotals_SyntheticWeather_Labelled()
    {
        EnergyYearResult r = EnergyYearRunner.Run(City(20), Weather);
        var sw = new StringWriter();
        EnergyCsvWriter.WriteCityTotals(sw, r);
        string[] lines = sw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain("\"SYNTHETIC clear-sky year"));
        Assert.That(lines[1].TrimEnd(), Does.EndWith(",true"));
    }

    [Test]
    public void WriteBuildingsAndFeederHours_RowCounts()
    {
        EnergyYearResult r = EnergyYearRunner.Run(City(20), Weather, new EnergyYearOptions { BuildingsPerFeeder = 10 });
        var buildings = new StringWriter();
        var feeders = new StringWriter();
        EnergyCsvWriter.WriteBuildings(buildings, r);
        EnergyCsvWriter.WriteFeederHours(feeders, r);
        Assert.That(buildings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(21));
        Assert.That(feeders.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1 + (2 * 8760)));
    }

    [Test]
    public void Run_HourlyBuildingOutput_SumsToAnnualNeeds()
    {
        BuildingDescription[] city = City(9);
        city[4].FootprintAreaM2 = 0.0;
        EnergyYearResult r = EnergyYearRunner.Run(city, Weather, new EnergyYearOptions { BuildingsPerFeeder = 3, HourlyBuildingOutput = true });
        double[] hourly = r.BuildingHourlyHeatingCoolingW!;
        for (int b = 0; b < 9; b++)
        {
            double heat = 0.0, cool = 0.0;
            for (int h = 0; h < r.HourCount; h++)
            {
                double w = hourly[(b * r.HourCount) + h];
                heat += Math.Max(w, 0.0);
                cool -= Math.Min(w, 0.0);
            }

            Assert.That(heat / 1000.0, Is.EqualTo(r.HeatingKWh[b]).Within(1e-9 * (1.0 + r.HeatingKWh[b])), $"building {b}");
            Assert.That(cool / 1000.0, Is.EqualTo(r.CoolingKWh[b]).Within(1e-9 * (1.0 + r.CoolingKWh[b])), $"building {b}");
        }
    }
}
