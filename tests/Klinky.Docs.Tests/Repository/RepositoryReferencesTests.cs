namespace Klinky.Docs.Tests.Repository;

public class RepositoryReferencesTests
{
    [Fact]
    public void TrackedFiles_ReferToNothingOutsideTheRepository()
    {
        var root = Klinky.Testing.RepositoryPaths.Root;
        var names = new HashSet<string>(TrackedFiles.All.Select(Path.GetFileName)!, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in TrackedFiles.All)
        {
            var bytes = File.ReadAllBytes(Path.Combine(root, file));
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                continue; // binary
            }

            problems.AddRange(OutsideReferences.Find(System.Text.Encoding.UTF8.GetString(bytes), names).Select(p => file + ": " + p));
        }

        Assert.True(TrackedFiles.All.Count > 100, "git ls-files listed only " + TrackedFiles.All.Count + " files");
        Assert.True(problems.Count == 0, "References a reader of the repository cannot follow:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("fixtures copied from ../" + "shared/fixtures", "a folder beside the repository")]
    [InlineData(@"read ..\" + "shared\\klinky-api.md", "a folder beside the repository")]
    [InlineData("see /" + "work/shared/api.md", "an absolute path of a development machine")]
    [InlineData("run \"Klinky.Core: a call (issue" + " 2)\"", "an issue number")]
    [InlineData("fixed in Issue" + " #12", "an issue number")]
    [InlineData("as issues" + " 3 and 4 say", "an issue number")]
    [InlineData("checked in FIELD-" + "NOTES (section 2)", "a note that is not in the repository")]
    [InlineData("the house rules in STYLE" + ".md", "a note that is not in the repository")]
    public void Find_ReferenceAReaderCannotFollow_IsReported(string text, string what)
    {
        var problems = OutsideReferences.Find(text, new HashSet<string> { "README.md" }).ToList();

        Assert.Single(problems);
        Assert.Contains(what, problems[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB_EVENT_PATH=/home/runner/work/_temp/_github_workflow/event.json")]
    [InlineData("https://api.github.com/repos/octo/hello/issues/1347/comments")]
    [InlineData("the issue_comment event, an issue's number")]
    [InlineData("see README.md and CONTRIBUTING.md")]
    [InlineData("../shop/Shared/Layout.cshtml and ./shared-folder")]
    public void Find_OrdinaryText_IsNotReported(string text)
    {
        var problems = OutsideReferences.Find(text, new HashSet<string> { "README.md", "CONTRIBUTING.md" });

        Assert.Empty(problems);
    }
}
