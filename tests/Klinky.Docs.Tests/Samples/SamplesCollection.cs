namespace Klinky.Docs.Tests.Samples;

/// <summary>The samples' tests build and run programs: one at a time, so they do not crowd a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class SamplesCollection
{
    public const string Name = "Doc samples";
}
