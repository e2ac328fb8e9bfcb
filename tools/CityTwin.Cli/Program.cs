using System.CommandLine;
using CityTwin.Cli.Commands;

namespace CityTwin.Cli;

/// <summary>The <c>citytwin</c> command line. Each command lives in its own file under <c>Commands/</c>.</summary>
public static class Program
{
    /// <summary>Parses the arguments and runs the chosen command.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit code (0 on success).</returns>
    public static int Main(string[] args)
    {
        var root = new RootCommand("CityTwin: a digital twin and traffic/energy simulation engine for cities.")
        {
            RunCommand.Create(),
            CompareCommand.Create(),
            SweepCommand.Create(),
            DemoCommand.Create(),
            ImportCommand.Create(),
            InfoCommand.Create(),
            TrafficCommand.Create(),
            EnergyCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
