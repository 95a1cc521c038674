using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Tests.CommandLine;

public sealed class ServeArgumentsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-args-").FullName;

    [Fact]
    public void Parse_NoKeyWithADatabaseFile_KeepsTheGeneratedKeyAcrossRestarts()
    {
        var db = Path.Combine(_folder, "data", "emulator.db");

        var first = ServeArguments.Parse(new[] { "--db", db });
        var second = ServeArguments.Parse(new[] { "--db", db });

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
    public void Parse_InMemoryOrSuppliedKey_WritesNoKeyFile()
    {
        var db = Path.Combine(_folder, "given.db");

        var inMemory = ServeArguments.Parse(new[] { "--in-memory" });
        var supplied = ServeArguments.Parse(new[] { "--db", db, "--api-key", "klinky_live_supplied" });

        Assert.NotEqual(inMemory.ApiKeys[0], ServeArguments.Parse(new[] { "--in-memory" }).ApiKeys[0]);
        Assert.False(supplied.KeyGenerated);
        Assert.Equal(new[] { "klinky_live_supplied" }, supplied.ApiKeys);
        Assert.False(File.Exists(db + ".key"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
