using System.Globalization;
using System.Text;
using CityTwin.Simulation.Energy.Weather;

namespace CityTwin.Simulation.Tests.Energy.Weather;

public class EpwReaderTests
{
    private const string Header =
        "LOCATION,Golden,CO,USA,TMY3,724666,39.74,-105.18,-7.0,1829.0\n"
        + "DESIGN CONDITIONS,0\nTYPICAL/EXTREME PERIODS,0\nGROUND TEMPERATURES,0\n"
        + "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\nCOMMENTS 1,test\nCOMMENTS 2,test\nDATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n";

    /// <summary>A well-formed EPW of 8760 hours: temperature = hour of day, GHI 100 W/m² at noon only.</summary>
    private static string Epw(Func<int, string>? replaceLine = null)
    {
        var sb = new StringBuilder(Header);
        var day = new DateTime(2001, 1, 1);
        for (int h = 0; h < 8760; h++)
        {
            DateTime t = day.AddHours(h);
            string line = string.Create(
                CultureInfo.InvariantCulture,
                $"2001,{t.Month},{t.Day},{t.Hour + 1},60,A7A7,{t.Hour}.0,-5.0,50,81000,0,1415,250,{(t.Hour == 12 ? 100 : 0)},{(t.Hour == 12 ? 50 : 0)},{(t.Hour == 12 ? 60 : 0)},0,0,0,0,180,3.5,5,5,16.0,77777,9,999999999,0,0.03,0,88,0.0,0.0,1.0");
            sb.Append(replaceLine?.Invoke(h) ?? line).Append('\n');
        }

        return sb.ToString();
    }

    [Test]
    public void Read_WellFormedFile_ReadsLocationAndSeries()
    {
        HourlyWeather w = EpwReader.Read(new StringReader(Epw()), "golden.epw");
        Assert.That(w.HourCount, Is.EqualTo(8760));
        Assert.That(w.LatitudeDeg, Is.EqualTo(39.74));
        Assert.That(w.LongitudeDeg, Is.EqualTo(-105.18));
        Assert.That(w.UtcOffsetHours, Is.EqualTo(-7.0));
        Assert.That(w.Year, Is.EqualTo(2001));
        Assert.That(w.IsSynthetic, Is.False);
        Assert.That(w.DryBulbC[13], Is.EqualTo(13.0));
        Assert.That(w.GlobalHorizontalWm2[12], Is.EqualTo(100.0));
        Assert.That(w.DirectNormalWm2[12], Is.EqualTo(50.0));
        Assert.That(w.DiffuseHorizontalWm2[12], Is.EqualTo(60.0));
        Assert.That(w.WindSpeedMps[0], Is.EqualTo(3.5));
    }

    [Test]
    public void Read_UnparsableTemperature_ErrorNamesFileLineAndField()
    {
        string text = Epw(h => h == 100 ? "2001,1,5,5,60,A7A7,abc,-5.0,50,81000,0,1415,250,0,0,0,0,0,0,0,180,3.5,5,5,16.0,77777,9,999999999,0,0.03,0,88,0.0,0.0,1.0" : null!);
        EpwFormatException? e = Assert.Throws<EpwFormatException>(() => EpwReader.Read(new StringReader(text), "bad.epw"));
        Assert.That(e!.Message, Does.Contain("bad.epw, line 109, field 'Dry Bulb Temperature'"));
        Assert.That(e.LineNumber, Is.EqualTo(109));
    }

    [Test]
    public void Read_ShortLine_ErrorNamesLine()
    {
        string text = Epw(h => h == 0 ? "2001,1,1,1,60" : null!);
        EpwFormatException? e = Assert.Throws<EpwFormatException>(() => EpwReader.Read(new StringReader(text), "short.epw"));
        Assert.That(e!.Message, Does.Contain("short.epw, line 9"));
        Assert.That(e.Message, Does.Contain("5 fields"));
    }

    [Test]
    public void Read_MissingCodeInGhi_ErrorNamesField()
    {
        string text = Epw(h => h == 2 ? "2001,1,1,3,60,A7A7,1.0,-5.0,50,81000,0,1415,250,9999,0,0,0,0,0,0,180,3.5,5,5,16.0,77777,9,999999999,0,0.03,0,88,0.0,0.0,1.0" : null!);
        EpwFormatException? e = Assert.Throws<EpwFormatException>(() => EpwReader.Read(new StringReader(text), "m.epw"));
        Assert.That(e!.FieldName, Is.EqualTo("Global Horizontal Radiation"));
        Assert.That(e.LineNumber, Is.EqualTo(11));
    }

    [Test]
    public void Read_NoLocationLine_Refused()
    {
        EpwFormatException? e = Assert.Throws<EpwFormatException>(() => EpwReader.Read(new StringReader("hello\n"), "x.epw"));
        Assert.That(e!.Message, Does.Contain("x.epw, line 1"));
    }

    [Test]
    public void Read_TruncatedFile_ReportsHourCount()
    {
        string text = Epw();
        string truncated = text[..text.IndexOf("2001,6,1,", StringComparison.Ordinal)];
        EpwFormatException? e = Assert.Throws<EpwFormatException>(() => EpwReader.Read(new StringReader(truncated), "t.epw"));
        Assert.That(e!.Message, Does.Contain("3624 hourly records"));
    }

    [Test]
    public void ReadFile_MissingFile_Throws()
    {
        Assert.That(() => EpwReader.ReadFile("/nonexistent/none.epw"), Throws.InstanceOf<IOException>());
    }
}
