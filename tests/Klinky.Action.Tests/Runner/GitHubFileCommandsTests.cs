using Klinky.Action.Runner;

namespace Klinky.Action.Tests.Runner;

public sealed class GitHubFileCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("klinky-commands-").FullName;
    private readonly StringWriter _stdout = new();

    private string OutputPath => Path.Combine(_folder, "output");
    private string SummaryPath => Path.Combine(_folder, "summary");

    public void Dispose()
    {
        _stdout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void SetOutput_AppendsCoresHeredocBlocks()
    {
        var commands = new GitHubFileCommands(_stdout, OutputPath, SummaryPath);

        commands.SetOutput("winners", "{\"a\":\"b\"}");
        commands.SetOutput("multi", "line 1\nline 2");

        Assert.Matches("^winners<<(ghadelimiter_[0-9a-f]{32})\n\\{\"a\":\"b\"}\n\\1\nmulti<<(ghadelimiter_[0-9a-f]{32})\nline 1\nline 2\n\\2\n$", File.ReadAllText(OutputPath));
    }

    [Fact]
    public void SetOutput_DefaultDelimiter_IsRandomPerValue()
    {
        var commands = new GitHubFileCommands(_stdout, OutputPath, SummaryPath);

        commands.SetOutput("a", "1");
        commands.SetOutput("b", "2");

        var lines = File.ReadAllLines(OutputPath);
        Assert.Matches("^a<<ghadelimiter_[0-9a-f]{32}$", lines[0]);
        Assert.NotEqual(lines[0][3..], lines[3][3..]);
    }

    [Fact]
    public void AppendSummary_Appends_EndingWithANewline()
    {
        var commands = new GitHubFileCommands(_stdout, OutputPath, SummaryPath);

        commands.AppendSummary("# one");
        commands.AppendSummary("two\n");

        Assert.Equal("# one\ntwo\n", File.ReadAllText(SummaryPath));
    }

    [Fact]
    public void WithoutRunnerFiles_OutputsAndSummaryAreSkipped()
    {
        var commands = new GitHubFileCommands(_stdout, null, "");

        commands.SetOutput("a", "1");
        commands.AppendSummary("x");

        Assert.False(commands.CanWriteSummary);
        Assert.Empty(Directory.EnumerateFiles(_folder));
    }

    [Fact]
    public void Annotations_EscapeDataAndTitle()
    {
        var commands = new GitHubFileCommands(_stdout, null, null);

        commands.Error("50% done\r\nnext", "Invalid: input, again");
        commands.Warning("w");
        commands.Notice("n", "t");
        commands.AddMask("sec%ret\nx");

        Assert.Equal(
            "::error title=Invalid%3A input%2C again::50%25 done%0D%0Anext\n::warning::w\n::notice title=t::n\n::add-mask::sec%25ret%0Ax\n",
            _stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
