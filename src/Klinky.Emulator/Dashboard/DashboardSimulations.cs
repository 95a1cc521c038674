using System.Collections.Concurrent;
using Klinky.Emulator.Simulation;
using Klinky.Http;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// Simulations started from the dashboard: the <c>simulate</c> command's own engine (<see cref="SimulateCommand"/>) run in the
/// background against this emulator, over HTTP like any client, so its redirects and conversions take the real paths and its
/// API requests show in the budget. One at a time per link; the summary goes to the link's watchers when it ends.
/// </summary>
internal sealed class DashboardSimulations
{
    public const int MaxVisitors = 100_000;
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly LiveFeed _feed;
    private readonly CancellationToken _stopping;
    private readonly ILogger<DashboardSimulations> _logger;

    public DashboardSimulations(LiveFeed feed, IHostApplicationLifetime lifetime, ILogger<DashboardSimulations> logger)
    {
        _feed = feed;
        _stopping = lifetime.ApplicationStopping;
        _logger = logger;
    }

    /// <summary>Starts <paramref name="settings"/> for <paramref name="linkId"/>; false when one is already running for it.</summary>
    public bool TryStart(string linkId, SimulateSettings settings)
    {
        var gate = new TaskCompletionSource();
        if (!_running.TryAdd(linkId, gate.Task))
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            using var output = new StringWriter();
            int code;
            try
            {
                code = await SimulateCommand.RunAsync(settings, output, _stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                // The message only: the settings hold the key, and no exception text here can.
                _logger.LogWarning("A dashboard simulation of /{Slug} stopped: {Reason}", settings.Slug, ex.Message);
                output.WriteLine($"The simulation stopped: {ex.Message}");
                code = 1;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A fault of ours, not the network's: nobody awaits this task, so it is logged here (the type and the
                // redacted message; the settings hold the key) and the page is told the run ended, instead of waiting for
                // an end that never comes.
                _logger.LogError("A dashboard simulation of /{Slug} failed: {Type}: {Reason}", settings.Slug, ex.GetType().Name, SecretRedactor.Redact(ex.Message, settings.ApiKey));
                output.WriteLine("The simulation failed; the emulator's log says why.");
                code = 1;
            }
            finally
            {
                _running.TryRemove(linkId, out _);
                gate.SetResult();
            }

            _feed.Publish(linkId, "simulation", new { ok = code == 0, summary = output.ToString().TrimEnd() });
        });
        return true;
    }
}
