using Klinky.Testing;

namespace Klinky.Emulator.OpenApi.Tests.Support;

/// <summary>
/// Generates a Kiota C# client from the document a started emulator serves and builds it with the probe program
/// (<c>GeneratedClient/</c>) in a temporary folder, once for the test class; tests then run the program against emulators of
/// their own.
/// </summary>
public sealed class GeneratedClientFixture : IAsyncLifetime
{
    private DirectoryInfo? _folder;

    public string Folder => _folder?.FullName ?? throw new InvalidOperationException("Not generated");

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("klinky-openapi-kiota-");
        string document;
        await using (var emulator = await EmulatorProcess.StartAsync())
        {
            document = await ServedDocument.SaveAsync(emulator, Folder);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "GeneratedClient")))
        {
            File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
        }

        // The probe takes the Kiota runtime's versions from the repository's one list of versions.
        File.Copy(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"), Path.Combine(Folder, "Directory.Packages.props"));

        // From the repository root, so `dotnet kiota` is the version pinned in .config/dotnet-tools.json.
        var generate = await QuietTool.RunAsync(
            "dotnet",
            new[] { "kiota", "generate", "-l", "CSharp", "-d", document, "-o", Path.Combine(Folder, "Client"), "-n", "Klinky.Generated", "-c", "KlinkyApiClient", "--ebc", "--co", "--log-level", "Warning" },
            RepositoryPaths.Root);
        if (generate.ExitCode != 0)
        {
            throw new InvalidOperationException("kiota generate failed: " + generate);
        }

        var build = await QuietTool.RunAsync("dotnet", new[] { "build", "-c", "Release", "-nologo", "-v", "q" }, Folder);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("The generated client did not build: " + build);
        }
    }

    /// <summary>Runs the probe against <paramref name="emulator"/> (trusting its certificate when it speaks https).</summary>
    public Task<ToolRun> RunAsync(EmulatorProcess emulator, string slugPrefix)
    {
        var arguments = new List<string> { Path.Combine(Folder, "bin", "Release", "net10.0", "ClientProbe.dll"), emulator.BaseUrl, slugPrefix };
        if (emulator.CertificatePath is { } certificate)
        {
            arguments.Add(certificate);
        }

        return QuietTool.RunAsync("dotnet", arguments, Folder, new Dictionary<string, string> { ["KLINKY_API_KEY"] = emulator.ApiKey });
    }

    public Task DisposeAsync()
    {
        _folder?.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
