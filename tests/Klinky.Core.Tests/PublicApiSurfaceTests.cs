using System.Xml.Linq;
using Klinky.Testing;

namespace Klinky.Tests;

/// <summary>
/// Core's public API is what its users call (docs/core.md, "What a Core user calls"), no larger: plumbing is internal,
/// and the shipped products compile in the few internal rules they share with Core (shared source) instead of being
/// granted Core's internals.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    // The ceiling of PublicAPI.Unshipped.txt, a ratchet: a new public member must earn its line (or another must go),
    // and the ceiling comes down as types go internal. What is left is what a Core user calls: the clients and their
    // options and requests (whose init setters users fill in), the read-only results, one model factory for the
    // response models a mock or a product builds (Link, Click, ConversionResult), the exception constructors (a
    // caller's mock of the virtual sub-clients throws them), and the value equality of LinkStats, which callers copy
    // with 'with' (a report's saved figures set where the stats came from: Link, Source, RequestCost).
    private const int MaxPublicApiLines = 450;

    // Assembly names of what ships: the action, the emulator, the publishing layer, the MSBuild task, the module.
    private static readonly string[] ShippedProducts = { "Klinky.Action", "Klinky.Emulator", "Klinky.Publishing", "Klinky.Build", "Klinky", "Klinky.PowerShell" };

    private static string CorePath(string file) => Path.Combine(RepositoryPaths.Root, "src", "Klinky.Core", file);

    [Fact]
    public void PublicApi_StaysWithinItsCeiling()
    {
        var lines = File.ReadAllLines(CorePath("PublicAPI.Unshipped.txt")).Count(l => l.Trim().Length > 0 && !l.StartsWith('#'));

        Assert.True(lines > 0, "PublicAPI.Unshipped.txt was not read");
        Assert.True(lines <= MaxPublicApiLines, $"Core's public API has {lines} lines (at most {MaxPublicApiLines}): make plumbing internal, or share it with the product that needs it as source.");
    }

    [Fact]
    public void Core_GrantsItsInternalsToNoShippedProduct()
    {
        var granted = XDocument.Load(CorePath("Klinky.Core.csproj")).Descendants("InternalsVisibleTo")
            .Select(e => (string?)e.Attribute("Include") ?? "").ToList();

        // The scan can fail: Core's own tests are granted its internals, so they are found.
        Assert.Contains("Klinky.Core.Tests", granted);
        Assert.Empty(granted.Intersect(ShippedProducts, StringComparer.OrdinalIgnoreCase));
    }
}
