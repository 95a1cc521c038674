namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// One fenced code block of a documentation page, with the directive written before it
/// (<c>&lt;!-- sample: run --&gt;</c>, <c>&lt;!-- sample: skip: why --&gt;</c>, ...), which says how the tests treat it.
/// </summary>
public sealed record DocSample(string Page, int Line, string Language, string Code, string? Directive, string? Reason)
{
    public override string ToString() => $"{Page}:{Line} ({Language}{(Directive is null ? "" : ", " + Directive)})";
}
