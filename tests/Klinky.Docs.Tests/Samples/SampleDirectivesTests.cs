namespace Klinky.Docs.Tests.Samples;

public class SampleDirectivesTests
{
    [Fact]
    public void EveryCodeBlock_NamesItsLanguageAndHowTheTestsCheckIt()
    {
        var problems = new List<string>();
        foreach (var sample in DocSamples.All)
        {
            if (!DocSamples.Directives.TryGetValue(sample.Language, out var allowed))
            {
                problems.Add($"{sample}: give the block one of the languages {string.Join(", ", DocSamples.Directives.Keys)}");
            }
            else if (sample.Directive is null && allowed.Length > 0 && !allowed.Contains("output"))
            {
                problems.Add($"{sample}: say how the tests check it, e.g. <!-- sample: {allowed[0]} --> (or {string.Join(", ", allowed)})");
            }
            else if (sample.Directive is not null && !allowed.Contains(sample.Directive))
            {
                problems.Add($"{sample}: '{sample.Directive}' is not one of {string.Join(", ", allowed)} for {sample.Language}");
            }
            else if (sample.Directive == "skip" && sample.Reason is null)
            {
                problems.Add($"{sample}: a skipped sample says why: <!-- sample: skip: why -->");
            }
        }

        Assert.True(DocSamples.All.Count(s => s.Language == "csharp") >= 4, "the C# samples were not found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Parse_DirectiveBeforeAFence_IsTheSamplesDirectiveWithItsReason()
    {
        const string Markdown = "Text\n<!-- sample: skip: needs Docker -->\n\n```bash\ndocker build .\n```\n````markdown\n```\ninner\n```\n````\n```csharp\nConsole.WriteLine();\n```\n";

        var samples = DocSamples.Parse("page.md", Markdown).ToList();

        Assert.Collection(
            samples,
            s => Assert.Equal(("bash", 4, "skip", "needs Docker", "docker build .\n"), (s.Language, s.Line, s.Directive, s.Reason, s.Code)),
            s => Assert.Equal(("markdown", 7, null, "```\ninner\n```\n"), (s.Language, s.Line, s.Directive, s.Code)),
            s => Assert.Equal(("csharp", 12, null), (s.Language, s.Line, s.Directive)));
    }
}
