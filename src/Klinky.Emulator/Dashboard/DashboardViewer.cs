using Klinky.Emulator.Security;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// Who is looking: on loopback, the emulator's user (every workspace); from elsewhere, the workspace of the key they logged in
/// with. <see cref="CsrfScope"/> ties the forms' tokens to that.
/// </summary>
internal sealed record DashboardViewer(Workspace? Only, string CsrfScope)
{
    public const string LoopbackScope = "loopback";
    public const string LoginScope = "login";
    private const string Item = "klinky.dashboard.viewer";

    public bool Sees(string workspaceId) => Only is null || Only.Id == workspaceId;

    public static DashboardViewer Of(HttpContext context) =>
        context.Items[Item] as DashboardViewer ?? throw new InvalidOperationException("No viewer: the route is outside the dashboard's gate.");

    public void AttachTo(HttpContext context) => context.Items[Item] = this;
}
