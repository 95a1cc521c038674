namespace Klinky.Build.Diagnostics;

/// <summary>A coded diagnostic (<c>KLINKY001</c>) with its help page under <c>docs/diagnostics/</c> in the repository.</summary>
internal sealed record KlinkyDiagnostic(string Code, string Title)
{
    private const string HelpRoot = "https://github.com/klinky/action/blob/main/docs/diagnostics/";

    public string HelpLink => HelpRoot + Code + ".md";
}
