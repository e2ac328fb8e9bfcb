namespace CityTwin.Scenarios.Loading;

/// <summary>One problem in a scenario file, with where it is.</summary>
/// <param name="File">The file (as given, or resolved through <c>base:</c>).</param>
/// <param name="Line">1-based line, or 0 when not known.</param>
/// <param name="Column">1-based column, or 0 when not known.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>The compiler-style form <c>file:line:column: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
