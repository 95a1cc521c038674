using Klinky.Emulator.Http;

namespace Klinky.Emulator.Chaos;

/// <summary>Injects the faults of <see cref="ChaosSpec"/> into authenticated <c>/api</c> answers (never into redirects).</summary>
internal sealed class ChaosMiddleware
{
    private static readonly int[] ServerErrors = { 500, 502, 503 };
    private readonly RequestDelegate _next;
    private readonly ChaosSpec _spec;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public ChaosMiddleware(RequestDelegate next, ChaosSpec spec)
    {
        _next = next;
        _spec = spec;
        _random = spec.Seed is { } seed ? new Random(seed) : new Random();
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (_spec.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_spec.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        double roll;
        int errorPick;
        lock (_gate)
        {
            roll = _random.NextDouble();
            errorPick = _random.Next(ServerErrors.Length);
        }

        if (roll < _spec.DropRate)
        {
            context.Abort();
            return;
        }

        roll -= _spec.DropRate;
        if (roll < _spec.ErrorRate)
        {
            var status = ServerErrors[errorPick];
            await ErrorWriter.WriteAsync(context, status, $"Chaos: injected {status}").ConfigureAwait(false);
            return;
        }

        roll -= _spec.ErrorRate;
        if (roll < _spec.RateLimitBurst)
        {
            context.Response.Headers.RetryAfter = "1";
            await ErrorWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, Security.ApiGateMiddleware.RateLimitedDetail).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }
}
