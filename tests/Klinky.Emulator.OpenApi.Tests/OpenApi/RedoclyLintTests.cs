using System.Text.Json;
using Klinky.Emulator.OpenApi.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.OpenApi.Tests.OpenApi;

public sealed class RedoclyLintTests
{
    // Pinned: a new Redocly release may add rules, which should be a deliberate upgrade, not a surprise failure.
    private const string Redocly = "@redocly/cli@2.77.0";

    [Fact]
    public async Task ServedDocument_LintedWithRedoclyRecommendedRules_HasNoErrorsOrWarnings()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        var folder = Directory.CreateTempSubdirectory("klinky-openapi-lint-");
        try
        {
            var document = await ServedDocument.SaveAsync(emulator, folder.FullName);

            // No configuration file: Redocly's built-in "recommended" rule set, run on the local file without any upload.
            var lint = await QuietTool.RunAsync("npx", new[] { "--yes", Redocly, "lint", document, "--format=json" }, folder.FullName);

            using var report = JsonDocument.Parse(lint.Output);
            var totals = report.RootElement.GetProperty("totals");
            var problems = string.Join('\n', report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}"));
            Assert.True(totals.GetProperty("errors").GetInt32() == 0, problems);
            Assert.True(totals.GetProperty("warnings").GetInt32() == 0, problems);
            Assert.Equal(0, lint.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
