using System.IO.Compression;
using System.Xml.Linq;
using Klinky.Testing;

namespace Klinky.Release.Tests.Packaging;

/// <summary>One package that build.sh packed into artifacts/packages, opened as NuGet would open it.</summary>
public sealed class PackedPackage : IDisposable
{
    private readonly ZipArchive _zip;

    private PackedPackage(string path)
    {
        Path = path;
        _zip = ZipFile.OpenRead(path);
        var nuspec = _zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        Metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public static string Folder => System.IO.Path.Combine(RepositoryPaths.Artifacts, "packages");

    public string Path { get; }

    public XElement Metadata { get; }

    public IEnumerable<string> Files => _zip.Entries.Select(e => e.FullName);

    /// <summary>The single <c>{id}.{version}.nupkg</c> in artifacts/packages (build.sh empties the folder before packing).</summary>
    public static PackedPackage Open(string id)
    {
        var candidates = Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, id + ".*.nupkg").Where(p => char.IsDigit(System.IO.Path.GetFileName(p)[id.Length + 1])).ToArray()
            : Array.Empty<string>();
        return candidates.Length == 1
            ? new PackedPackage(candidates[0])
            : throw new InvalidOperationException($"Expected one {id} package in {Folder}, found {candidates.Length}: run ./build.sh first.");
    }

    public string? Value(string element) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element)?.Value;

    public XElement? Element(string element) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == element);

    public string ReadText(string entry)
    {
        using var reader = new StreamReader(_zip.GetEntry(entry)?.Open() ?? throw new FileNotFoundException($"{entry} is not in {Path}"));
        return reader.ReadToEnd();
    }

    public byte[] ReadBytes(string entry)
    {
        using var stream = _zip.GetEntry(entry)?.Open() ?? throw new FileNotFoundException($"{entry} is not in {Path}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
