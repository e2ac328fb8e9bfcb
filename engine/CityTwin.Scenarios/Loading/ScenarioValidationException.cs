namespace CityTwin.Scenarios.Loading;

/// <summary>
/// A scenario (or sweep) file is invalid. Carries every problem found, not just the first, so that a user fixes them
/// all in one go; nothing runs until the whole file is valid.
/// </summary>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The problems (at least one).</param>
    public ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The message.</param>
    public ScenarioValidationException(string message)
        : this([new ScenarioError("scenario", 0, 0, message)])
    {
    }

    /// <summary>Creates an exception with no location.</summary>
    public ScenarioValidationException()
        : this("invalid scenario")
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public ScenarioValidationException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [new ScenarioError("scenario", 0, 0, message)];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Format(IReadOnlyList<ScenarioError> errors) =>
        errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors);
}
