using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Klinky.Release.Tests.Packaging;

/// <summary>The packed packages as nuget.org shows them: README, icon, tags, repository, symbols.</summary>
public sealed class PackageMetadataTests
{
    public const string Repository = "https://github.com/klinky/action";

    public static TheoryData<string> Packages => new() { "Klinky.Core", "Klinky.Build", "klinky-emulator" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_CarriesItsOwnReadme_IconTagsAndRepository(string id)
    {
        using var package = PackedPackage.Open(id);

        Assert.Equal("README.md", package.Value("readme"));
        var readme = package.ReadText("README.md");
        Assert.StartsWith("# " + id, readme, StringComparison.Ordinal);
        Assert.Contains(Repository, readme, StringComparison.Ordinal);
        Assert.Equal("icon.png", package.Value("icon"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, package.ReadBytes("icon.png")[..4]);
        Assert.Contains("klinky", package.Value("tags")!.Split(' '));
        Assert.Equal("MIT", package.Value("license"));
        Assert.Equal(Repository, package.Value("projectUrl"));
        var repository = package.Element("repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(Repository, repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
    }

    [Theory]
    [InlineData("Klinky.Core", "lib/net8.0/Klinky.Core")]
    [InlineData("Klinky.Core", "lib/netstandard2.0/Klinky.Core")]
    [InlineData("klinky-emulator", "tools/net10.0/any/Klinky.Emulator")]
    public void SymbolPackage_HoldsThePdbOfEveryShippedAssembly(string id, string assembly)
    {
        using var package = PackedPackage.Open(id);
        var symbols = Path.ChangeExtension(package.Path, ".snupkg");
        Assert.True(File.Exists(symbols), $"no symbol package beside {package.Path}");
        using var zip = ZipFile.OpenRead(symbols);

        var pdb = zip.GetEntry(assembly + ".pdb");
        Assert.NotNull(pdb);
        Assert.Contains(assembly + ".dll", package.Files);
        using var stream = new MemoryStream();
        using (var source = pdb.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        Assert.NotEmpty(provider.GetMetadataReader().Documents);
    }

    [Fact]
    public void KlinkyBuild_EmbedsItsPdbInTheTaskAssembly()
    {
        using var package = PackedPackage.Open("Klinky.Build");

        using var pe = new PEReader(new MemoryStream(package.ReadBytes("tasks/net8.0/Klinky.Build.dll")));
        Assert.Contains(pe.ReadDebugDirectory(), d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
    }

    [Fact]
    public void EmulatorTool_RollsForwardToLaterMajorVersions()
    {
        using var package = PackedPackage.Open("klinky-emulator");

        Assert.Contains("\"rollForward\": \"Major\"", package.ReadText("tools/net10.0/any/Klinky.Emulator.runtimeconfig.json"), StringComparison.Ordinal);
        Assert.Contains("Command Name=\"klinky-emulator\"", package.ReadText("tools/net10.0/any/DotnetToolSettings.xml"), StringComparison.Ordinal);
    }
}
