using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Storage;

// Paths, permissions and /proc as Linux and macOS have them.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseStartupTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-db-start-").FullName;
    private readonly List<string> _immutable = new();

    public static TheoryData<string> UnusableKinds => new() { "not-sqlite", "directory", "read-only-file", "read-only-folder", "under-proc" };

    [Theory]
    [MemberData(nameof(UnusableKinds))]
    public async Task Serve_UnusableDatabase_ExitsTwoWithOneLineNamingThePathAndReason(string kind)
    {
        var (path, reason) = await PrepareAsync(kind);

        var (exitCode, output, error) = await EmulatorRun.RunAsync(new[] { "--urls", "http://127.0.0.1:0", "--api-key", "klinky_live_startup", "--db", path }, timeout: TimeSpan.FromMinutes(2));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"klinky-emulator: cannot use database '{path}': ", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ADatabaseAnotherEmulatorIsServing_ExitsTwoNamingItsClickJournal()
    {
        var path = Path.Combine(_folder, "shared.db");
        await using var first = await Klinky.Testing.EmulatorProcess.StartAsync(new Klinky.Testing.EmulatorOptions { ApiKeys = new[] { "klinky_live_startup" }, DatabasePath = path });

        var (exitCode, output, error) = await EmulatorRun.RunAsync(new[] { "--urls", "http://127.0.0.1:0", "--api-key", "klinky_live_startup", "--db", path }, timeout: TimeSpan.FromMinutes(2));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"klinky-emulator: cannot use database '{path}': its click journal cannot be opened for writing", line, StringComparison.Ordinal);
        Assert.Contains(path + "-clicks0", line, StringComparison.Ordinal);
        Assert.Contains("another emulator", line, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", output, StringComparison.Ordinal);
    }

    private async Task<(string Path, string Reason)> PrepareAsync(string kind)
    {
        switch (kind)
        {
            case "not-sqlite":
                var text = Path.Combine(_folder, "notes.db");
                await File.WriteAllTextAsync(text, "these are not the pages of an SQLite database, but they are long enough to look like a header");
                return (text, "not an SQLite database");
            case "directory":
                return (_folder, "is a directory");
            case "read-only-file":
                var file = Path.Combine(_folder, "read-only.db");
                var (created, _, _) = await EmulatorRun.RunAsync(new[] { "seed", "--db", file, "--api-key", "klinky_live_startup", "--slug", "seeded", "--clicks", "0" });
                Assert.Equal(0, created);
                await MakeReadOnlyAsync(file);
                return (file, "cannot be written");
            case "read-only-folder":
                var folder = Path.Combine(_folder, "locked");
                Directory.CreateDirectory(folder);
                await MakeReadOnlyAsync(folder);
                return (Path.Combine(folder, "emulator.db"), "cannot be opened or created");
            default:
                return ("/proc/klinky/emulator.db", "/proc/klinky");
        }
    }

    // Root ignores permission bits, so as root the file is made immutable instead (chattr +i), which binds root too.
    private async Task MakeReadOnlyAsync(string path)
    {
        if (Environment.UserName == "root")
        {
            var chattr = await ToolRun.RunAsync("chattr", ["+i", path]);
            Assert.True(chattr.ExitCode == 0, chattr.ToString());
            _immutable.Add(path);
        }
        else
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var path in _immutable)
        {
            await ToolRun.RunAsync("chattr", ["-i", path]);
        }

        foreach (var path in Directory.EnumerateFileSystemEntries(_folder, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_folder, recursive: true);
    }
}
