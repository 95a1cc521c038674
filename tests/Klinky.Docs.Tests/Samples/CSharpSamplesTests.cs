namespace Klinky.Docs.Tests.Samples;

[Collection(SamplesCollection.Name)]
public sealed class CSharpSamplesTests(CSharpSampleApp app) : IClassFixture<CSharpSampleApp>
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var sample in DocSamples.All.Where(s => s.Language == "csharp"))
        {
            data.Add($"{sample.Page}:{sample.Line}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_PastedIntoANewConsoleApp_CompilesAndRunsTwiceAgainstTheEmulator(string where)
    {
        Assert.True(app.SetupFailure is null, app.SetupFailure);
        var sample = DocSamples.All.Single(s => $"{s.Page}:{s.Line}" == where);
        if (sample.Code.Contains("KlinkyClient", StringComparison.Ordinal))
        {
            Assert.True(sample.Code.Contains("CancellationToken", StringComparison.Ordinal), $"{sample}: a sample that calls Klinky passes a CancellationToken");
        }

        await File.WriteAllTextAsync(Path.Combine(app.AppFolder, "Program.cs"), app.Emulator.Localize(sample.Code));
        var build = await app.Home.DotnetAsync(app.AppFolder, "build", "-c", "Release", "-nologo", "-v", "q");
        Assert.True(build.ExitCode == 0, $"{sample} does not compile as pasted: {build}");

        var program = Directory.GetFiles(Path.Combine(app.AppFolder, "bin", "Release"), "KlinkyDemo.dll", SearchOption.AllDirectories).Single();
        var environment = app.Home.Environment();
        environment["KLINKY_BASE_URL"] = app.Emulator.Process.BaseUrl;
        environment["KLINKY_API_KEY"] = app.Emulator.ApiKey;
        for (var run = 1; run <= 2; run++)
        {
            var result = await CommandLine.RunAsync("dotnet", [program], app.AppFolder, environment, TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, $"{sample}, run {run}: {result}");
            Assert.DoesNotContain("Unhandled exception", result.Output, StringComparison.Ordinal);
        }
    }
}
