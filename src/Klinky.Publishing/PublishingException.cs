namespace Klinky.Publishing;

/// <summary>
/// A code-hosting platform refused or failed a report call. The message says where, why, and what to grant when a
/// permission is missing; it never holds a token.
/// </summary>
public class PublishingException : Exception
{
    public PublishingException(string message, string platform, int? status, Exception? inner = null)
        : base(message, inner)
    {
        Platform = platform;
        Status = status;
    }

    public string Platform { get; }

    /// <summary>The HTTP status, when the platform answered.</summary>
    public int? Status { get; }

    /// <summary>A missing permission or a wrong token: configuration, which the next run will not fix on its own.</summary>
    public bool IsPermission => Status is 401 or 403;
}
