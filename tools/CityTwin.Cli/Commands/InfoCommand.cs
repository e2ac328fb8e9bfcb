using System.CommandLine;
using CityTwin.Model.Cache;
using CityTwin.Model.Reporting;

namespace CityTwin.Cli.Commands;

/// <summary><c>citytwin info &lt;city.ctw&gt;</c>: loads a city cache and prints the same summary as <c>import</c>.</summary>
public static class InfoCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("city") { Description = "City cache written by 'citytwin import' (.ctw)" };
        var command = new Command("info", "Print the summary of a city model cache (.ctw).") { file };
        command.SetAction(result => Run(result.GetValue(file)!));
        return command;
    }

    private static int Run(FileInfo file)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"error: {file.FullName}: file not found.");
            return 1;
        }

        try
        {
            var model = CityModelCache.Load(file.FullName);
            Console.Write(new CitySummary(model).ToString());
            return 0;
        }
        catch (CacheFormatException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
