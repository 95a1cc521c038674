namespace Klinky.Http;

/// <summary>A successful answer: its status and body text, before it is read as JSON.</summary>
internal sealed record KlinkyResponse(int StatusCode, string Body, string Method, string Url);
