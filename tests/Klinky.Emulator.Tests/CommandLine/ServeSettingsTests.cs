using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Tests.CommandLine;

public sealed class ServeSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-args-").FullName;

    [Fact]
    public void WithKeys_NoKeyWithADatabaseFile_KeepsTheGeneratedKeyAcrossRestarts()
    {
        var db = Path.Combine(_folder, "data", "emulator.db");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);

        var first = new ServeSettings { DatabasePath = db }.WithKeys();
        var second = new ServeSettings { DatabasePath = db }.WithKeys();

        Assert.True(first.KeyGenerated);
        Assert.StartsWith("klinky_live_", first.ApiKeys[0], StringComparison.Ordinal);
        Assert.Equal(first.ApiKeys[0], second.ApiKeys[0]);
        Assert.Equal(first.ApiKeys[0], File.ReadAllText(db + ".key"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db + ".key"));
        }
    }

    [Fact]
    public void WithKeys_InMemoryOrSuppliedKey_WritesNoKeyFile()
    {
        var db = Path.Combine(_folder, "given.db");

        var inMemory = new ServeSettings { DatabasePath = null }.WithKeys();
        var supplied = new ServeSettings { DatabasePath = db, ApiKeys = new[] { "klinky_live_supplied" } }.WithKeys();

        Assert.NotEqual(inMemory.ApiKeys[0], new ServeSettings { DatabasePath = null }.WithKeys().ApiKeys[0]);
        Assert.False(supplied.KeyGenerated);
        Assert.Equal(new[] { "klinky_live_supplied" }, supplied.ApiKeys);
        Assert.False(File.Exists(db + ".key"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
