using System.Diagnostics;
using System.Formats.Tar;

namespace Klinky.Action.Tests.Container;

/// <summary>
/// What a user's runner pulls: the published program on a chiseled runtime, and nothing else: no SDK, no shell, no
/// package manager, no tests or sources (the build stage and .dockerignore keep them out).
/// </summary>
public sealed class ImageContentsTests
{
    [ContainerFact]
    public async Task Image_HoldsTheRuntimeAndTheProgram_WithoutSdkShellOrTestAssets()
    {
        var files = await ListFilesAsync(ContainerRun.Image!);

        Assert.Contains("app/Klinky.Action.dll", files);
        Assert.Contains(files, f => f.StartsWith("usr/share/dotnet/shared/Microsoft.NETCore.App/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("usr/share/dotnet/sdk/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("usr/share/dotnet/shared/Microsoft.AspNetCore.App/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f is "bin/sh" or "usr/bin/sh" or "bin/bash" or "usr/bin/bash" or "usr/bin/apt" or "usr/bin/dpkg");
        Assert.DoesNotContain(files, f => f.Contains(".Tests", StringComparison.Ordinal) || f.Contains("/fixtures/", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("src/", StringComparison.Ordinal) || f.StartsWith("app/src/", StringComparison.Ordinal));
    }

    /// <summary>Every file of the image's file system (<c>podman create</c>, then <c>podman export</c> read as a tar stream).</summary>
    private static async Task<List<string>> ListFilesAsync(string image)
    {
        var id = (await RunAsync("create", "--pull=never", image)).Trim();
        try
        {
            var start = new ProcessStartInfo("podman") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("export");
            start.ArgumentList.Add(id);
            using var process = Process.Start(start)!;
            var files = new List<string>();
            using (var reader = new TarReader(process.StandardOutput.BaseStream))
            {
                while (await reader.GetNextEntryAsync() is { } entry)
                {
                    files.Add(entry.Name.TrimStart('.', '/'));
                }
            }

            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return files;
        }
        finally
        {
            await RunAsync("rm", id);
        }
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("podman") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"podman {string.Join(' ', arguments)}: {stderr}");
        return stdout;
    }
}
