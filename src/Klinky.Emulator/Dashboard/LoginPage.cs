namespace Klinky.Emulator.Dashboard;

/// <summary>The login form shown to other addresses (with <c>--dashboard-remote</c>): the key is posted once and never shown back.</summary>
internal static class LoginPage
{
    public static Task WriteAsync(HttpContext context, string csrf, string? error, int status)
    {
        var message = error is null ? "" : $"""<p class="error" role="alert">{Html.E(error)}</p>""";
        var body = $"""
            <p>This dashboard is opened to other addresses than loopback: sign in with one of the emulator's API keys. You then see that key's workspace only.</p>
            {message}
            <form method="post" action="{DashboardGate.LoginPath}" class="card">
            {Html.CsrfField(csrf)}
            <label for="api_key">API key</label>
            <input id="api_key" name="api_key" type="password" autocomplete="off" required>
            <button type="submit">Sign in</button>
            </form>
            """;
        return DashboardResponses.HtmlAsync(context, Html.Page("Sign in", body), status);
    }
}
