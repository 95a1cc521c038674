using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Klinky.Testing.GitHub;

/// <summary>Injected failures: the next matching requests get a chosen status, headers and message instead of an answer.</summary>
public sealed partial class FakeGitHub
{
    private readonly ConcurrentQueue<FakeFault> _faults = new();

    /// <summary>
    /// The next <paramref name="times"/> requests of <paramref name="method"/> whose path contains
    /// <paramref name="pathContains"/> are answered with <paramref name="status"/>, GitHub's JSON message and the headers.
    /// </summary>
    public void FailNext(string method, string pathContains, int status, string message, IReadOnlyDictionary<string, string>? headers = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new FakeFault(method, pathContains, status, message, headers ?? new Dictionary<string, string>()));
        }
    }

    private async Task<bool> TryFailAsync(HttpContext context)
    {
        var path = context.Request.Path.ToString();
        if (!_faults.TryPeek(out var fault) || fault.Method != context.Request.Method || !path.Contains(fault.PathContains, StringComparison.Ordinal)
            || !_faults.TryDequeue(out fault))
        {
            return false;
        }

        context.Response.StatusCode = fault.Status;
        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { message = fault.Message, documentation_url = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" }));
        return true;
    }
}
