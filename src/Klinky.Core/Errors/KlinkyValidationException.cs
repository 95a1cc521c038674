namespace Klinky;

/// <summary>
/// Invalid input: raised by the client before any request is sent (StatusCode null), or for a 400/422 answer,
/// with the field errors the server gave.
/// </summary>
public sealed class KlinkyValidationException : KlinkyException
{
    public KlinkyValidationException(IReadOnlyList<KlinkyFieldError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    public KlinkyValidationException(string message, KlinkyCallInfo call, IReadOnlyList<KlinkyFieldError> errors)
        : base(message, call)
    {
        Errors = errors;
    }

    public IReadOnlyList<KlinkyFieldError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<KlinkyFieldError> errors) =>
        errors.Count == 1
            ? $"Invalid input: {errors[0]}"
            : "Invalid input:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
