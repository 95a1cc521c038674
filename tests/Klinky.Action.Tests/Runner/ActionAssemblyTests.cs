using Klinky.Action.Runner;

namespace Klinky.Action.Tests.Runner;

/// <summary>The action is a program, not a library: nothing in it is public (its tests see it through InternalsVisibleTo).</summary>
public sealed class ActionAssemblyTests
{
    [Fact]
    public void ActionAssembly_ExportsNoTypes() =>
        Assert.Empty(typeof(ActionRunner).Assembly.GetExportedTypes().Select(t => t.FullName));
}
