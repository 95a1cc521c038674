using Klinky.Links;

namespace Klinky.PowerShell.Targets;

/// <summary>One link a cmdlet acts on, named by -Id or found by -Slug: its id, the link when known, and how to name it in messages.</summary>
internal sealed class LinkTarget
{
    public LinkTarget(string id, Link? link)
    {
        Id = id;
        Link = link;
    }

    public string Id { get; }

    /// <summary>The link itself when this session already holds it (found by slug, or seen earlier); else null.</summary>
    public Link? Link { get; }

    /// <summary>The slug when known, else the id: what prompts, -WhatIf and errors name.</summary>
    public string Shown => Link is { Slug.Length: > 0 } link ? link.Slug : Id;
}
