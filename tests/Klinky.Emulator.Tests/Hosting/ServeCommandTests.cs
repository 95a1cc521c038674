using Klinky.Testing;

namespace Klinky.Emulator.Tests.Hosting;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Sigterm_StopsCleanly_AndSuppliedKeysAreNeverPrinted()
    {
        var key = EmulatorProcess.NewApiKey();
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = new[] { key } });
        using var api = new HttpClient();
        api.DefaultRequestHeaders.Add("X-API-Key", key);
        using var _ = await api.GetAsync(emulator.BaseUrl + "/public/links");

        var exitCode = await emulator.StopAsync();

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Klinky emulator listening on http://127\.0\.0\.1:\d+\n", emulator.Output.Replace("\r", "", StringComparison.Ordinal));
        Assert.DoesNotContain(key, emulator.Output);
    }
}
