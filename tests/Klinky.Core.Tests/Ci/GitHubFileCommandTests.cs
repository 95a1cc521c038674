using Klinky.Ci;

namespace Klinky.Tests.Ci;

/// <summary>The heredoc entry every surface writes to GITHUB_OUTPUT, as actions/toolkit's file-command.ts writes it.</summary>
public sealed class GitHubFileCommandTests
{
    [Fact]
    public void KeyValue_PutsNameValueAndDelimiterOnTheirOwnLines()
    {
        Assert.Equal("multi<<ghadelimiter_1\nline 1\nline 2\nghadelimiter_1\n", GitHubFileCommand.KeyValue("multi", "line 1\nline 2", "ghadelimiter_1"));
    }

    [Fact]
    public void KeyValue_DelimiterIsRandomPerValue()
    {
        var first = GitHubFileCommand.KeyValue("a", "1").Split('\n');
        var second = GitHubFileCommand.KeyValue("a", "1").Split('\n');

        Assert.Matches("^a<<ghadelimiter_[0-9a-f]{32}$", first[0]);
        Assert.Equal(first[0][3..], first[2]);
        Assert.NotEqual(first[2], second[2]);
    }

    [Fact]
    public void KeyValue_ValueHoldingTheDelimiter_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => GitHubFileCommand.KeyValue("x", "a\nEOF\nevil<<EOF", "EOF"));

        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void KeyValue_NameHoldingTheDelimiter_IsRefused()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => GitHubFileCommand.KeyValue("xEOF", "a", "EOF")).ParamName);
    }
}
