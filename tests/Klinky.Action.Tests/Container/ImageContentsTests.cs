using System.Formats.Tar;
using Klinky.Testing;

namespace Klinky.Action.Tests.Container;

/// <summary>
/// What a user's runner pulls: the published native program on a chiseled runtime-deps base, and nothing else: no .NET
/// runtime or SDK, no shell, no package manager, no tests or sources (the build stage and .dockerignore keep them out).
/// </summary>
public sealed class ImageContentsTests
{
    [ContainerFact]
    public async Task Image_HoldsTheNativeProgram_WithoutRuntimeSdkShellOrTestAssets()
    {
        var files = await ListFilesAsync(ContainerRun.Image!);

        Assert.Equal(["app/Klinky.Action"], files.Where(f => f.StartsWith("app/", StringComparison.Ordinal) && f != "app/").ToArray());
        Assert.DoesNotContain(files, f => f.StartsWith("usr/share/dotnet/", StringComparison.Ordinal) || f.EndsWith(".dll", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f is "bin/sh" or "usr/bin/sh" or "bin/bash" or "usr/bin/bash" or "usr/bin/apt" or "usr/bin/dpkg");
        Assert.DoesNotContain(files, f => f.Contains(".Tests", StringComparison.Ordinal) || f.Contains("/fixtures/", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("src/", StringComparison.Ordinal) || f.StartsWith("app/src/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The image is built on the Dockerfile's runtime base as <c>./build.sh container</c> reported it: its layers begin with
    /// the base's, and the base is Microsoft's (no stand-in label) when a registry answered, a labelled stand-in offline.
    /// </summary>
    [ContainerFact]
    public async Task Image_StartsWithTheLayersOfTheDockerfilesRuntimeBase_RealWhenOnline()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Klinky.Testing.RepositoryPaths.Root, "action", "Dockerfile"));
        var runtimeBase = dockerfile.Last(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var imageLayers = (await RunAsync("image", "inspect", "--format", "{{json .RootFS.Layers}}", ContainerRun.Image!)).Trim();
        var baseLayers = (await RunAsync("image", "inspect", "--format", "{{json .RootFS.Layers}}", runtimeBase)).Trim();
        var standIn = (await RunAsync("image", "inspect", "--format", "{{ index .Config.Labels \"org.klinky.stand-in\" }}", runtimeBase)).Trim();

        Assert.StartsWith(baseLayers.TrimEnd(']'), imageLayers, StringComparison.Ordinal);
        Assert.True(imageLayers.Length > baseLayers.Length, "the image adds no layer to its base");
        var bases = Environment.GetEnvironmentVariable("KLINKY_CONTAINER_BASES");
        Assert.True(bases is "real" or "stand-in", $"KLINKY_CONTAINER_BASES is '{bases}', not what .ci/container.sh reports");
        if (bases == "real")
        {
            Assert.True(standIn is "" or "<no value>", $"{runtimeBase} is a stand-in ({standIn}) though the registry answered");
        }
        else
        {
            Assert.Matches("^[0-9a-f]{16}$", standIn);
        }
    }

    /// <summary>Every file of the image's file system (<c>create</c>, then <c>export</c> to a tar file, read back).</summary>
    private static async Task<List<string>> ListFilesAsync(string image)
    {
        var id = (await RunAsync("create", "--pull=never", image)).Trim();
        var tar = Path.Combine(Path.GetTempPath(), $"klinky-image-{Guid.NewGuid():N}.tar");
        try
        {
            await RunAsync("export", "--output", tar, id);
            var files = new List<string>();
            await using (var stream = File.OpenRead(tar))
            using (var reader = new TarReader(stream))
            {
                while (await reader.GetNextEntryAsync() is { } entry)
                {
                    files.Add(entry.Name.TrimStart('.', '/'));
                }
            }

            return files;
        }
        finally
        {
            File.Delete(tar);
            await RunAsync("rm", id);
        }
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var run = await ToolRun.RunAsync(ContainerRun.Engine, arguments);
        Assert.True(run.ExitCode == 0, $"{ContainerRun.Engine} {string.Join(' ', arguments)}: {run.Errors}");
        return run.Output;
    }
}
