namespace Klinky.Action.Links;

/// <summary>The links the inputs name, what could not be found, and what the lookup cost.</summary>
internal sealed record LinkResolution(
    IReadOnlyList<LinkTarget> Targets,
    IReadOnlyList<string> NotFound,
    IReadOnlyList<string> Warnings,
    bool Listed);
