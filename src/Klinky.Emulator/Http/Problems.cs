using Klinky.Emulator.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klinky.Emulator.Http;

/// <summary>The error answers of the API, in Klinky's body shapes (never ProblemDetails).</summary>
internal static class Problems
{
    public static JsonHttpResult<ErrorDetail> Status(int status, string detail) => TypedResults.Json(new ErrorDetail(detail), WireJson.Options, statusCode: status);

    public static NotFound<ErrorDetail> LinkNotFound() => TypedResults.NotFound(new ErrorDetail("Link not found"));

    public static UnprocessableEntity<ValidationErrors> Invalid(string root, IEnumerable<KlinkyFieldError> errors) =>
        TypedResults.UnprocessableEntity(new ValidationErrors(errors.Select(e => new ValidationError(ErrorLocation.Of(root, e.Field), e.Message, "value_error")).ToList()));

    public static UnprocessableEntity<ValidationErrors> Invalid(IReadOnlyList<object> loc, string message, string type) =>
        TypedResults.UnprocessableEntity(new ValidationErrors(new[] { new ValidationError(loc, message, type) }));

    public static Workspace Workspace(this HttpContext context) => ApiGateMiddleware.WorkspaceOf(context);

    /// <summary>Where this emulator is reached, for <c>short_url</c>: the scheme and host the caller used.</summary>
    public static string RootUrl(this HttpContext context) => context.Request.Scheme + "://" + context.Request.Host.Value;
}
